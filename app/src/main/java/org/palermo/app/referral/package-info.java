/**
 * Referral and transfer between agencies: pathways from protection needs to service types, provider
 * ranking, consent-gated referrals (or a guardian's best-interests decision for a child), the
 * recipient's view, statuses and deadlines. Publishes {@link
 * org.palermo.app.referral.ReferralStatusChanged} for the statistics read model.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "platform",
      "access",
      "audit",
      "cases",
      "cases :: protection",
      "directory"
    })
package org.palermo.app.referral;
