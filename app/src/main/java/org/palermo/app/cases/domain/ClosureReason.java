package org.palermo.app.cases.domain;

/**
 * Why a case was closed (issue 14 item 10). Closing never depends on the person's cooperation with
 * the authorities: the person may leave the programme at any time and assistance is unconditional
 * (Trafficking Protocol art. 6(3); CoE Convention art. 12(6); EU Directive 2011/36/EU art. 11(3)),
 * hence {@link #PERSON_DECLINED} and no reason such as "did not cooperate".
 */
public enum ClosureReason {
  /** The support plan's objectives were met. */
  GOALS_MET,
  /** The person chose to end the assistance. */
  PERSON_DECLINED,
  /** The person is assisted by another agency (a transfer is a separate, explicit step). */
  REFERRED_ELSEWHERE,
  /** The person returned to their country or moved away. */
  RETURNED_OR_RELOCATED,
  /** The agency lost contact with the person. */
  LOST_CONTACT,
  /** The person turned out not to need this agency's assistance. */
  NOT_IN_SCOPE,
  /** The case duplicates another case of the same person. */
  DUPLICATE,
  /** Another reason, told in the note. */
  OTHER
}
