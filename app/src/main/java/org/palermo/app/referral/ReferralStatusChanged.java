package org.palermo.app.referral;

import java.time.Instant;
import java.util.UUID;

/**
 * Published on every step of a referral, including its creation ({@link ReferralStatus#PENDING}).
 * Statistical attributes only, for the referral-performance indicators: no names, no reasons in
 * free text.
 *
 * @param referralId the referral
 * @param caseId the case referred
 * @param fromAgencyId the referring agency
 * @param fromAgencyType its {@code AgencyType} name
 * @param toAgencyId the receiving agency
 * @param toAgencyType its {@code AgencyType} name
 * @param serviceType the {@code directory.ServiceType} name the referral asks for
 * @param status the status reached
 * @param at when it was reached
 * @param dueAt when the recipient must answer (overdue after this while still pending)
 * @param child whether the person is treated as a child
 * @param transfer whether the referral moves ownership of the case
 */
public record ReferralStatusChanged(
    UUID referralId,
    UUID caseId,
    UUID fromAgencyId,
    String fromAgencyType,
    UUID toAgencyId,
    String toAgencyType,
    String serviceType,
    ReferralStatus status,
    Instant at,
    Instant dueAt,
    boolean child,
    boolean transfer) {

  public ReferralStatusChanged {
    if (referralId == null || caseId == null || status == null || at == null) {
      throw new IllegalArgumentException("referral, case, status and time are required");
    }
  }
}
