package org.palermo.app.cli;

/** Facts used by the CLI and API contract tests. */
public final class ClassifyCommandTestData {
  private ClassifyCommandTestData() {}

  public static final String CHILD_TRAFFICKED =
      """
      {"id":"v-1","age":15,"ageAtFirstAct":14,"acts":["RECRUITMENT","TRANSPORTATION"],
       "means":[],"purposes":["FORCED_BEGGING"],"crossedInternationalBorder":false}""";
  public static final String SMUGGLED =
      """
      {"id":"v-2","age":30,"acts":[],"means":[],"purposes":[],"crossedInternationalBorder":true,
       "entryIrregular":true,"nationalOrPermanentResidentOfDestination":false,
       "entryProcuredByAnother":true,"benefitToFacilitator":"FINANCIAL",
       "lifeOrSafetyEndangered":true}""";
}
