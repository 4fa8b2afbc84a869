package org.palermo.app.identification.application;

import org.palermo.app.platform.RefusalReason;

/**
 * Why an identification use case refuses a step outside the screening and the procedure's own rules
 * ({@code ScreeningRefused.Reason}, {@code ProcedureRefused.Reason}, which are reasons too): the
 * problem's {@code reason} (issue #12 §4).
 */
public enum IdentificationRefusal implements RefusalReason {
  /** The screening has not been referred for identification. */
  NOT_REFERRED,
  /** The screening is not completed yet. */
  NOT_COMPLETED,
  /** The screening is already referred. */
  ALREADY_REFERRED,
  /** A removal needs the person's case, whose protection status is asked first. */
  NO_CASE_LINKED,
  /** No decision is awaited for this screening. */
  DECISION_NOT_DUE,
  /** The second reviewer is not another competent-authority officer of the authority. */
  SECOND_REVIEWER_INVALID,
  /** An adult is referred for identification only with their consent recorded. */
  ADULT_CONSENT_REQUIRED,
  /** A child needs no consent: the child is referred for identification. */
  CHILD_REFER_INSTEAD,
  /** The screening is already referred or notified. */
  ALREADY_NOTIFIED,
  /** A country that is not an ISO 3166-1 alpha-2 code. */
  COUNTRY_INVALID,
  /** The agency has no case with that reference. */
  CASE_NOT_FOUND;

  @Override
  public String messageKey() {
    return "screening.problem." + code();
  }
}
