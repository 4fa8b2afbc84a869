package org.palermo.app.access;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits login and second-factor attempts per client address (a token bucket per address), on top
 * of the per-account lockout, so that one address cannot try passwords across many accounts.
 */
final class LoginThrottle extends OncePerRequestFilter {
  private static final int MAX_TRACKED = 50_000;
  private final int perMinute;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  LoginThrottle(int perMinute) {
    this.perMinute = perMinute;
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
    if (buckets.size() > MAX_TRACKED) {
      buckets.clear();
    }
    Bucket bucket =
        buckets.computeIfAbsent(
            request.getRemoteAddr(),
            a ->
                Bucket.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(perMinute)
                            .refillGreedy(perMinute, Duration.ofMinutes(1))
                            .build())
                    .build());
    if (!bucket.tryConsume(1)) {
      response.setStatus(429);
      response.setHeader("Retry-After", "60");
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write("Too many sign-in attempts from this address. Wait a minute.");
      return;
    }
    chain.doFilter(request, response);
  }
}
