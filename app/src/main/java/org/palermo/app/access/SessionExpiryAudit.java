package org.palermo.app.access;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.palermo.app.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Audits the signed-in sessions that the container ends because nobody came back to them (ASVS
 * V3.3.2, V7): {@link SessionTimeouts} audits a session that ends on a request; a session whose
 * user never returns is freed by the container a minute after the idle timeout, and this records it
 * the same way ({@code access.session.expired}, {@code reason=idle}). Sign-out and the
 * application's own invalidation are not recorded here (the session was not idle for its whole
 * container timeout, or no longer carries its owner).
 */
@Component
class SessionExpiryAudit implements HttpSessionListener {
  private static final Logger log = LoggerFactory.getLogger(SessionExpiryAudit.class);
  private final AuditLog audit;
  private final EndedSessions ended;

  SessionExpiryAudit(AuditLog audit, EndedSessions ended) {
    this.audit = audit;
    this.ended = ended;
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    try {
      HttpSession session = event.getSession();
      if (session.getAttribute(SessionTimeouts.OWNER) == null) {
        return;
      }
      long idleMillis = System.currentTimeMillis() - session.getLastAccessedTime();
      if (session.getMaxInactiveInterval() <= 0
          || idleMillis < session.getMaxInactiveInterval() * 1000L) {
        return; // signed out, or invalidated for another reason
      }
      Object context =
          session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
      if (context instanceof SecurityContext sc
          && sc.getAuthentication() != null
          && sc.getAuthentication().getPrincipal() instanceof PalermoPrincipal who) {
        SessionTimeouts.recordExpiry(audit, who, "idle");
        // A form of this session posted later is kept for this user (issue #14 item 3), if the
        // session had passed every factor.
        if (SessionTimeouts.fullySignedIn(sc.getAuthentication())) {
          ended.remember(session.getId(), who, KeptSubmissions.csrfToken(session));
        }
      }
    } catch (RuntimeException e) {
      // At shutdown the database may already be gone; never fail the container's cleanup.
      log.warn("Could not audit an expired session: {}", e.getClass().getName());
    }
  }
}
