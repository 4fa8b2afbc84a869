package org.palermo.app.cases.persistence;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.Role;
import org.springframework.stereotype.Repository;

/**
 * The users of an agency who work on cases, for assignment and focal points: enabled accounts with
 * a case role, read through the access module's {@link Accounts} (names and roles only), never its
 * tables.
 */
@Repository
public class Colleagues {
  private static final Set<Role> CASE_ROLES =
      EnumSet.of(
          Role.CASEWORKER,
          Role.CASE_SUPERVISOR,
          Role.CHILD_PROTECTION_OFFICER,
          Role.FRONTLINE_OFFICER,
          Role.COMPETENT_AUTHORITY_OFFICER);
  private static final Comparator<Colleague> BY_NAME =
      Comparator.comparing(Colleague::displayName, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Colleague::username);

  private final Accounts accounts;

  Colleagues(Accounts accounts) {
    this.accounts = accounts;
  }

  /** A user who may be assigned to a case. */
  public record Colleague(UUID id, String username, String displayName) {}

  public List<Colleague> of(UUID agencyId) {
    return accounts.usersOf(agencyId).stream()
        .filter(u -> u.enabled() && u.roles().stream().anyMatch(CASE_ROLES::contains))
        .map(Colleagues::colleague)
        .sorted(BY_NAME)
        .toList();
  }

  /** The user, if they are an enabled case worker of the agency. */
  public Optional<Colleague> in(UUID agencyId, UUID userId) {
    return of(agencyId).stream().filter(c -> c.id().equals(userId)).findFirst();
  }

  public Optional<Colleague> byId(UUID userId) {
    return accounts.user(userId).map(Colleagues::colleague);
  }

  private static Colleague colleague(Accounts.UserSummary u) {
    return new Colleague(u.id(), u.username(), u.displayName());
  }
}
