package org.palermo.app.identification.application;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.Accounts.UserSummary;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Role;
import org.palermo.app.identification.procedure.Decision;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.stereotype.Service;

/**
 * The officers who may be the second reviewer of a negative decision: another enabled
 * competent-authority officer of the deciding officer's own authority (issue 13 §2; the UK NRM
 * multi-agency assurance panels are the model).
 */
@Service
public class SecondReviewers {
  private final Accounts accounts;

  SecondReviewers(Accounts accounts) {
    this.accounts = accounts;
  }

  /** A reviewer as the decision form offers one. */
  public record Candidate(UUID id, String displayName) {}

  /** The other officers of {@code who}'s authority, by name. */
  public List<Candidate> candidates(PalermoPrincipal who) {
    return accounts.usersOf(who.agencyId()).stream()
        .filter(u -> eligible(u, who) && !u.id().equals(who.userId()))
        .sorted(Comparator.comparing(UserSummary::displayName))
        .map(u -> new Candidate(u.id(), u.displayName()))
        .toList();
  }

  /** The reviewer named by {@code id}, or null when none was named; refuses anyone ineligible. */
  Decision.Reviewer resolve(PalermoPrincipal who, UUID id) {
    if (id == null) {
      return null;
    }
    return accounts
        .user(id)
        .filter(u -> eligible(u, who))
        .map(u -> new Decision.Reviewer(u.id(), u.displayName()))
        .orElseThrow(
            () ->
                new PalermoException(
                    ErrorCode.VALIDATION_FAILED,
                    IdentificationRefusal.SECOND_REVIEWER_INVALID,
                    "The second reviewer is another competent-authority officer of your authority.",
                    Map.of("field", "secondReviewerId")));
  }

  private static boolean eligible(UserSummary u, PalermoPrincipal who) {
    return u.enabled()
        && !u.locked()
        && u.roles().contains(Role.COMPETENT_AUTHORITY_OFFICER)
        && u.agency() != null
        && u.agency().equals(who.agencyName());
  }
}
