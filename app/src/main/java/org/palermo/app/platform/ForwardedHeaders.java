package org.palermo.app.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Believes {@code X-Forwarded-For}, {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} only
 * from the proxies the operator names in {@code palermo.security.trusted-proxies} (IP addresses,
 * comma-separated; default none). Tomcat's own default trusts every loopback and private address,
 * so any client on the same network, or any local process, could choose the address that the
 * sign-in throttle counts and the host that redirects name (issue #11 items 5 and 14). Runs after
 * Spring Boot's customizer, which adds the {@link RemoteIpValve} for {@code
 * server.forward-headers-strategy=native}.
 */
@Component
class ForwardedHeaders
    implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {
  static final String PROPERTY = "palermo.security.trusted-proxies";
  private final String internalProxies;

  ForwardedHeaders(@Value("${" + PROPERTY + ":}") List<String> trustedProxies) {
    this.internalProxies = pattern(trustedProxies);
  }

  /** A regular expression matching exactly the given addresses; empty for none. */
  static String pattern(List<String> trustedProxies) {
    return trustedProxies.stream()
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(ForwardedHeaders::literal)
        .map(Pattern::quote)
        .collect(Collectors.joining("|"));
  }

  private static String literal(String address) {
    if (!address.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          PROPERTY + " takes IP addresses, not '" + address + "' (docs/operations.md).");
    }
    try {
      return InetAddress.getByName(address).getHostAddress(); // as Tomcat will print the peer
    } catch (UnknownHostException e) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED, PROPERTY + ": '" + address + "' is not an IP address.");
    }
  }

  @Override
  public void customize(ConfigurableTomcatWebServerFactory factory) {
    if (!(factory instanceof org.springframework.boot.tomcat.TomcatWebServerFactory tomcat)) {
      return;
    }
    for (var valve : tomcat.getEngineValves()) {
      if (valve instanceof RemoteIpValve remoteIp) {
        // An empty pattern trusts no one: the headers are then ignored, the peer address kept.
        remoteIp.setInternalProxies(internalProxies);
        remoteIp.setTrustedProxies(null);
      }
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
