package org.palermo.app.access;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.PalermoProperties;
import org.palermo.app.platform.QrCodes;
import org.springframework.stereotype.Service;

/**
 * The TOTP second factor: enrolment (a new secret confirmed by a first code) and verification. A
 * code is accepted once (replays of the same time step are refused), and wrong codes count towards
 * the same lockout as wrong passwords.
 */
@Service
class SecondFactor {
  private final Totp totp = new Totp();
  private final AccessRepository repository;
  private final AuditLog audit;
  private final Clock clock;
  private final PalermoProperties.Security settings;

  SecondFactor(
      AccessRepository repository, AuditLog audit, Clock clock, PalermoProperties properties) {
    this.repository = repository;
    this.audit = audit;
    this.clock = clock;
    this.settings = properties.security();
  }

  String newSecret() {
    return totp.newSecret();
  }

  String qrSvg(String secret, String username) {
    return QrCodes.svg(totp.uri(secret, username), "Palermo second factor for " + username);
  }

  /** Confirms enrolment: the first code from the app must match the new secret. */
  boolean enrol(PalermoPrincipal who, String secret, String code) {
    Instant now = clock.instant();
    OptionalLong step = totp.matchingStep(secret, code, now);
    if (step.isEmpty()) {
      audit.record(entry(who, "access.mfa.enrol", Outcome.FAILURE));
      return false;
    }
    repository.saveTotp(who.userId(), secret, step.getAsLong());
    audit.record(entry(who, "access.mfa.enrol", Outcome.SUCCESS));
    return true;
  }

  /** Records the successful login that a confirmed enrolment completes. */
  boolean verifyEnrolled(PalermoPrincipal who) {
    audit.record(
        new AuditEntry(
            who.username(),
            who.agencyName(),
            "access.login",
            "user:" + who.userId(),
            Outcome.SUCCESS,
            "method=password+totp-enrolment"));
    return true;
  }

  /** Verifies a code at login; false (and a counted failure) if wrong, replayed or locked. */
  boolean verify(PalermoPrincipal who, String code) {
    Instant now = clock.instant();
    UserAccount user = repository.user(who.userId()).orElse(null);
    if (user == null || !user.hasTotp() || !user.enabled() || user.lockedAt(now)) {
      audit.record(entry(who, "access.login", Outcome.DENIED));
      return false;
    }
    OptionalLong step = totp.matchingStep(user.totpSecret(), code, now);
    if (step.isPresent() && repository.claimTotpStep(user.id(), step.getAsLong())) {
      audit.record(
          new AuditEntry(
              who.username(),
              who.agencyName(),
              "access.login",
              "user:" + who.userId(),
              Outcome.SUCCESS,
              "method=password+totp"));
      return true;
    }
    repository.saveLoginState(
        user.afterFailure(now, settings.maxFailedLogins(), settings.lockout()));
    audit.record(
        new AuditEntry(
            who.username(),
            who.agencyName(),
            "access.login",
            "user:" + who.userId(),
            Outcome.FAILURE,
            "method=totp"));
    return false;
  }

  private static AuditEntry entry(PalermoPrincipal who, String action, Outcome outcome) {
    return new AuditEntry(
        who.username(), who.agencyName(), action, "user:" + who.userId(), outcome, "");
  }
}
