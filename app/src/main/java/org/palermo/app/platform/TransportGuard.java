package org.palermo.app.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * TLS in transit when not on loopback (SECURITY.md rule 6; ASVS 9.1.1). The server listens on
 * {@code 127.0.0.1} unless {@code server.address} says otherwise; it refuses to start, before it
 * listens, on any other address unless it serves TLS itself ({@code server.ssl.*}) or the operator
 * states that a TLS-terminating proxy is the only way in ({@code palermo.security.tls-proxy=true}).
 * Plain HTTP on a network interface would carry passwords, session cookies and case data in clear.
 */
@Component
public class TransportGuard {
  static final String PROXY = "palermo.security.tls-proxy";

  TransportGuard(Environment environment) {
    check(environment);
  }

  /** Throws when the settings would serve plain HTTP beyond this machine. */
  static void check(Environment environment) {
    String address = environment.getProperty("server.address");
    if (isLoopback(address)
        || servesTls(environment)
        || environment.getProperty(PROXY, Boolean.class, false)) {
      return;
    }
    throw new PalermoException(
        ErrorCode.VALIDATION_FAILED,
        "server.address="
            + (address == null || address.isBlank() ? "(all interfaces)" : address)
            + " is not loopback, and the server has no TLS. Configure TLS (server.ssl.certificate"
            + " and server.ssl.certificate-private-key, or server.ssl.bundle), or, behind a"
            + " TLS-terminating proxy that is the only way in, set "
            + PROXY
            + "=true (docs/operations.md, \"TLS\").");
  }

  static boolean servesTls(Environment environment) {
    if (!environment.getProperty("server.ssl.enabled", Boolean.class, true)) {
      return false;
    }
    return hasText(environment.getProperty("server.ssl.bundle"))
        || hasText(environment.getProperty("server.ssl.certificate"))
        || hasText(environment.getProperty("server.ssl.key-store"));
  }

  static boolean isLoopback(String address) {
    if (address == null || address.isBlank()) {
      return false; // Spring's default: every interface
    }
    if (address.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!address.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // a host name other than localhost is not resolved here: treated as remote
    }
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean hasText(String s) {
    return s != null && !s.isBlank();
  }
}
