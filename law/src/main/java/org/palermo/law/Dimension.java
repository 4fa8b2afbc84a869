package org.palermo.law;

/** The six dimensions of the ILO–EC Delphi lists, each with the two-letter code used in codes. */
public enum Dimension {
  DECEPTIVE_RECRUITMENT("DR"),
  COERCIVE_RECRUITMENT("CR"),
  RECRUITMENT_BY_ABUSE_OF_VULNERABILITY("VR"),
  EXPLOITATIVE_CONDITIONS_OF_WORK("EX"),
  COERCION_AT_DESTINATION("CD"),
  ABUSE_OF_VULNERABILITY_AT_DESTINATION("VD");

  private final String abbreviation;

  Dimension(String abbreviation) {
    this.abbreviation = abbreviation;
  }

  /** The two-letter code, e.g. {@code DR}. */
  public String abbreviation() {
    return abbreviation;
  }

  /** Whether this is one of the three recruitment-stage dimensions. */
  public boolean recruitmentStage() {
    return ordinal() < 3;
  }
}
