package org.palermo.law;

/** One reason a {@link Facts} cannot be classified: a stable code, the field, and a message. */
public record Problem(String code, String field, String message) {

  public static final String UNKNOWN_INDICATOR = "UNKNOWN_INDICATOR";
  public static final String AGE_OUT_OF_RANGE = "AGE_OUT_OF_RANGE";
  public static final String AGE_AT_FIRST_ACT_AFTER_AGE = "AGE_AT_FIRST_ACT_AFTER_AGE";

  /** Warnings (palermo-rules/1.1.0): the facts are classified, but these need attention. */
  public static final String CONTRADICTORY_FACTS = "CONTRADICTORY_FACTS";

  public static final String CHILD_LIST_FOR_ADULT = "CHILD_LIST_FOR_ADULT";
}
