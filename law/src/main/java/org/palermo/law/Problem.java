package org.palermo.law;

/** One reason a {@link Facts} cannot be classified: a stable code, the field, and a message. */
public record Problem(String code, String field, String message) {

  public static final String UNKNOWN_INDICATOR = "UNKNOWN_INDICATOR";
  public static final String AGE_OUT_OF_RANGE = "AGE_OUT_OF_RANGE";
  public static final String AGE_AT_FIRST_ACT_AFTER_AGE = "AGE_AT_FIRST_ACT_AFTER_AGE";
}
