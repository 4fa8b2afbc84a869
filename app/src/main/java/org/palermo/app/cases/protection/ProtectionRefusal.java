package org.palermo.app.cases.protection;

import org.palermo.app.platform.RefusalReason;

/**
 * Why the child-protection, return and residence rules refuse a step: the problem's {@code reason}
 * (issue #12 §4). The pages translate {@code caseProtection.problem.<code>} / {@code
 * referral.problem.<code>}. Refusals of the return gate carry {@link PersonProtection.Reason} and
 * {@link ReturnConditions.Refusal}, which are reasons too.
 */
public enum ProtectionRefusal implements RefusalReason {
  /** Adulthood concluded without a multidisciplinary assessment and the benefit of the doubt. */
  ADULT_WITHOUT_SAFEGUARDS,
  /** Adulthood concluded without telling the person of the right to challenge it. */
  RIGHT_TO_CHALLENGE_NOT_INFORMED,
  /** A step that would hand the child to someone linked to the suspected exploiter. */
  LINKED_SUSPECTED_EXPLOITER,
  /** A step for children on a case whose person is not a (presumed) child. */
  NOT_A_CHILD,
  NO_GUARDIAN,
  NO_BEST_INTERESTS_ASSESSMENT,
  TRACING_CLOSED,
  SAFETY_CHECK_REQUIRED,
  CONTACT_NOT_SAFE,
  ALERT_OPEN,
  NO_OPEN_ALERT,
  NO_GUARDIAN_TO_INFORM,
  NOT_CASE_OWNER,
  CONSENT_REQUIRED,
  NO_NON_PUNISHMENT_FLAG;

  @Override
  public String messageKey() {
    return "referral.problem." + code();
  }
}
