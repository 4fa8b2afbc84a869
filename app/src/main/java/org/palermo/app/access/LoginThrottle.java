package org.palermo.app.access;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits login and second-factor attempts per client address (a token bucket per address), on top
 * of the per-account lockout, so that one address cannot try passwords across many accounts.
 *
 * <p>The address is the connection's peer, or the one a configured trusted proxy forwards ({@code
 * palermo.security.trusted-proxies}; no {@code X-Forwarded-For} is believed otherwise). An IPv6
 * client counts by its /64 prefix, the block one subscriber holds. Memory is bounded: at most
 * {@code maxTracked} addresses are kept, the least recently seen dropped first, one at a time; the
 * table is never cleared, so spraying fake addresses cannot reset another address's budget.
 */
final class LoginThrottle extends OncePerRequestFilter {
  static final int MAX_TRACKED = 50_000;
  private final int perMinute;
  private final Map<String, Bucket> buckets;

  LoginThrottle(int perMinute) {
    this(perMinute, MAX_TRACKED);
  }

  LoginThrottle(int perMinute, int maxTracked) {
    this.perMinute = perMinute;
    this.buckets =
        new LinkedHashMap<>(1024, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > maxTracked;
          }
        };
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getServletPath();
    return !"POST".equals(request.getMethod())
        || !(path.equals("/login") || path.startsWith("/login/mfa"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Bucket bucket;
    synchronized (buckets) {
      bucket = buckets.computeIfAbsent(source(request.getRemoteAddr()), a -> newBucket());
    }
    if (!bucket.tryConsume(1)) {
      response.setStatus(429);
      response.setHeader("Retry-After", "60");
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write("Too many sign-in attempts from this address. Wait a minute.");
      return;
    }
    chain.doFilter(request, response);
  }

  /** How many addresses are tracked now. */
  int tracked() {
    synchronized (buckets) {
      return buckets.size();
    }
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1))
                .build())
        .build();
  }

  /** The key of a client address: an IPv4 address as is, an IPv6 address by its /64 prefix. */
  static String source(String address) {
    if (address == null || address.indexOf(':') < 0) {
      return address;
    }
    try {
      // A literal (it holds ':'), so no name is looked up.
      byte[] bytes = java.net.InetAddress.getByName(address).getAddress();
      if (bytes.length != 16) {
        return address;
      }
      return java.util.HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
    } catch (java.net.UnknownHostException e) {
      return address;
    }
  }
}
