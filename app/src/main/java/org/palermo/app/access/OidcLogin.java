package org.palermo.app.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Completes an OIDC login: the identity provider vouches for a user name (claim {@code
 * palermo.oidc.username-claim}, default {@code preferred_username}), which must match an enabled
 * local account; that account's agency and roles then apply. Unknown users are refused.
 */
@Component
class OidcLogin implements AuthenticationSuccessHandler {
  private final Accounts accounts;
  private final AuditLog audit;
  private final HttpSessionSecurityContextRepository contexts;
  private final String claim;

  OidcLogin(
      Accounts accounts,
      AuditLog audit,
      HttpSessionSecurityContextRepository contexts,
      @Value("${palermo.oidc.username-claim:preferred_username}") String claim) {
    this.accounts = accounts;
    this.audit = audit;
    this.contexts = contexts;
    this.claim = claim;
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    Optional<PalermoPrincipal> principal = map(authentication);
    if (principal.isEmpty()) {
      audit.record(
          new AuditEntry("unknown-user", "-", "access.login", "-", Outcome.FAILURE, "method=oidc"));
      SecurityContextHolder.clearContext();
      request.getSession().invalidate();
      response.sendRedirect(request.getContextPath() + "/login?error=oidc");
      return;
    }
    PalermoPrincipal p = principal.get();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(Authorities.full(p));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    audit.record(
        new AuditEntry(
            p.username(),
            p.agencyName(),
            "access.login",
            "user:" + p.userId(),
            Outcome.SUCCESS,
            "method=oidc"));
    response.sendRedirect(request.getContextPath() + "/");
  }

  Optional<PalermoPrincipal> map(Authentication authentication) {
    if (!(authentication.getPrincipal() instanceof OAuth2User user)) {
      return Optional.empty();
    }
    Object name = user.getAttribute(claim);
    if (name == null) {
      return Optional.empty();
    }
    return accounts.enabledPrincipal(name.toString());
  }
}
