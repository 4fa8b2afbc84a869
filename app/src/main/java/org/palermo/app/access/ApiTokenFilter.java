package org.palermo.app.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.palermo.app.platform.ApiProblems;
import org.palermo.app.platform.ErrorCode;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer <token>} with a personal API
 * token. A presented but unknown, revoked or expired token is refused at once with a 401 problem.
 */
final class ApiTokenFilter extends OncePerRequestFilter {
  private final Accounts accounts;
  private final JsonMapper json;
  private final RequestVolumeMonitor volume;
  private final BadTokenAudit refusals;

  ApiTokenFilter(
      Accounts accounts, BadTokenAudit refusals, JsonMapper json, RequestVolumeMonitor volume) {
    this.accounts = accounts;
    this.refusals = refusals;
    this.json = json;
    this.volume = volume;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<PalermoPrincipal> principal = accounts.authenticateToken(header.substring(7).trim());
    if (principal.isEmpty()) {
      // Audited once per source and interval, with a count (issue #11 item 15).
      refusals.refused(LoginThrottle.source(request.getRemoteAddr()));
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
      ApiProblems.write(
          response, json, ErrorCode.UNAUTHENTICATED, "The API token is not valid or was revoked.");
      return;
    }
    volume.count(principal.get());
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(Authorities.full(principal.get()));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }
}
