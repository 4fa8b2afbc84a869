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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Password login, lockout, and the TOTP second factor, through the real filter chain. */
@PalermoIntegrationTest
class AuthenticationIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired AccessRepository repository;

  private MvcResult login(String username, String password, MockHttpSession session)
      throws Exception {
    return mvc.perform(
            post("/login")
                .param("username", username)
                .param("password", password)
                .session(session)
                .with(csrf()))
        .andReturn();
  }

  private long auditCount(String action, String target, String outcome) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = ? AND target = ? AND outcome = ?")
        .params(action, target, outcome)
        .query(Long.class)
        .single();
  }

  @Test
  void a_correct_password_signs_in_and_is_audited() throws Exception {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    MockHttpSession session = new MockHttpSession();

    MvcResult result = login(user.username(), TestAccounts.PASSWORD, session);

    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
    mvc.perform(get("/").session(session)).andExpect(status().isOk());
    assertThat(auditCount("access.login", "user:" + user.id(), "SUCCESS")).isEqualTo(1);
  }

  @Test
  void a_wrong_password_is_refused_and_audited() throws Exception {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    MockHttpSession session = new MockHttpSession();

    MvcResult result = login(user.username(), "not the password", session);

    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    mvc.perform(get("/").session(session)).andExpect(status().is3xxRedirection());
    assertThat(auditCount("access.login", "user:" + user.id(), "FAILURE")).isEqualTo(1);
  }

  @Test
  void an_unknown_user_gets_the_same_answer_as_a_wrong_password() throws Exception {
    MvcResult result = login("nobody-at-all", "whatever password", new MockHttpSession());
    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
  }

  @Test
  void five_failures_lock_the_account_even_against_the_right_password() throws Exception {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    for (int i = 0; i < 5; i++) {
      login(user.username(), "wrong " + i, new MockHttpSession());
    }
    MockHttpSession session = new MockHttpSession();

    MvcResult result = login(user.username(), TestAccounts.PASSWORD, session);

    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
    assertThat(repository.user(user.id()).orElseThrow().lockedAt(Instant.now())).isTrue();
    assertThat(auditCount("access.login", "user:" + user.id(), "DENIED")).isEqualTo(1);
  }

  @Test
  void a_sign_in_lockout_leaves_the_persons_api_tokens_working() throws Exception {
    // Issue #11 item 16: the lockout answers password guessing at the sign-in form; anyone who
    // knows a username can trigger it, so it must not cut off the machine client's token.
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    String token = accounts.token(user);
    mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer " + token)) // cached as valid
        .andExpect(status().isOk());
    for (int i = 0; i < 5; i++) {
      login(user.username(), "wrong " + i, new MockHttpSession());
    }
    assertThat(repository.user(user.id()).orElseThrow().lockedAt(Instant.now())).isTrue();

    mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
    assertThat(login(user.username(), TestAccounts.PASSWORD, new MockHttpSession()))
        .extracting(r -> r.getResponse().getRedirectedUrl())
        .isEqualTo("/login?error");
  }

  @Test
  void four_failures_then_success_resets_the_count() throws Exception {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    for (int i = 0; i < 4; i++) {
      login(user.username(), "wrong " + i, new MockHttpSession());
    }
    assertThat(
            login(user.username(), TestAccounts.PASSWORD, new MockHttpSession())
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/");
    assertThat(repository.user(user.id()).orElseThrow().failedAttempts()).isZero();
  }

  @Test
  void an_administrator_must_enrol_a_second_factor_before_anything_else() throws Exception {
    TestUser admin = accounts.user(AgencyType.COORDINATION, Role.ADMIN);
    MockHttpSession session = new MockHttpSession();

    assertThat(
            login(admin.username(), TestAccounts.PASSWORD, session)
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/login/mfa");
    // Half signed in: every other page sends back to the second factor.
    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login/mfa"));

    MvcResult page = mvc.perform(get("/login/mfa").session(session)).andReturn();
    assertThat(page.getModelAndView().getViewName()).isEqualTo("mfa-enrol");
    String secret = (String) page.getModelAndView().getModel().get("secret");
    String code = new Totp().codeAt(secret, Instant.now());

    mvc.perform(post("/login/mfa/enrol").param("code", "000000").session(session).with(csrf()))
        .andExpect(redirectedUrl("/login/mfa?error"));
    mvc.perform(post("/login/mfa/enrol").param("code", code).session(session).with(csrf()))
        .andExpect(redirectedUrl("/"));
    mvc.perform(get("/").session(session)).andExpect(status().isOk());
    assertThat(repository.user(admin.id()).orElseThrow().hasTotp()).isTrue();
  }

  @Test
  void an_enrolled_user_needs_a_fresh_code_and_a_code_works_only_once() throws Exception {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    Totp totp = new Totp();
    String secret = totp.newSecret();
    repository.saveTotp(user.id(), secret, null);
    Instant now = Instant.now();
    String code = totp.codeAt(secret, now);

    MockHttpSession first = new MockHttpSession();
    assertThat(
            login(user.username(), TestAccounts.PASSWORD, first).getResponse().getRedirectedUrl())
        .isEqualTo("/login/mfa");
    String wrong = code.equals("123456") ? "654321" : "123456";
    mvc.perform(post("/login/mfa").param("code", wrong).session(first).with(csrf()))
        .andExpect(redirectedUrl("/login/mfa?error"));
    mvc.perform(post("/login/mfa").param("code", code).session(first).with(csrf()))
        .andExpect(redirectedUrl("/"));
    mvc.perform(get("/cases").session(first)).andExpect(status().isOk());

    MockHttpSession second = new MockHttpSession();
    login(user.username(), TestAccounts.PASSWORD, second);
    mvc.perform(post("/login/mfa").param("code", code).session(second).with(csrf()))
        .andExpect(redirectedUrl("/login/mfa?error"));
    mvc.perform(get("/").session(second)).andExpect(redirectedUrl("/login/mfa"));
  }

  @Test
  void a_half_signed_in_session_cannot_use_the_second_factor_pages_of_nobody() throws Exception {
    mvc.perform(get("/login/mfa")).andExpect(status().is3xxRedirection());
    mvc.perform(post("/login/mfa").param("code", "123456").with(csrf()))
        .andExpect(status().is3xxRedirection());
  }

  @Test
  void a_login_without_csrf_token_is_rejected() throws Exception {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    mvc.perform(
            post("/login")
                .param("username", user.username())
                .param("password", TestAccounts.PASSWORD))
        .andExpect(status().isForbidden());
  }
}
