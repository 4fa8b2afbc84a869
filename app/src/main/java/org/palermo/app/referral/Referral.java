package org.palermo.app.referral;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;

/**
 * A referral of a case from one agency to another for one service: pending until the recipient
 * accepts or declines it (with a reason), then completed; the sender may revoke it while it is
 * pending or accepted. Each transition refuses an illegal move.
 */
record Referral(
    UUID id,
    UUID caseId,
    UUID fromAgencyId,
    UUID toAgencyId,
    UUID serviceId,
    String serviceType,
    String need,
    boolean transfer,
    boolean child,
    String note,
    ReferralStatus status,
    Basis basis,
    Consent consent,
    Set<FieldGroup> scope,
    UUID bestInterestsId,
    String overrideReason,
    String createdBy,
    Instant createdAt,
    Instant dueAt,
    Instant answeredAt,
    DeclineReason declineCode,
    String declineText,
    Instant closedAt,
    int version) {

  /**
   * A new referral, pending the recipient's answer (due at {@code dueAt}), as the sender makes it:
   * not answered, not closed, first version.
   */
  static Referral pending(
      UUID caseId,
      UUID fromAgencyId,
      UUID toAgencyId,
      UUID serviceId,
      String serviceType,
      String need,
      boolean transfer,
      boolean child,
      String note,
      ReferralPolicy.Sharing sharing,
      Set<FieldGroup> scope,
      String createdBy,
      Instant createdAt,
      Instant dueAt) {
    return new Referral(
        UUID.randomUUID(),
        caseId,
        fromAgencyId,
        toAgencyId,
        serviceId,
        serviceType,
        need,
        transfer,
        child,
        note,
        ReferralStatus.PENDING,
        sharing.basis(),
        sharing.consent(),
        java.util.EnumSet.copyOf(scope),
        sharing.bestInterestsId(),
        sharing.overrideReason(),
        createdBy,
        createdAt,
        dueAt,
        null,
        null,
        null,
        null,
        0);
  }

  /** On what the sharing of the person's data rests. */
  enum Basis {
    /** The person's recorded consent (SECURITY.md rule 4; CoE Convention art. 11). */
    CONSENT,
    /** For a child, the guardian's best-interests determination (CRC art. 3(1)). */
    BEST_INTERESTS,
    /**
     * For a child's emergency care (child protection, shelter, medical care), the referrer's
     * recorded best-interests consideration, without a determination (CRC art. 3(1); CoE Convention
     * art. 12(1)).
     */
    EMERGENCY_CARE,
    /** A supervisor's override, with a reason, audited and on the timeline. */
    OVERRIDE
  }

  /** Who consented. */
  enum ConsentGiver {
    THE_PERSON,
    PARENT,
    GUARDIAN,
    LEGAL_REPRESENTATIVE
  }

  /** How the person was informed before consenting. */
  enum InformedHow {
    ORALLY,
    IN_WRITING,
    ORALLY_AND_IN_WRITING
  }

  /** A recorded consent: who, when, how informed, with an interpreter or not. */
  record Consent(
      ConsentGiver givenBy, Instant givenAt, InformedHow informedHow, Boolean interpreterUsed) {}

  /** Why a recipient declines. */
  enum DeclineReason {
    NO_CAPACITY,
    OUTSIDE_MANDATE,
    NOT_ELIGIBLE,
    PERSON_UNREACHABLE,
    DUPLICATE,
    OTHER
  }

  boolean overdue(Instant now) {
    return status == ReferralStatus.PENDING && now.isAfter(dueAt);
  }

  Referral accept(Instant at) {
    require(status == ReferralStatus.PENDING, "Only a pending referral can be accepted.");
    return with(ReferralStatus.ACCEPTED, at, null, null, null);
  }

  Referral decline(Instant at, DeclineReason code, String text) {
    require(status == ReferralStatus.PENDING, "Only a pending referral can be declined.");
    if (code == null) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "Give the reason for declining.",
          Map.of("field", "reason", "reason", "DECLINE_REASON_REQUIRED"));
    }
    if (code == DeclineReason.OTHER && (text == null || text.isBlank())) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "Explain the reason when it is “other”.",
          Map.of("field", "text", "reason", "DECLINE_REASON_REQUIRED"));
    }
    String t = text == null || text.isBlank() ? null : text.strip();
    if (t != null && t.length() > 500) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED, "The explanation is too long.", Map.of("field", "text"));
    }
    return with(ReferralStatus.DECLINED, at, code, t, at);
  }

  Referral complete(Instant at) {
    require(status == ReferralStatus.ACCEPTED, "Only an accepted referral can be completed.");
    return with(ReferralStatus.COMPLETED, answeredAt, null, null, at);
  }

  Referral revoke(Instant at) {
    require(
        status == ReferralStatus.PENDING || status == ReferralStatus.ACCEPTED,
        "Only a pending or accepted referral can be revoked.");
    return with(ReferralStatus.REVOKED, answeredAt, null, null, at);
  }

  private Referral with(
      ReferralStatus s, Instant answered, DeclineReason code, String text, Instant closed) {
    return new Referral(
        id,
        caseId,
        fromAgencyId,
        toAgencyId,
        serviceId,
        serviceType,
        need,
        transfer,
        child,
        note,
        s,
        basis,
        consent,
        scope,
        bestInterestsId,
        overrideReason,
        createdBy,
        createdAt,
        dueAt,
        answered,
        code,
        text,
        closed,
        version);
  }

  private void require(boolean ok, String detail) {
    if (!ok) {
      throw new PalermoException(
          ErrorCode.CONFLICT, detail, Map.of("reason", "STATUS_" + status.name()));
    }
  }
}
