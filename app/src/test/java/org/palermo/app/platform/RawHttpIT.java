package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Red-team re-test of issue 11, over a raw socket so that the bytes and headers a client chooses
 * reach the server as sent.
 */
@PalermoIntegrationTest
class RawHttpIT {
  @LocalServerPort int port;

  /** Sends {@code head} (request line and headers, CRLF-separated, no blank line) and a body. */
  String send(String head, byte[] body) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(60_000);
      OutputStream out = s.getOutputStream();
      String h =
          head
              + "\r\nConnection: close"
              + (body == null ? "" : "\r\nContent-Length: " + body.length)
              + "\r\n\r\n";
      out.write(h.getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      in.transferTo(got);
      return got.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void the_openapi_description_never_reflects_the_host_header() throws Exception {
    String answer = send("GET /v3/api-docs HTTP/1.1\r\nHost: evil.example", null);
    assertThat(answer).startsWith("HTTP/1.1 200");
    assertThat(answer).doesNotContain("evil.example");
    assertThat(answer).contains("\"servers\":[{\"url\":\"/\"");
  }
}
