package org.palermo.app.identification;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when a competent authority takes a formal identification decision. Statistical
 * attributes only, for the referral-performance indicators (time to a reasonable-grounds decision):
 * no names, no grounds in free text.
 *
 * @param decisionId the decision (a repeated delivery of the same decision changes nothing)
 * @param caseId the case of the screened person, {@code null} if the screening is not linked to one
 * @param kind {@code REASONABLE_GROUNDS} or {@code CONCLUSIVE_GROUNDS}
 * @param outcome the outcome the officer recorded, in HTCDS names ({@code
 *     procedure.TraffickingStatus}); a negative reasonable-grounds decision is {@code
 *     NotAVictimOfTrafficking} here, but is no HTCDS value for the person: their status is {@code
 *     cases.TraffickingStatus}, which maps it
 * @param decidedByOrg the HTCDS {@code vic_TraffickingStatusDecisionMakingOrg} value
 * @param referredAt when the screening was referred for identification
 * @param decidedAt when the decision was taken
 * @param late whether it came after its deadline
 * @param agencyId the deciding authority
 * @param agencyType its {@code AgencyType} name
 * @param supersedes the decision this one replaces after a reconsideration, or {@code null}
 */
public record IdentificationDecided(
    UUID decisionId,
    UUID caseId,
    String kind,
    String outcome,
    String decidedByOrg,
    Instant referredAt,
    Instant decidedAt,
    boolean late,
    UUID agencyId,
    String agencyType,
    UUID supersedes) {

  public IdentificationDecided {
    if (decisionId == null || kind == null || outcome == null || decidedAt == null) {
      throw new IllegalArgumentException("decision, kind, outcome and time are required");
    }
  }

  /** A decision that supersedes none (the form before reconsideration existed). */
  public IdentificationDecided(
      UUID decisionId,
      UUID caseId,
      String kind,
      String outcome,
      String decidedByOrg,
      Instant referredAt,
      Instant decidedAt,
      boolean late,
      UUID agencyId,
      String agencyType) {
    this(
        decisionId,
        caseId,
        kind,
        outcome,
        decidedByOrg,
        referredAt,
        decidedAt,
        late,
        agencyId,
        agencyType,
        null);
  }
}
