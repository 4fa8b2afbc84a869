package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.identification.ScreeningFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * A form kept after the session expired (issue #14 item 3): the path it posted to names the case,
 * so it is sealed at rest like the fields (SECURITY.md; GDPR art. 32); the parameters of the
 * action's query string stay in the path and are not kept again in the body, or the re-post would
 * send them twice.
 */
@PalermoIntegrationTest
class KeptSubmissionsIT {
  @Autowired KeptSubmissions kept;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;

  @Test
  void the_path_is_sealed_and_the_query_is_not_posted_twice() {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    PalermoPrincipal who = ScreeningFixtures.principal(user, Role.CASEWORKER);
    UUID caseId = UUID.randomUUID();
    CsrfToken token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", UUID.randomUUID().toString());
    byte[] raw = token.getToken().getBytes(StandardCharsets.UTF_8);
    byte[] masked = new byte[raw.length * 2];
    System.arraycopy(raw, 0, masked, raw.length, raw.length);

    MockHttpServletRequest post = new MockHttpServletRequest("POST", "/cases/" + caseId + "/notes");
    post.setContentType("application/x-www-form-urlencoded");
    post.setQueryString("tab=notes&from=home");
    // The servlet container merges the query's parameters with the body's, query first.
    post.addParameter("tab", "notes");
    post.addParameter("from", "home");
    post.addParameter("text", "Met at the shelter");
    post.addParameter("_csrf", Base64.getUrlEncoder().encodeToString(masked));
    MockHttpServletResponse response = new MockHttpServletResponse();
    assertThat(kept.keep(post, response, who, token)).isTrue();

    // Nothing in the row names the case.
    Map<String, Object> row =
        jdbc.sql("SELECT * FROM kept_submission WHERE user_id = ?")
            .param(user.id())
            .query()
            .singleRow();
    assertThat(row.get("path")).isNull();
    row.values().stream()
        .filter(v -> v instanceof String)
        .forEach(v -> assertThat((String) v).doesNotContain(caseId.toString()));

    Cookie handle = response.getCookie(KeptSubmissions.COOKIE);
    MockHttpServletRequest back = new MockHttpServletRequest("GET", "/session/kept");
    back.setCookies(handle);
    KeptSubmissions.Kept answers =
        kept.take(back, new MockHttpServletResponse(), who).orElseThrow();
    assertThat(answers.path()).isEqualTo("/cases/" + caseId + "/notes?tab=notes&from=home");
    assertThat(answers.fields()).containsExactly(Map.entry("text", "Met at the shelter"));
  }

  @Test
  void a_path_kept_in_the_clear_before_the_upgrade_is_sealed_and_still_restored() {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    PalermoPrincipal who = ScreeningFixtures.principal(user, Role.CASEWORKER);
    CsrfToken token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", UUID.randomUUID().toString());
    byte[] raw = token.getToken().getBytes(StandardCharsets.UTF_8);
    byte[] masked = new byte[raw.length * 2];
    System.arraycopy(raw, 0, masked, raw.length, raw.length);
    UUID caseId = UUID.randomUUID();
    MockHttpServletRequest post = new MockHttpServletRequest("POST", "/cases/" + caseId + "/notes");
    post.setContentType("application/x-www-form-urlencoded");
    post.addParameter("text", "Kept");
    post.addParameter("_csrf", Base64.getUrlEncoder().encodeToString(masked));
    MockHttpServletResponse response = new MockHttpServletResponse();
    assertThat(kept.keep(post, response, who, token)).isTrue();
    // A row as the version before kept it: the path in the clear.
    jdbc.sql("UPDATE kept_submission SET path = ?, path_sealed = NULL WHERE user_id = ?")
        .params("/cases/" + caseId + "/notes", user.id())
        .update();

    kept.sealLegacyPaths();

    List<String> clear =
        jdbc.sql("SELECT path FROM kept_submission WHERE user_id = ? AND path IS NOT NULL")
            .param(user.id())
            .query(String.class)
            .list();
    assertThat(clear).isEmpty();
    MockHttpServletRequest back = new MockHttpServletRequest("GET", "/session/kept");
    back.setCookies(response.getCookie(KeptSubmissions.COOKIE));
    assertThat(kept.take(back, new MockHttpServletResponse(), who).orElseThrow().path())
        .isEqualTo("/cases/" + caseId + "/notes");
  }
}
