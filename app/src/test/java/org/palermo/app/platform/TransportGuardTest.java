package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The server never serves plain HTTP beyond loopback (SECURITY.md rule 6). */
class TransportGuardTest {
  static MockEnvironment env(String... keyValues) {
    MockEnvironment e = new MockEnvironment();
    for (int i = 0; i < keyValues.length; i += 2) {
      e.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return e;
  }

  @Test
  void loopback_addresses_need_no_tls() {
    for (String a : new String[] {"127.0.0.1", "127.0.0.2", "::1", "localhost", "LOCALHOST"}) {
      assertThatCode(() -> TransportGuard.check(env("server.address", a)))
          .doesNotThrowAnyException();
    }
  }

  @Test
  void any_other_address_without_tls_is_refused_with_what_to_do() {
    for (MockEnvironment e :
        new MockEnvironment[] {
          env("server.address", "0.0.0.0"),
          env("server.address", "192.0.2.10"),
          env("server.address", "::"),
          env("server.address", "palermo.example.org"),
          env(), // no address: every interface
          env(
              "server.address",
              "0.0.0.0",
              "server.ssl.enabled",
              "false",
              "server.ssl.bundle",
              "web"),
          env("server.address", "0.0.0.0", TransportGuard.PROXY, "false")
        }) {
      assertThatThrownBy(() -> TransportGuard.check(e))
          .isInstanceOf(PalermoException.class)
          .hasMessageContaining("is not loopback, and the server has no TLS")
          .hasMessageContaining("palermo.security.tls-proxy=true");
    }
  }

  @Test
  void tls_or_a_declared_tls_proxy_allows_other_addresses() {
    for (MockEnvironment e :
        new MockEnvironment[] {
          env("server.address", "0.0.0.0", "server.ssl.bundle", "web"),
          env("server.address", "0.0.0.0", "server.ssl.certificate", "file:/etc/palermo/c.pem"),
          env("server.address", "0.0.0.0", "server.ssl.key-store", "file:/etc/palermo/k.p12"),
          env("server.address", "0.0.0.0", TransportGuard.PROXY, "true")
        }) {
      assertThatCode(() -> TransportGuard.check(e)).doesNotThrowAnyException();
    }
  }
}
