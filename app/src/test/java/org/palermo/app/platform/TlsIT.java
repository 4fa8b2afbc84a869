package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoApplication;
import org.palermo.app.PalermoIntegrationTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * TLS served by Palermo itself (docs/operations.md, "TLS"): with a certificate configured, the
 * server answers over HTTPS on an address that is not loopback, and a client that trusts that
 * certificate gets the pages with HSTS. The key pair is made for this test by the JDK's keytool.
 */
@PalermoIntegrationTest
class TlsIT {
  static final String PASSWORD = "palermo-test-only";
  static Path keyStore;

  @DynamicPropertySource
  static void tls(DynamicPropertyRegistry registry) throws Exception {
    keyStore = Files.createTempDirectory("palermo-tls").resolve("server.p12");
    Path keytool =
        Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("keytool");
    Process p =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-alias",
                "palermo",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "san=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    keyStore.toFile().deleteOnExit();
    // Every interface: allowed only because the server itself serves TLS (TransportGuard).
    registry.add("server.address", () -> "0.0.0.0");
    registry.add("server.ssl.key-store", () -> "file:" + keyStore);
    registry.add("server.ssl.key-store-type", () -> "PKCS12");
    registry.add("server.ssl.key-store-password", () -> PASSWORD);
  }

  @LocalServerPort int port;

  @Test
  void pages_are_served_over_https_with_hsts() throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(keyStore)) {
      trusted.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trusted);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    HttpClient https = HttpClient.newBuilder().sslContext(ssl).build();
    HttpResponse<String> login =
        https.send(
            HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/login")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
    assertThat(login.sslSession()).isPresent();
  }

  @Test
  void without_tls_the_application_refuses_to_start_on_every_interface() throws Exception {
    Path dataDir = Files.createTempDirectory("palermo-plain");
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(PalermoApplication.class)
                    .run(
                        "--palermo.data-dir=" + dataDir,
                        "--palermo.delete-data-dir-on-exit=true",
                        "--server.port=0",
                        "--server.address=0.0.0.0",
                        "--logging.level.root=OFF")
                    .close())
        .hasStackTraceContaining("is not loopback, and the server has no TLS");
  }
}
