package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Session lifetimes (ASVS V3.3.1, V3.3.2) against a clock the test moves: use within 15 minutes
 * keeps a session; 15 minutes and one second idle ends it on the next request, which goes to the
 * sign-in page, and the old session id opens nothing any more (also over real HTTP with the real
 * cookie); 12 hours end even an active session; an administrator signs in again with the second
 * factor; API tokens do not care.
 */
@PalermoIntegrationTest
@Import(SessionTimeoutIT.Clocks.class)
class SessionTimeoutIT {
  /** A clock that tests move; the primary {@link Clock} of this test's context. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.now();

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  /**
   * Imported by this class only. Deliberately not annotated: a {@code @TestConfiguration} would be
   * found by the component scan of the applications that other tests start with {@code
   * SpringApplication} (CliIT…), and freeze their clock.
   */
  static class Clocks {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock();
    }
  }

  static final Duration IDLE = Duration.ofMinutes(15);

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired AccessRepository repository;
  @Autowired MovableClock clock;
  @Autowired Clock injected;
  @LocalServerPort int port;

  MockHttpSession signIn(TestUser user) throws Exception {
    MockHttpSession session = new MockHttpSession();
    mvc.perform(
            post("/login")
                .param("username", user.username())
                .param("password", TestAccounts.PASSWORD)
                .session(session)
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    return session;
  }

  long expiries(TestUser user, String reason) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = 'access.session.expired'"
                + " AND target = ? AND detail = ? AND outcome = 'SUCCESS'")
        .params("user:" + user.id(), "reason=" + reason)
        .query(Long.class)
        .single();
  }

  @Test
  void the_application_reads_the_movable_clock() {
    assertThat(injected).isSameAs(clock);
  }

  @Test
  void use_within_fifteen_minutes_keeps_the_session_and_fifteen_minutes_and_a_second_ends_it()
      throws Exception {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    MockHttpSession session = signIn(user);
    mvc.perform(get("/cases").session(session)).andExpect(status().isOk());
    // The container keeps a signed-in session one minute longer than the policy.
    assertThat(session.getMaxInactiveInterval()).isEqualTo(16 * 60);

    // An hour of use, never 15 minutes apart: the session lives on.
    for (int i = 0; i < 4; i++) {
      clock.advance(Duration.ofMinutes(14));
      mvc.perform(get("/cases").session(session)).andExpect(status().isOk());
    }
    clock.advance(IDLE); // exactly 15 minutes is still within the limit
    mvc.perform(get("/cases").session(session)).andExpect(status().isOk());
    assertThat(expiries(user, "idle")).isZero();

    clock.advance(IDLE.plusSeconds(1));
    mvc.perform(get("/cases").session(session)).andExpect(redirectedUrl("/login?expired"));
    assertThat(session.isInvalid()).isTrue();
    assertThat(expiries(user, "idle")).isEqualTo(1);
    // The detail holds the reason only.
    assertThat(
            jdbc.sql(
                    "SELECT detail FROM audit_event WHERE action = 'access.session.expired'"
                        + " AND target = ?")
                .param("user:" + user.id())
                .query(String.class)
                .list())
        .containsExactly("reason=idle");

    String page =
        mvc.perform(get("/login").param("expired", "").locale(Locale.ENGLISH))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Your session has expired");
    String french =
        mvc.perform(get("/login").param("expired", "").locale(Locale.FRENCH))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(french).contains("Votre session a expiré");
  }

  @Test
  void twelve_hours_after_sign_in_even_an_active_session_ends() throws Exception {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    MockHttpSession session = signIn(user);
    mvc.perform(get("/cases").session(session)).andExpect(status().isOk());
    // A request every 10 minutes for 12 hours.
    for (int i = 0; i < 72; i++) {
      clock.advance(Duration.ofMinutes(10));
      mvc.perform(get("/cases").session(session)).andExpect(status().isOk());
    }
    clock.advance(Duration.ofMinutes(10));
    mvc.perform(get("/cases").session(session)).andExpect(redirectedUrl("/login?expired"));
    assertThat(session.isInvalid()).isTrue();
    assertThat(expiries(user, "absolute")).isEqualTo(1);
    assertThat(expiries(user, "idle")).isZero();
  }

  @Test
  void an_administrator_needs_the_second_factor_again_after_a_timeout() throws Exception {
    TestUser admin = accounts.user(AgencyType.COORDINATION, Role.ADMIN);
    Totp totp = new Totp();
    String secret = totp.newSecret();
    repository.saveTotp(admin.id(), secret, null);

    MockHttpSession first = signIn(admin);
    mvc.perform(
            post("/login/mfa")
                .param("code", totp.codeAt(secret, clock.instant()))
                .session(first)
                .with(csrf()))
        .andExpect(redirectedUrl("/"));
    mvc.perform(get("/").session(first)).andExpect(status().isOk());

    clock.advance(IDLE.plusSeconds(1));
    mvc.perform(get("/").session(first)).andExpect(redirectedUrl("/login?expired"));

    MockHttpSession second = signIn(admin);
    // The password alone is not enough: every page still sends to the second factor.
    mvc.perform(get("/").session(second)).andExpect(redirectedUrl("/login/mfa"));
    mvc.perform(get("/actuator/metrics").session(second)).andExpect(redirectedUrl("/login/mfa"));
    mvc.perform(
            post("/login/mfa")
                .param("code", totp.codeAt(secret, clock.instant()))
                .session(second)
                .with(csrf()))
        .andExpect(redirectedUrl("/"));
    mvc.perform(get("/").session(second)).andExpect(status().isOk());
  }

  @Test
  void a_half_signed_in_session_also_expires() throws Exception {
    TestUser admin = accounts.user(AgencyType.COORDINATION, Role.ADMIN);
    repository.saveTotp(admin.id(), new Totp().newSecret(), null);
    MockHttpSession session = signIn(admin);
    mvc.perform(get("/login/mfa").session(session)).andExpect(status().isOk());
    clock.advance(IDLE.plusSeconds(1));
    mvc.perform(get("/login/mfa").session(session)).andExpect(redirectedUrl("/login?expired"));
    assertThat(expiries(admin, "idle")).isEqualTo(1);
  }

  @Test
  void api_tokens_are_stateless_and_not_affected() throws Exception {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    String token = accounts.token(user);
    mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
    clock.advance(Duration.ofHours(13));
    mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
    assertThat(expiries(user, "idle") + expiries(user, "absolute")).isZero();
  }

  // Real HTTP, real Tomcat session and cookie.

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  static final Pattern COOKIE = Pattern.compile("(__Host-palermo=[^;]+)");

  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  HttpResponse<String> send(String method, String path, String cookie, String form)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    if (form != null) {
      b.header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String cookie(HttpResponse<?> r, String previous) {
    for (String c : r.headers().allValues("Set-Cookie")) {
      Matcher m = COOKIE.matcher(c);
      if (m.find()) {
        return m.group(1);
      }
    }
    return previous;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void over_http_the_old_session_cookie_opens_nothing_after_the_timeout() throws Exception {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    HttpResponse<String> loginPage = send("GET", "/login", null, null);
    String cookie = cookie(loginPage, null);
    Matcher token = CSRF.matcher(loginPage.body());
    assertThat(token.find()).isTrue();
    HttpResponse<String> signedIn =
        send(
            "POST",
            "/login",
            cookie,
            "username="
                + enc(user.username())
                + "&password="
                + enc(TestAccounts.PASSWORD)
                + "&_csrf="
                + enc(token.group(1)));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/");
    String session = cookie(signedIn, cookie);
    assertThat(session).isNotEqualTo(cookie); // a new session id on sign-in
    assertThat(send("GET", "/cases", session, null).statusCode()).isEqualTo(200);

    clock.advance(IDLE.plusSeconds(1));
    HttpResponse<String> expired = send("GET", "/cases", session, null);
    assertThat(expired.statusCode()).isEqualTo(302);
    assertThat(expired.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
    assertThat(expiries(user, "idle")).isEqualTo(1);

    // Even with the clock turned back, the old session id opens nothing: it was invalidated (the
    // sign-in page says why, since the browser still sends the id of a session that is gone).
    clock.advance(IDLE.plusSeconds(1).negated());
    HttpResponse<String> again = send("GET", "/cases", session, null);
    assertThat(again.statusCode()).isEqualTo(302);
    assertThat(again.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
    assertThat(expiries(user, "idle")).isEqualTo(1);
    // Without a session id, a protected page sends to the plain sign-in page.
    HttpResponse<String> fresh = send("GET", "/cases", null, null);
    assertThat(fresh.headers().firstValue("Location").orElseThrow()).endsWith("/login");
  }

  /** Signs in over HTTP and returns the session cookie. */
  String signInOverHttp(TestUser user) throws Exception {
    HttpResponse<String> loginPage = send("GET", "/login", null, null);
    String cookie = cookie(loginPage, null);
    Matcher token = CSRF.matcher(loginPage.body());
    assertThat(token.find()).isTrue();
    HttpResponse<String> signedIn =
        send(
            "POST",
            "/login",
            cookie,
            "username="
                + enc(user.username())
                + "&password="
                + enc(TestAccounts.PASSWORD)
                + "&_csrf="
                + enc(token.group(1)));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    return cookie(signedIn, cookie);
  }

  @Test
  void over_http_signing_out_ends_the_session_for_good() throws Exception {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    String session = signInOverHttp(user);
    HttpResponse<String> page = send("GET", "/cases", session, null);
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher token = CSRF.matcher(page.body());
    assertThat(token.find()).as("the sign-out form carries a CSRF token").isTrue();
    HttpResponse<String> out = send("POST", "/logout", session, "_csrf=" + enc(token.group(1)));
    assertThat(out.statusCode()).isEqualTo(302);
    assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
    // The back button or a copied cookie does not bring the session back.
    HttpResponse<String> back = send("GET", "/cases", session, null);
    assertThat(back.statusCode()).isEqualTo(302);
    assertThat(back.headers().firstValue("Location").orElseThrow()).contains("/login");
  }

  @Test
  void over_http_signing_in_gives_a_new_session_id_and_the_old_one_stays_signed_out()
      throws Exception {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    HttpResponse<String> loginPage = send("GET", "/login", null, null);
    String before = cookie(loginPage, null);
    assertThat(before).isNotNull();
    Matcher token = CSRF.matcher(loginPage.body());
    assertThat(token.find()).isTrue();
    HttpResponse<String> signedIn =
        send(
            "POST",
            "/login",
            before,
            "username="
                + enc(user.username())
                + "&password="
                + enc(TestAccounts.PASSWORD)
                + "&_csrf="
                + enc(token.group(1)));
    String after = cookie(signedIn, null);
    assertThat(after).isNotNull().isNotEqualTo(before);
    assertThat(send("GET", "/cases", after, null).statusCode()).isEqualTo(200);
    // Session fixation: the id known before sign-in is not signed in.
    HttpResponse<String> fixed = send("GET", "/cases", before, null);
    assertThat(fixed.statusCode()).isEqualTo(302);
    assertThat(fixed.headers().firstValue("Location").orElseThrow()).contains("/login");
  }

  @Autowired org.springframework.context.ApplicationContext context;

  /** The real Tomcat session manager of this test's server. */
  org.apache.catalina.session.ManagerBase sessions() {
    var server =
        (org.springframework.boot.tomcat.TomcatWebServer)
            ((org.springframework.boot.web.server.servlet.context
                        .ServletWebServerApplicationContext)
                    context)
                .getWebServer();
    var webapp = (org.apache.catalina.Context) server.getTomcat().getHost().findChildren()[0];
    return (org.apache.catalina.session.ManagerBase) webapp.getManager();
  }

  @Test
  void a_session_nobody_comes_back_to_is_freed_by_the_container_and_audited() throws Exception {
    TestUser user = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    String cookie = signInOverHttp(user);
    assertThat(send("GET", "/cases", cookie, null).statusCode()).isEqualTo(200);
    String id = cookie.substring(cookie.indexOf('=') + 1);
    org.apache.catalina.Session session = sessions().findSession(id);
    assertThat(session).isNotNull();
    // The container keeps it one minute longer than the idle timeout...
    assertThat(session.getMaxInactiveInterval()).isEqualTo(16 * 60);
    // ...which, shortened here to one second, passes without a request.
    session.setMaxInactiveInterval(1);
    Thread.sleep(1_500);
    sessions().processExpires(); // what the container's background thread does
    assertThat(sessions().findSession(id)).isNull();
    assertThat(expiries(user, "idle")).isEqualTo(1);
    // The browser comes back later: the sign-in page says the session expired.
    HttpResponse<String> late = send("GET", "/cases", cookie, null);
    assertThat(late.statusCode()).isEqualTo(302);
    assertThat(late.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
    // Signing out is not an expiry.
    TestUser other = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    String second = signInOverHttp(other);
    Matcher token = CSRF.matcher(send("GET", "/cases", second, null).body());
    assertThat(token.find()).isTrue();
    send("POST", "/logout", second, "_csrf=" + enc(token.group(1)));
    assertThat(expiries(other, "idle")).isZero();
  }
}
