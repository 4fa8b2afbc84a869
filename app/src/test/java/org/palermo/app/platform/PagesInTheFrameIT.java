package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.cases.care.CareFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #14 items 5 and 18 over real HTTP (Tomcat's error dispatch and multipart parsing, where
 * MockMvc does not go): every error of a page is the product's page, in its layout, translated,
 * with a way back; static files are fingerprinted, cached for a year and compressed while pages
 * stay {@code no-store}; the public HSDS API answers CORS preflights and may be cached.
 */
@PalermoIntegrationTest
class PagesInTheFrameIT {
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  static final Pattern COOKIE = Pattern.compile("(__Host-palermo=[^;]+)");
  static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  @LocalServerPort int port;
  @Autowired TestAccounts accounts;
  @Autowired CareFixtures fixtures;

  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  HttpRequest.Builder request(String path, String cookie) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", HTML);
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    return b;
  }

  HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
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

  static String csrf(String page) {
    Matcher m = CSRF.matcher(page);
    assertThat(m.find()).as("a form with a CSRF token").isTrue();
    return m.group(1);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  String signIn(TestUser user) throws Exception {
    HttpResponse<String> login = send(request("/login", null));
    String cookie = cookie(login, null);
    HttpResponse<String> signedIn =
        send(
            request("/login", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + enc(user.username())
                            + "&password="
                            + enc(TestAccounts.PASSWORD)
                            + "&_csrf="
                            + enc(csrf(login.body())))));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    return cookie(signedIn, cookie);
  }

  /** The product's error page: its layout, the signed-in menu, a translated text, a way back. */
  static void assertErrorPageInTheFrame(HttpResponse<String> r, int status, String text) {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(r.body())
        .contains("class=\"site-header\"")
        .contains("class=\"site-footer\"")
        .contains(text)
        .contains("href=\"/\"")
        .doesNotContain("Apache Tomcat")
        .doesNotContain("\"title\"");
  }

  @Test
  void an_upload_over_the_limit_is_the_413_page_in_the_layout_in_the_users_language()
      throws Exception {
    TestUser caseworker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    UUID caseId = fixtures.caseOf(caseworker.agency().id());
    String session = signIn(caseworker);
    HttpResponse<String> form = send(request("/cases/" + caseId + "/attachments", session));
    assertThat(form.statusCode()).isEqualTo(200);
    String token = csrf(form.body());

    String boundary = "edge" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + token
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    byte[] big = new byte[10 * 1024 * 1024 + 1];
    Arrays.fill(big, (byte) 'a');
    body.writeBytes(big);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> tooBig =
        send(
            request("/cases/" + caseId + "/attachments", cookie(form, session))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept-Language", "fr")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    assertErrorPageInTheFrame(tooBig, 413, "Le fichier ou le formulaire est trop volumineux");
    assertThat(tooBig.body()).contains("lang=\"fr\"").contains("Revenir à la page précédente");
  }

  @Test
  void pages_that_do_not_exist_or_cannot_be_read_are_answered_in_the_layout() throws Exception {
    TestUser caseworker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    String session = signIn(caseworker);
    assertErrorPageInTheFrame(
        send(request("/no-such-page", session)), 404, "This page does not exist.");
    assertErrorPageInTheFrame(
        send(request("/cases?page=abc", session)), 400, "The request could not be read.");
    // A page that only takes POST, asked with GET: 405, in Arabic, right to left.
    HttpResponse<String> method = send(request("/session/keep-alive?lang=ar", session));
    assertErrorPageInTheFrame(method, 405, "dir=\"rtl\"");
    assertThat(method.body()).contains("لا يمكن استخدام هذه الصفحة بهذه الطريقة");
    // A form whose CSRF token no longer holds (a session that ended while the form was open).
    HttpResponse<String> csrf =
        send(
            request("/cases/new", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=stale")));
    assertErrorPageInTheFrame(csrf, 403, "your session ended or the form was open too long");
  }

  @Test
  void static_files_are_fingerprinted_cached_for_a_year_and_compressed_and_pages_are_not_stored()
      throws Exception {
    HttpResponse<String> login = send(request("/login", null));
    assertThat(login.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    Matcher css =
        Pattern.compile("href=\"(/css/palermo-[0-9a-f]{32}\\.css)\"").matcher(login.body());
    assertThat(css.find()).as("the stylesheet's URL carries its content hash").isTrue();
    Matcher js =
        Pattern.compile("src=\"(/webjars/htmx\\.org/[^\"]*htmx\\.min-[0-9a-f]{32}\\.js)\"")
            .matcher(login.body());
    assertThat(js.find()).as("the script's URL carries its content hash").isTrue();
    for (String path : new String[] {css.group(1), js.group(1)}) {
      HttpResponse<byte[]> file =
          http.send(
              request(path, null).header("Accept-Encoding", "gzip").build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(file.statusCode()).isEqualTo(200);
      assertThat(file.headers().firstValue("Cache-Control").orElseThrow())
          .contains("max-age=31536000")
          .contains("public")
          .contains("immutable")
          .doesNotContain("no-store");
      assertThat(file.headers().firstValue("Content-Encoding")).hasValue("gzip");
    }
  }

  @Test
  void the_public_hsds_api_answers_cors_preflights_for_get_and_may_be_cached() throws Exception {
    HttpResponse<String> preflight =
        send(
            request("/hsds/services", null)
                .header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow())
        .contains("GET");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

    HttpResponse<String> services =
        send(
            request("/hsds/services", null)
                .header("Accept", "application/json")
                .header("Origin", "https://example.org"));
    assertThat(services.statusCode()).isEqualTo(200);
    assertThat(services.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(services.headers().firstValue("Cache-Control").orElseThrow())
        .contains("public")
        .contains("max-age=300");
    assertThat(services.headers().firstValue("Set-Cookie")).isEmpty();

    HttpResponse<String> write =
        send(
            request("/hsds/services", null)
                .header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(write.statusCode()).isEqualTo(403);
  }
}
