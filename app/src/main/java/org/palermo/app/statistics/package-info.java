/**
 * Statistics: a read model fed only by events — {@link org.palermo.app.cases.PersonRegistered} and
 * {@link org.palermo.app.cases.ServiceDelivered} from cases, {@link
 * org.palermo.app.referral.ReferralStatusChanged} from referral and {@link
 * org.palermo.app.identification.IdentificationDecided} from identification (never their tables) —
 * population denominators, imported CTDC reference datasets, the indicators (SDG 16.2.2, GLOTIP
 * tables, referral performance, migration and protection status) and their dashboard at {@code
 * /statistics}, privacy-safe releases through the {@code privacy} engines with a privacy-budget
 * ledger per dataset, and the HTCDS export. Exposes {@link org.palermo.app.statistics.Releases},
 * {@link org.palermo.app.statistics.ReferenceDatasets}, {@link
 * org.palermo.app.statistics.Populations} and {@link org.palermo.app.statistics.HtcdsExport}.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "platform",
      "cases",
      "audit",
      "access",
      "referral", // its ReferralStatusChanged event (and the ReferralStatus it carries) only
      "identification" // its IdentificationDecided event only
    })
package org.palermo.app.statistics;
