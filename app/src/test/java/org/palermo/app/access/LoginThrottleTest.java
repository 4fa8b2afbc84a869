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

  @Test
  void many_fake_addresses_never_reset_the_budget_of_an_address_being_throttled() throws Exception {
    // Issue #11 item 5: over 50,000 tracked addresses used to clear every bucket at once.
    LoginThrottle throttle = new LoginThrottle(3);
    for (int i = 0; i < 3; i++) {
      attempt(throttle, "10.9.9.9", "/login");
    }
    for (int i = 0; i < LoginThrottle.MAX_TRACKED + 10_000; i++) {
      attempt(throttle, "172.16." + (i >> 8 & 0xff) + "." + (i & 0xff), "/login");
      if (i % 1_000 == 0) {
        assertThat(attempt(throttle, "10.9.9.9", "/login")).as("after %d others", i).isEqualTo(429);
      }
    }
    assertThat(attempt(throttle, "10.9.9.9", "/login")).isEqualTo(429);
    assertThat(throttle.tracked()).isLessThanOrEqualTo(LoginThrottle.MAX_TRACKED);
  }

  @Test
  void the_oldest_address_is_dropped_first_when_the_table_is_full() throws Exception {
    LoginThrottle throttle = new LoginThrottle(1, 3);
    assertThat(attempt(throttle, "10.0.0.1", "/login")).isEqualTo(200);
    assertThat(attempt(throttle, "10.0.0.2", "/login")).isEqualTo(200);
    assertThat(attempt(throttle, "10.0.0.3", "/login")).isEqualTo(200);
    assertThat(attempt(throttle, "10.0.0.2", "/login")).isEqualTo(429); // 10.0.0.2 seen again
    assertThat(attempt(throttle, "10.0.0.4", "/login")).isEqualTo(200); // drops 10.0.0.1 only
    assertThat(throttle.tracked()).isEqualTo(3);
    assertThat(attempt(throttle, "10.0.0.2", "/login")).isEqualTo(429);
    assertThat(attempt(throttle, "10.0.0.3", "/login")).isEqualTo(429);
  }

  @Test
  void an_ipv6_client_counts_by_its_64_prefix() throws Exception {
    LoginThrottle throttle = new LoginThrottle(2);
    assertThat(attempt(throttle, "2001:db8:1:2::1", "/login")).isEqualTo(200);
    assertThat(attempt(throttle, "2001:db8:1:2::ffff", "/login")).isEqualTo(200);
    assertThat(attempt(throttle, "2001:db8:1:2:aaaa::9", "/login")).isEqualTo(429);
    assertThat(attempt(throttle, "2001:db8:1:3::1", "/login")).isEqualTo(200);
  }
}
