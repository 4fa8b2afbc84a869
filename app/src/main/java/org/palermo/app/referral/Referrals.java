package org.palermo.app.referral;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.referral.Referral.Consent;
import org.palermo.app.referral.Referral.ConsentGiver;
import org.palermo.app.referral.Referral.DeclineReason;
import org.palermo.app.referral.Referral.InformedHow;
import org.palermo.law.ProtectionNeed;
import org.springframework.stereotype.Service;

/**
 * The referral module's public API for other modules (the demo seeder, commands): refer a case to a
 * directory service with the person's consent, and answer a referral. The same use cases, rules,
 * timeline, audit and events as the pages and the API.
 */
@Service
public class Referrals {
  private final ReferToProvider refer;
  private final ReferralSteps steps;

  Referrals(ReferToProvider refer, ReferralSteps steps) {
    this.refer = refer;
    this.steps = steps;
  }

  /**
   * A referral with the person's own consent, given at {@code consentAt}, orally and in writing.
   */
  public record ConsentedReferral(
      UUID caseId,
      UUID serviceId,
      ProtectionNeed need,
      Instant consentAt,
      boolean interpreterUsed,
      Set<FieldGroup> scope,
      String note) {}

  /** Refers the case; returns the referral's id. */
  public UUID refer(PalermoPrincipal who, ConsentedReferral r) {
    return refer
        .refer(
            who,
            new ReferToProvider.Command(
                r.caseId(),
                r.serviceId(),
                null,
                null,
                r.need(),
                false,
                r.note(),
                new Consent(
                    ConsentGiver.THE_PERSON,
                    r.consentAt(),
                    InformedHow.ORALLY_AND_IN_WRITING,
                    r.interpreterUsed()),
                r.scope(),
                null,
                null))
        .id();
  }

  /** The recipient accepts. */
  public void accept(PalermoPrincipal who, UUID referralId) {
    steps.accept(who, referralId);
  }

  /** The recipient declines for lack of capacity. */
  public void declineForCapacity(PalermoPrincipal who, UUID referralId) {
    steps.decline(who, referralId, DeclineReason.NO_CAPACITY, null);
  }
}
