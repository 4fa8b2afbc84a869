package org.palermo.app.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.PalermoProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Completes an OIDC login (issue #11 item 13). The provider's user is matched on its stable
 * subject, the ID token's issuer and {@code sub}, linked to a local account beforehand by an
 * administrator ({@code palermo users oidc-link}); a user name claim, which many providers let
 * people choose or change, is never used. The account decides agency and roles.
 *
 * <p>The second factor is not skipped: when the provider asserts one — an {@code amr} value in
 * {@code palermo.oidc.mfa-amr} (RFC 8176; default {@code mfa,hwk,sc}: not {@code otp}, which RFC
 * 8176 §2 also uses for a one-time code that is the only factor) or an {@code acr} in {@code
 * palermo.oidc.mfa-acr} (default none) — the session is complete; otherwise the account's own TOTP
 * is asked exactly as after a password ({@code /login/mfa}), and a role that requires a second
 * factor ({@code palermo.security.mfa-required-roles}) must enrol one. Unknown subjects are
 * refused; every outcome is audited.
 */
@Component
class OidcLogin implements AuthenticationSuccessHandler {
  private final Accounts accounts;
  private final AuditLog audit;
  private final HttpSessionSecurityContextRepository contexts;
  private final Set<String> mfaRequiredRoles;
  private final Set<String> mfaAmr;
  private final Set<String> mfaAcr;

  OidcLogin(
      Accounts accounts,
      AuditLog audit,
      HttpSessionSecurityContextRepository contexts,
      PalermoProperties properties,
      @Value("${palermo.oidc.mfa-amr:mfa,hwk,sc}") List<String> mfaAmr,
      @Value("${palermo.oidc.mfa-acr:}") List<String> mfaAcr) {
    this.accounts = accounts;
    this.audit = audit;
    this.contexts = contexts;
    this.mfaRequiredRoles = properties.security().mfaRequiredRoles();
    this.mfaAmr = clean(mfaAmr);
    this.mfaAcr = clean(mfaAcr);
  }

  private static Set<String> clean(List<String> values) {
    return values.stream()
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** What the provider asserted: who, and whether with a second factor. */
  record Asserted(String issuer, String subject, boolean secondFactor) {}

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication)
      throws IOException {
    Optional<Asserted> asserted = asserted(authentication);
    Optional<UserAccount> user =
        asserted.flatMap(a -> accounts.enabledOidcUser(a.issuer(), a.subject()));
    if (user.isEmpty()) {
      audit.record(
          new AuditEntry("unknown-user", "-", "access.login", "-", Outcome.FAILURE, "method=oidc"));
      refuse(request, response);
      return;
    }
    UserAccount u = user.get();
    PalermoPrincipal p = accounts.principalOf(u);
    Authentication result = authenticationFor(u, p, asserted.get().secondFactor());
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(result);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    if (result instanceof MfaPendingAuthentication) {
      response.sendRedirect(request.getContextPath() + "/login/mfa");
      return;
    }
    audit.record(
        new AuditEntry(
            p.username(),
            p.agencyName(),
            "access.login",
            "user:" + p.userId(),
            Outcome.SUCCESS,
            asserted.get().secondFactor() ? "method=oidc mfa=provider" : "method=oidc"));
    response.sendRedirect(request.getContextPath() + "/");
  }

  /**
   * A full session only with a second factor asserted by the provider, or for an account that
   * neither has TOTP nor needs it; otherwise the local TOTP step (enrolment when it needs one).
   */
  Authentication authenticationFor(UserAccount u, PalermoPrincipal p, boolean providerMfa) {
    boolean required = u.roles().stream().anyMatch(r -> mfaRequiredRoles.contains(r.name()));
    if (!providerMfa && (u.hasTotp() || required)) {
      return new MfaPendingAuthentication(p, !u.hasTotp());
    }
    return Authorities.full(p);
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    SecurityContextHolder.clearContext();
    var session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    response.sendRedirect(request.getContextPath() + "/login?error=oidc");
  }

  /** The issuer, subject and second factor of an OIDC sign-in; empty if either is missing. */
  Optional<Asserted> asserted(Authentication authentication) {
    if (!(authentication.getPrincipal() instanceof OAuth2User user)) {
      return Optional.empty();
    }
    Object issuer;
    Object subject;
    Object amr;
    Object acr;
    if (user instanceof OidcUser oidc && oidc.getIdToken() != null) {
      issuer = oidc.getIdToken().getClaims().get("iss");
      subject = oidc.getIdToken().getSubject();
      amr = oidc.getIdToken().getClaims().get("amr");
      acr = oidc.getIdToken().getClaims().get("acr");
    } else {
      issuer = user.getAttribute("iss");
      subject = user.getAttribute("sub");
      amr = user.getAttribute("amr");
      acr = user.getAttribute("acr");
    }
    if (issuer == null || subject == null || subject.toString().isBlank()) {
      return Optional.empty();
    }
    boolean secondFactor =
        (amr instanceof Collection<?> methods
                && methods.stream().anyMatch(m -> mfaAmr.contains(String.valueOf(m))))
            || (acr != null && mfaAcr.contains(acr.toString()));
    return Optional.of(new Asserted(issuer.toString(), subject.toString(), secondFactor));
  }
}
