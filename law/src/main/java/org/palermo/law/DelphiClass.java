package org.palermo.law;

/**
 * The overall Delphi result of one list. Only {@link #POSSIBLE_VICTIM_OF_TRAFFICKING} comes from
 * the list's combination rule; the other classes describe what falls short of it, after ILO survey
 * practice.
 */
public enum DelphiClass {
  /** The list's combination rule is met. */
  POSSIBLE_VICTIM_OF_TRAFFICKING,
  /** Adults: deceptive recruitment and exploitation, without coercion or abuse at destination. */
  DECEPTION_AND_EXPLOITATION,
  /** The exploitation dimension is the only positive one. */
  EXPLOITATION_ONLY,
  /** Some dimensions are positive, but not in a combination named above. */
  PARTIAL_INDICATORS,
  /** No dimension is positive. */
  NOT_IDENTIFIED
}
