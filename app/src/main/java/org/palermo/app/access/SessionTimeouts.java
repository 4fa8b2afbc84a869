package org.palermo.app.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The application's own session lifetimes (OWASP ASVS V3.3.1, V3.3.2; SECURITY.md "Standard": 15
 * minutes idle with MFA): a signed-in (or half signed-in) web session unused for longer than {@code
 * palermo.session.idle-timeout}, or older than {@code palermo.session.absolute-timeout} since
 * sign-in, is invalidated on its next request, audited ({@code access.session.expired}, detail
 * {@code reason=idle|absolute}), and the browser is sent to {@code /login?expired}. Times come from
 * the injected {@link Clock}. The container's own timeout of a signed-in session is set a minute
 * longer than the idle timeout, so that it is this filter that sees the expiry (and audits it), and
 * the container only frees sessions nobody comes back to ({@link SessionExpiryAudit} audits those).
 * Only in the web filter chain: API tokens are stateless and never touched.
 */
final class SessionTimeouts extends OncePerRequestFilter {
  static final String STARTED = "palermo.session.started";
  static final String LAST_SEEN = "palermo.session.last-seen";
  static final String OWNER = "palermo.session.owner";
  static final String EXPIRED_URL = "/login?expired";
  private static final Duration CONTAINER_GRACE = Duration.ofMinutes(1);

  private final SessionProperties properties;
  private final Clock clock;
  private final AuditLog audit;
  private final KeptSubmissions kept;

  SessionTimeouts(SessionProperties properties, Clock clock, AuditLog audit, KeptSubmissions kept) {
    this.properties = properties;
    this.clock = clock;
    this.audit = audit;
    this.kept = kept;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    PalermoPrincipal who = principal(auth);
    if (session == null || who == null) {
      chain.doFilter(request, response);
      return;
    }
    Instant now = clock.instant();
    String owner = who.userId().toString();
    if (!owner.equals(session.getAttribute(OWNER))) {
      // First request of this sign-in (or another user signed in on the same session).
      session.setAttribute(OWNER, owner);
      session.setAttribute(STARTED, now);
      session.setAttribute(LAST_SEEN, now);
    } else {
      String reason = expiry(session, now);
      if (reason != null) {
        expire(request, response, session, who, reason, fullySignedIn(auth));
        return;
      }
      session.setAttribute(LAST_SEEN, now);
    }
    int containerSeconds =
        (int)
            Math.min(Integer.MAX_VALUE, properties.idleTimeout().plus(CONTAINER_GRACE).toSeconds());
    if (session.getMaxInactiveInterval() != containerSeconds) {
      session.setMaxInactiveInterval(containerSeconds);
    }
    chain.doFilter(request, response);
  }

  /** {@code idle}, {@code absolute}, or null while the session is still good. */
  private String expiry(HttpSession session, Instant now) {
    Instant started = (Instant) session.getAttribute(STARTED);
    Instant lastSeen = (Instant) session.getAttribute(LAST_SEEN);
    if (started == null || lastSeen == null) {
      return "absolute";
    }
    if (Duration.between(started, now).compareTo(properties.absoluteTimeout()) > 0) {
      return "absolute";
    }
    if (Duration.between(lastSeen, now).compareTo(properties.idleTimeout()) > 0) {
      return "idle";
    }
    return null;
  }

  /** The audit entry of an expired session: who, and why ({@code idle} or {@code absolute}). */
  static void recordExpiry(AuditLog audit, PalermoPrincipal who, String reason) {
    audit.record(
        new AuditEntry(
            who.username(),
            who.agencyName(),
            "access.session.expired",
            "user:" + who.userId(),
            Outcome.SUCCESS,
            "reason=" + reason));
  }

  private void expire(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpSession session,
      PalermoPrincipal who,
      String reason,
      boolean keep)
      throws IOException {
    // A form posted into the expired session is kept for its user (issue #14 item 3); the CSRF
    // token it must carry is the expired session's, read before the session is gone. Only a
    // session that had passed every factor: a password alone (the second factor pending) must
    // not be a way to plant answers that the real user is later asked to save.
    if (keep) {
      kept.keep(request, response, who, KeptSubmissions.csrfToken(session));
    }
    session.removeAttribute(OWNER); // audited here, not again by SessionExpiryAudit
    session.invalidate();
    SecurityContextHolder.clearContext();
    recordExpiry(audit, who, reason);
    String target = request.getContextPath() + EXPIRED_URL;
    if ("true".equals(request.getHeader("HX-Request"))) {
      // htmx would follow a redirect and swap the sign-in page into a fragment.
      response.setHeader("HX-Redirect", target);
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    } else {
      response.sendRedirect(target);
    }
  }

  /**
   * Where a request that needs a signed-in user goes: the sign-in page, with the "session expired"
   * notice when the browser sent a session id that no longer exists (the container freed it after
   * the idle timeout, or the server restarted), so a user who comes back late is told why.
   */
  static AuthenticationEntryPoint signInEntryPoint(String loginPage) {
    LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint(loginPage);
    // A relative Location: never built from the request's Host or X-Forwarded-Host (issue #11
    // item 14), which a client chooses.
    login.setFavorRelativeUris(true);
    return (request, response, ex) -> {
      if (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()) {
        response.sendRedirect(request.getContextPath() + EXPIRED_URL);
      } else {
        login.commence(request, response, ex);
      }
    };
  }

  /** Signed in with every factor asked of the user (not waiting for the second one). */
  static boolean fullySignedIn(Authentication auth) {
    return auth != null && auth.isAuthenticated() && !(auth instanceof MfaPendingAuthentication);
  }

  private static PalermoPrincipal principal(Authentication auth) {
    if (auth == null || auth instanceof AnonymousAuthenticationToken) {
      return null;
    }
    return auth.getPrincipal() instanceof PalermoPrincipal p ? p : null;
  }
}
