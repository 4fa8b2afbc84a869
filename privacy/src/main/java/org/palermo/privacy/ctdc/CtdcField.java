package org.palermo.privacy.ctdc;

/** The CTDC columns that hold one scalar value (as opposed to 0/1 flags). */
public enum CtdcField {
  YEAR_OF_REGISTRATION("yearOfRegistration"),
  DATASOURCE("Datasource"),
  GENDER("gender"),
  AGE_BROAD("ageBroad"),
  MAJORITY_STATUS("majorityStatus"),
  MAJORITY_STATUS_AT_EXPLOIT("majorityStatusAtExploit"),
  MAJORITY_ENTRY("majorityEntry"),
  CITIZENSHIP("citizenship"),
  COUNTRY_OF_EXPLOITATION("CountryOfExploitation"),
  TRAFFICK_MONTHS("traffickMonths");

  private final String column;

  CtdcField(String column) {
    this.column = column;
  }

  /** The CTDC column name. */
  public String column() {
    return column;
  }
}
