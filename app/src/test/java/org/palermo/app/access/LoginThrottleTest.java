package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class LoginThrottleTest {

  private static int attempt(LoginThrottle throttle, String address, String path) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.setServletPath(path);
    request.setRemoteAddr(address);
    MockHttpServletResponse response = new MockHttpServletResponse();
    throttle.doFilter(request, response, new MockFilterChain());
    return response.getStatus();
  }

  @Test
  void an_address_over_its_budget_gets_429_while_others_pass() throws Exception {
    LoginThrottle throttle = new LoginThrottle(3);
    for (int i = 0; i < 3; i++) {
      assertThat(attempt(throttle, "10.0.0.1", "/login")).isEqualTo(200);
    }
    assertThat(attempt(throttle, "10.0.0.1", "/login")).isEqualTo(429);
    assertThat(attempt(throttle, "10.0.0.1", "/login/mfa")).isEqualTo(429);
    assertThat(attempt(throttle, "10.0.0.2", "/login")).isEqualTo(200);
  }

  @Test
  void other_requests_are_not_counted() throws Exception {
    LoginThrottle throttle = new LoginThrottle(1);
    for (int i = 0; i < 5; i++) {
      assertThat(attempt(throttle, "10.0.0.3", "/cases")).isEqualTo(200);
    }
  }
}
