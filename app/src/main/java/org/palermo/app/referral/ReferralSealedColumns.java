package org.palermo.app.referral;

import org.palermo.app.platform.crypto.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The free text of a referral, sealed under the case's data key (V17; issue 5 §4): the note to the
 * recipient, the override reason, the decline text and the referrer's best-interests consideration
 * of a child's emergency referral. Codes stay plain (need, service type, status, basis, consent
 * giver and how the person was informed, decline code), because the indicators and queues filter on
 * them and they say nothing a person typed.
 */
@Configuration(proxyBeanMethods = false)
class ReferralSealedColumns {
  @Bean
  SealedColumn referralNote() {
    return SealedColumn.ofCase("referral", "note");
  }

  @Bean
  SealedColumn referralOverrideReason() {
    return SealedColumn.ofCase("referral", "override_reason");
  }

  @Bean
  SealedColumn referralDeclineText() {
    return SealedColumn.ofCase("referral", "decline_text");
  }

  @Bean
  SealedColumn referralBestInterestsConsideration() {
    return SealedColumn.ofCase("referral", "best_interests_consideration");
  }
}
