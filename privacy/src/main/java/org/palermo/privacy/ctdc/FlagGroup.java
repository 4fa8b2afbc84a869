package org.palermo.privacy.ctdc;

/**
 * A family of CTDC 0/1 flag columns; most families have a derived "concatenated" column that lists
 * the flags set in that family.
 */
public enum FlagGroup {
  MEANS_OF_CONTROL("meansOfControl", "meansOfControlConcatenated"),
  EXPLOITATION("is", "typeOfExploitConcatenated"),
  LABOUR_SECTOR("typeOfLabour", "typeOfLabourConcatenated"),
  SEXUAL_EXPLOITATION("typeOfSex", "typeOfSexConcatenated"),
  ABDUCTION("is", null),
  RECRUITER_RELATION("recruiterRelation", "RecruiterRelationship");

  private final String prefix;
  private final String concatenatedColumn;

  FlagGroup(String prefix, String concatenatedColumn) {
    this.prefix = prefix;
    this.concatenatedColumn = concatenatedColumn;
  }

  /** The common prefix of the flag column names in this family. */
  String prefix() {
    return prefix;
  }

  /** The derived column listing the set flags, or {@code null} if the family has none. */
  public String concatenatedColumn() {
    return concatenatedColumn;
  }
}
