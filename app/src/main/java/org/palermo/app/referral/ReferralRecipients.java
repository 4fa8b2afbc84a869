package org.palermo.app.referral;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Relationship;
import org.palermo.app.access.RelationshipSource;
import org.palermo.app.access.Standing;
import org.springframework.stereotype.Component;

/**
 * Answers {@link Relationship#REFERRAL_RECIPIENT} for users of an agency that receives a pending or
 * accepted referral for the case, with the consent scope of those referrals, so that the access
 * policy gives them the referral view intersected with what the person consented to share
 * (SECURITY.md rule 4; CETS 197 art. 11(1)), on every route. A completed referral keeps giving it
 * for the period the service lasts, until the sender withdraws it; a declined or revoked referral
 * gives no access ({@link ReferralPolicy#givesRecipientView}).
 */
@Component
class ReferralRecipients implements RelationshipSource {
  private final ReferralStore store;
  private final java.time.Clock clock;

  ReferralRecipients(ReferralStore store, java.time.Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public Set<Relationship> relationships(PalermoPrincipal who, UUID caseId) {
    return standing(who, caseId).relationships();
  }

  @Override
  public Standing standing(PalermoPrincipal who, UUID caseId) {
    List<Set<FieldGroup>> scopes = store.recipientScopes(who.agencyId(), caseId, clock.instant());
    if (scopes.isEmpty()) {
      return Standing.none();
    }
    EnumSet<FieldGroup> union = EnumSet.noneOf(FieldGroup.class);
    scopes.forEach(union::addAll);
    return new Standing(
        Set.of(Relationship.REFERRAL_RECIPIENT), Map.of(Relationship.REFERRAL_RECIPIENT, union));
  }

  @Override
  public Set<UUID> casesBeyondOwnAgency(PalermoPrincipal who) {
    return store.casesReferredTo(who.agencyId(), clock.instant());
  }
}
