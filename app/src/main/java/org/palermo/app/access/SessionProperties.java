package org.palermo.app.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Session lifetimes of the web interface, bound from {@code palermo.session.*} (OWASP ASVS V3.3.1,
 * V3.3.2; SECURITY.md "Standard": a 15-minute idle timeout with MFA). API tokens are stateless and
 * not affected.
 *
 * @param idleTimeout a session not used for longer than this ends on its next request (default 15
 *     minutes)
 * @param absoluteTimeout a session older than this (from sign-in) ends on its next request, however
 *     active it is (default 12 hours)
 */
@ConfigurationProperties("palermo.session")
public record SessionProperties(Duration idleTimeout, Duration absoluteTimeout) {
  public SessionProperties {
    idleTimeout = idleTimeout == null ? Duration.ofMinutes(15) : idleTimeout;
    absoluteTimeout = absoluteTimeout == null ? Duration.ofHours(12) : absoluteTimeout;
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("palermo.session.idle-timeout must be positive");
    }
    if (absoluteTimeout.compareTo(idleTimeout) < 0) {
      throw new IllegalArgumentException(
          "palermo.session.absolute-timeout must not be shorter than palermo.session.idle-timeout");
    }
  }
}
