package org.palermo.app.referral;

import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Relationship;
import org.palermo.app.access.RelationshipSource;
import org.springframework.stereotype.Component;

/**
 * Answers {@link Relationship#REFERRAL_RECIPIENT} for users of an agency that receives a pending or
 * accepted referral for the case, so that the access policy gives them the referral view only
 * (SECURITY.md rule 4). A declined, completed or revoked referral gives no access.
 */
@Component
class ReferralRecipients implements RelationshipSource {
  private final ReferralStore store;

  ReferralRecipients(ReferralStore store) {
    this.store = store;
  }

  @Override
  public Set<Relationship> relationships(PalermoPrincipal who, UUID caseId) {
    return store.recipient(who.agencyId(), caseId)
        ? Set.of(Relationship.REFERRAL_RECIPIENT)
        : Set.of();
  }

  @Override
  public Set<UUID> casesBeyondOwnAgency(PalermoPrincipal who) {
    return store.casesReferredTo(who.agencyId());
  }
}
