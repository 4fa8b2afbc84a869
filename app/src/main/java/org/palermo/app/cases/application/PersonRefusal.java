package org.palermo.app.cases.application;

import org.palermo.app.platform.RefusalReason;

/**
 * Why a change to a person's record is refused: the problem's {@code reason} (issue #12 §4). Moves
 * of the case carry {@code cases.domain.CaseRefused.Reason}.
 */
public enum PersonRefusal implements RefusalReason {
  /** The presumption of minority holds until an age assessment (CoE Convention art. 10(3)). */
  AGE_DISPUTE_NEEDS_ASSESSMENT,
  /** Only a recorded asylum decision changes a locked protection status (1951 Convention 33). */
  PROTECTION_STATUS_NEEDS_DECISION,
  /** The trafficking status is derived from screenings and decisions, never set by hand. */
  TRAFFICKING_STATUS_DERIVED,
  /** Cooperation is recorded on the case's one cooperation record, not on the person. */
  COOPERATION_RECORDED_ON_CASE,
  /**
   * The person's identity was erased (GDPR art. 17) or anonymised at the end of retention: an old
   * or kept form must never write it back.
   */
  PERSON_ERASED;

  @Override
  public String messageKey() {
    return "referral.problem." + code();
  }
}
