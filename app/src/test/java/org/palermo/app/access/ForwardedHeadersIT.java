package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.palermo.app.LoweredLimitsIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Forwarded headers and the Host header through the real server (Tomcat, not MockMvc, which skips
 * Tomcat's valves and so never saw these faults; issue #11 items 5 and 14). No proxy is configured
 * here, so a client's {@code X-Forwarded-For} must not choose the address the sign-in throttle
 * counts, and neither {@code Host} nor {@code X-Forwarded-Host} may appear in a redirect.
 */
@LoweredLimitsIntegrationTest
class ForwardedHeadersIT {
  @LocalServerPort int port;

  /** One raw HTTP/1.1 exchange (the request closes the connection): the whole answer, as text. */
  String exchange(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  /** A sign-in attempt with a wrong password and a valid CSRF token of a fresh session. */
  String signIn(String forwardedFor) throws IOException {
    String page =
        exchange(
            "GET /login HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
    java.util.regex.Matcher cookie =
        java.util.regex.Pattern.compile("Set-Cookie: (__Host-palermo=[^;]+)").matcher(page);
    java.util.regex.Matcher csrf =
        java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
    assertThat(cookie.find()).as(page).isTrue();
    assertThat(csrf.find()).as(page).isTrue();
    String body = "username=nobody&password=wrong&_csrf=" + csrf.group(1);
    return exchange(
        "POST /login HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nCookie: "
            + cookie.group(1)
            + "\r\nX-Forwarded-For: "
            + forwardedFor
            + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
            + body.length()
            + "\r\nConnection: close\r\n\r\n"
            + body);
  }

  @Test
  void a_rotating_x_forwarded_for_does_not_escape_the_sign_in_throttle() throws IOException {
    int refused = 0;
    for (int i = 1; i <= 6; i++) {
      String answer = signIn("203.0.113." + i);
      if (answer.startsWith("HTTP/1.1 429")) {
        refused++;
      } else {
        // A refused password (the throttle let it through): back to the sign-in page.
        assertThat(answer).startsWith("HTTP/1.1 302").contains("Location: /login?error");
      }
    }
    // Three attempts a minute from this machine, whatever the header says.
    assertThat(refused).isGreaterThanOrEqualTo(3);
  }

  @Test
  void redirects_never_name_the_host_a_client_sends() throws IOException {
    String plain =
        exchange("GET /cases HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
    String forwarded =
        exchange(
            "GET /cases HTTP/1.1\r\nHost: 127.0.0.1:"
                + port
                + "\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: https\r\n"
                + "Connection: close\r\n\r\n");
    for (String answer : new String[] {plain, forwarded}) {
      assertThat(answer).startsWith("HTTP/1.1 302").containsIgnoringCase("\r\nLocation: /login");
      assertThat(answer).doesNotContain("evil.example");
    }
  }
}
