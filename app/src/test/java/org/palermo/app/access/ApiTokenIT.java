package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Personal API tokens: accepted while active, refused once revoked or expired. */
@PalermoIntegrationTest
class ApiTokenIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired Accounts accountService;

  @Test
  void an_active_token_authenticates_api_calls() throws Exception {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    String token = accounts.token(user);
    mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items").isArray())
        .andExpect(jsonPath("$.page").value(0));
  }

  @Test
  void a_revoked_token_is_refused() throws Exception {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    Accounts.IssuedToken token =
        accountService.issueToken(user.username(), "t", Duration.ofDays(1), "test");
    accountService.revokeToken(user.id(), token.id(), "test");
    mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer " + token.secret()))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Bearer error=\"invalid_token\""))
        .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
  }

  @Test
  void a_token_revoked_after_use_is_refused_at_once_though_its_check_is_kept_in_memory()
      throws Exception {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    Accounts.IssuedToken token =
        accountService.issueToken(user.username(), "t", Duration.ofDays(1), "test");
    for (int i = 0; i < 2; i++) {
      mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer " + token.secret()))
          .andExpect(status().isOk());
    }
    assertThat(accountService.tokens(user.id()).get(0).lastUsedAt()).isNotNull();
    accountService.revokeToken(user.id(), token.id(), "test");
    mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer " + token.secret()))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
  }

  @Test
  void revoking_one_token_leaves_the_others_of_the_user_working() throws Exception {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    Accounts.IssuedToken kept =
        accountService.issueToken(user.username(), "kept", Duration.ofDays(1), "test");
    Accounts.IssuedToken gone =
        accountService.issueToken(user.username(), "gone", Duration.ofDays(1), "test");
    for (Accounts.IssuedToken t : java.util.List.of(kept, gone)) {
      mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer " + t.secret()))
          .andExpect(status().isOk());
    }
    accountService.revokeToken(user.id(), gone.id(), "test");
    mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer " + gone.secret()))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer " + kept.secret()))
        .andExpect(status().isOk());
  }

  @Test
  void an_expired_token_is_refused() throws Exception {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    String secret =
        accountService.issueToken(user.username(), "t", Duration.ofSeconds(-1), "test").secret();
    mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer " + secret))
        .andExpect(status().isUnauthorized());
  }

  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  @Test
  void a_flood_of_bad_tokens_is_audited_once_per_source_and_interval_not_once_per_request()
      throws Exception {
    // Issue #11 item 15: every refused token used to write an audit row (600 a second).
    long before = refusedTokenEntries();
    for (int i = 0; i < 30; i++) {
      mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer plm_flood" + i))
          .andExpect(status().isUnauthorized());
    }
    // At most the first of a new interval (another test may have opened this source's already).
    assertThat(refusedTokenEntries() - before).isLessThanOrEqualTo(1);
  }

  long refusedTokenEntries() {
    return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'access.token.use'")
        .query(Long.class)
        .single();
  }

  @Test
  void a_made_up_token_is_refused() throws Exception {
    mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer plm_madeup"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void a_token_does_not_open_the_web_interface() throws Exception {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    mvc.perform(get("/cases").header("Authorization", "Bearer " + accounts.token(user)))
        .andExpect(status().is3xxRedirection());
  }

  @Test
  void a_role_without_case_work_gets_403_on_the_case_list() throws Exception {
    TestUser user = accounts.user(AgencyType.STATISTICS_OFFICE, Role.STATISTICIAN);
    mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer " + accounts.token(user)))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("FORBIDDEN"));
  }

  @Test
  void bad_paging_is_a_400_naming_the_field() throws Exception {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    String token = accounts.token(user);
    mvc.perform(get("/api/v1/cases?size=1000").header("Authorization", "Bearer " + token))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("size"));
    mvc.perform(get("/api/v1/cases?status=NOPE").header("Authorization", "Bearer " + token))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("status"));
  }
}
