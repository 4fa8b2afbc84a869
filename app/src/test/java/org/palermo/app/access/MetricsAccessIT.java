package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Metrics are for administrators who passed both factors; nobody else reads them. */
@PalermoIntegrationTest
class MetricsAccessIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired AccessRepository repository;

  private MockHttpSession signIn(TestUser user, boolean secondFactor) throws Exception {
    MockHttpSession session = new MockHttpSession();
    Totp totp = new Totp();
    String secret = totp.newSecret();
    if (secondFactor) {
      repository.saveTotp(user.id(), secret, null);
    }
    String to =
        mvc.perform(
                post("/login")
                    .param("username", user.username())
                    .param("password", TestAccounts.PASSWORD)
                    .session(session)
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    if (secondFactor) {
      assertThat(to).isEqualTo("/login/mfa");
      mvc.perform(
              post("/login/mfa")
                  .param("code", totp.codeAt(secret, Instant.now()))
                  .session(session)
                  .with(csrf()))
          .andExpect(redirectedUrl("/"));
    }
    return session;
  }

  @Test
  void an_administrator_with_both_factors_reads_metrics_and_prometheus() throws Exception {
    TestUser admin = accounts.user(AgencyType.COORDINATION, Role.ADMIN);
    MockHttpSession session = signIn(admin, true);
    String metrics =
        mvc.perform(get("/actuator/metrics").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(metrics).contains("jvm.memory.used").contains("http.server.requests");
    String prometheus =
        mvc.perform(get("/actuator/prometheus").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(prometheus).contains("jvm_memory_used_bytes");
  }

  @Test
  void a_caseworker_is_refused_metrics_and_a_half_signed_in_admin_is_sent_to_the_second_factor()
      throws Exception {
    TestUser caseworker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    MockHttpSession session = signIn(caseworker, false);
    mvc.perform(get("/actuator/metrics").session(session)).andExpect(status().isForbidden());
    mvc.perform(get("/actuator/prometheus").session(session)).andExpect(status().isForbidden());

    TestUser admin = accounts.user(AgencyType.COORDINATION, Role.ADMIN);
    MockHttpSession half = new MockHttpSession();
    mvc.perform(
            post("/login")
                .param("username", admin.username())
                .param("password", TestAccounts.PASSWORD)
                .session(half)
                .with(csrf()))
        .andExpect(redirectedUrl("/login/mfa"));
    mvc.perform(get("/actuator/metrics").session(half)).andExpect(redirectedUrl("/login/mfa"));
  }
}
