package org.palermo.app.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.PalermoProperties;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password. The password is always hashed, whether or not the account exists
 * or is locked, and every refusal gives the same message, so that neither timing nor text tells an
 * attacker which accounts exist. Failures count towards a temporary lockout. A user who has (or
 * whose role requires) a second factor gets only a pending session.
 */
@Component
class PasswordLogin implements AuthenticationProvider {
  static final String REFUSED = "Wrong username or password, or the account is locked.";

  private final AccessRepository repository;
  private final Accounts accounts;
  private final PasswordEncoder passwords;
  private final AuditLog audit;
  private final Clock clock;
  private final PalermoProperties.Security settings;
  private final String dummyHash;

  PasswordLogin(
      AccessRepository repository,
      Accounts accounts,
      PasswordEncoder passwords,
      AuditLog audit,
      Clock clock,
      PalermoProperties properties) {
    this.repository = repository;
    this.accounts = accounts;
    this.passwords = passwords;
    this.audit = audit;
    this.clock = clock;
    this.settings = properties.security();
    this.dummyHash = passwords.encode("not-a-password-of-anyone");
  }

  @Override
  public Authentication authenticate(Authentication request) {
    String username = Accounts.normaliseUsername(request.getName());
    String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
    Instant now = clock.instant();
    Optional<UserAccount> found = repository.userByUsername(username);
    if (found.isEmpty() || found.get().passwordHash() == null) {
      passwords.matches(password, dummyHash);
      audit.record(
          new AuditEntry(
              "unknown-user", "-", "access.login", "-", Outcome.FAILURE, "method=password"));
      throw new BadCredentialsException(REFUSED);
    }
    UserAccount user = found.get();
    boolean matches = passwords.matches(password, user.passwordHash());
    String agency = user.agencyId().toString();
    if (!user.enabled() || user.lockedAt(now)) {
      audit.record(
          new AuditEntry(
              user.username(),
              agency,
              "access.login",
              "user:" + user.id(),
              Outcome.DENIED,
              user.enabled() ? "reason=locked" : "reason=disabled"));
      throw new BadCredentialsException(REFUSED);
    }
    if (!matches) {
      UserAccount after = user.afterFailure(now, settings.maxFailedLogins(), settings.lockout());
      repository.saveLoginState(after);
      audit.record(
          new AuditEntry(
              user.username(),
              agency,
              "access.login",
              "user:" + user.id(),
              Outcome.FAILURE,
              after.lockedAt(now) ? "method=password locked" : "method=password"));
      throw new BadCredentialsException(REFUSED);
    }
    repository.saveLoginState(
        new UserAccount(
            user.id(),
            user.username(),
            user.displayName(),
            user.agencyId(),
            user.roles(),
            user.passwordHash(),
            user.totpSecret(),
            user.totpLastStep(),
            0,
            null,
            true));
    PalermoPrincipal principal = accounts.principalOf(user);
    boolean required =
        user.roles().stream().anyMatch(r -> settings.mfaRequiredRoles().contains(r.name()));
    if (user.hasTotp() || required) {
      return new MfaPendingAuthentication(principal, !user.hasTotp());
    }
    audit.record(
        new AuditEntry(
            user.username(),
            principal.agencyName(),
            "access.login",
            "user:" + user.id(),
            Outcome.SUCCESS,
            "method=password"));
    return Authorities.full(principal);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
