package org.palermo.app.access;

import java.util.Set;
import java.util.UUID;

/**
 * A module that knows how users stand to cases: {@code cases} answers for ownership, {@code
 * referral} for referral recipients, {@code access} itself for disclosures and break-the-glass.
 * {@link AccessPolicy} asks every source; none of them decides access on its own.
 */
public interface RelationshipSource {
  /** The relationships {@code who} has to the case; empty when none (or no such case). */
  Set<Relationship> relationships(PalermoPrincipal who, UUID caseId);

  /**
   * The relationships with the consent scope that limits each (see {@link Standing}); a source
   * whose relationships rest on a consent must override this, in the same single query.
   */
  default Standing standing(PalermoPrincipal who, UUID caseId) {
    return Standing.of(relationships(who, caseId));
  }

  /**
   * The cases of other agencies to which this source gives {@code who} any relationship at all (the
   * cases referred to their agency, the glass they broke, the disclosures to their agency): what a
   * search may reach beyond the user's own agency. Ownership is not listed (a search asks the owner
   * index itself).
   */
  default Set<UUID> casesBeyondOwnAgency(PalermoPrincipal who) {
    return Set.of();
  }
}
