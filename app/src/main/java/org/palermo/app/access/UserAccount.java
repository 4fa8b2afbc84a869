package org.palermo.app.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A user's account: identity, agency, roles and the state of its credentials. Lockout is a
 * behaviour of the account: failed attempts accumulate until the account locks for a while.
 */
record UserAccount(
    UUID id,
    String username,
    String displayName,
    UUID agencyId,
    Set<Role> roles,
    String passwordHash,
    String totpSecret,
    Long totpLastStep,
    int failedAttempts,
    Instant lockedUntil,
    boolean enabled) {

  UserAccount {
    roles = Set.copyOf(roles);
  }

  boolean lockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  boolean hasTotp() {
    return totpSecret != null;
  }

  /** The account after one more failed attempt: locked once the limit is reached. */
  UserAccount afterFailure(Instant now, int maxFailures, Duration lockout) {
    int failures = failedAttempts + 1;
    Instant until = failures >= maxFailures ? now.plus(lockout) : lockedUntil;
    return new UserAccount(
        id,
        username,
        displayName,
        agencyId,
        roles,
        passwordHash,
        totpSecret,
        totpLastStep,
        failures >= maxFailures ? 0 : failures,
        until,
        enabled);
  }
}
