package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a browser or client sees over real HTTP: security headers, cookie flags, public pages. */
@PalermoIntegrationTest
class HttpSurfaceIT {
  @LocalServerPort int port;
  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void pages_carry_the_security_headers() throws Exception {
    for (String path : List.of("/login", "/api/v1/cases")) {
      var headers = get(path).headers();
      assertThat(headers.firstValue("Content-Security-Policy").orElseThrow())
          .as(path)
          .contains("script-src 'self'")
          .contains("frame-ancestors 'none'")
          .doesNotContain("unsafe-inline");
      assertThat(headers.firstValue("Strict-Transport-Security")).as(path).isPresent();
      assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
      assertThat(headers.firstValue("Cache-Control").orElseThrow()).as(path).contains("no-store");
    }
  }

  @Test
  void the_session_cookie_is_host_only_secure_httponly_and_samesite() throws Exception {
    String cookie =
        get("/login").headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("__Host-palermo="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("Path=/").contains("Secure").contains("HttpOnly");
    assertThat(cookie).containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("Domain=");
  }

  @Test
  void health_is_public_and_shows_status_only() throws Exception {
    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components");
    assertThat(get("/actuator/metrics").statusCode()).isEqualTo(302);
  }

  @Test
  void the_openapi_description_and_swagger_ui_are_public() throws Exception {
    HttpResponse<String> docs = get("/v3/api-docs");
    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.body()).contains("/api/v1/cases").contains("bearer");
    assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
  }

  @Test
  void no_folder_is_listed_and_no_build_or_configuration_file_is_served() throws Exception {
    // ASVS 4.3.2: directory browsing off, no metadata. Signed in or not, none of these answers 200.
    for (String path :
        List.of(
            "/css/",
            "/js/",
            "/webjars/",
            "/static/",
            "/.git/config",
            "/.DS_Store",
            "/META-INF/MANIFEST.MF",
            "/application.properties",
            "/db/migration/V1__platform.sql",
            "/BOOT-INF/classes/application.properties",
            "/i18n/messages.properties")) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isNotEqualTo(200);
      // Not a listing (the application's error page links its own stylesheet, which is fine) and
      // not the file itself.
      assertThat(r.body())
          .as(path)
          .doesNotContain(">palermo.css<")
          .doesNotContain("Manifest-Version")
          .doesNotContain("CREATE TABLE")
          .doesNotContain("spring.");
    }
  }

  @Test
  void assets_are_served_by_the_application_itself() throws Exception {
    assertThat(get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
    assertThat(get("/css/palermo.css").statusCode()).isEqualTo(200);
    String login = get("/login").body();
    assertThat(login).doesNotContain("http://").doesNotContain("https://");
  }

  @Test
  void the_language_parameter_switches_to_arabic_right_to_left() throws Exception {
    String page = get("/login?lang=ar").body();
    assertThat(page).contains("lang=\"ar\"").contains("dir=\"rtl\"").contains("تسجيل الدخول");
    assertThat(get("/login?lang=fr").body()).contains("lang=\"fr\"").contains("dir=\"ltr\"");
    assertThat(get("/login?lang=xx").body()).contains("lang=\"en\"");
  }
}
