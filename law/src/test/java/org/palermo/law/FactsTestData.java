package org.palermo.law;

/** Builders of test facts, named for the situation they describe. */
public final class FactsTestData {
  private FactsTestData() {}

  /** An adult about whom every legal fact is known and nothing happened: no act, no entry. */
  public static Facts.Builder anAdultWithNothingReported() {
    return Facts.builder()
        .id("adult")
        .age(30)
        .ageAtFirstAct(29)
        .acts()
        .means()
        .purposes()
        .consentToExploitation(false)
        .crossedInternationalBorder(false)
        .entryIrregular(false)
        .nationalOrPermanentResidentOfDestination(true)
        .entryProcuredByAnother(false)
        .benefitToFacilitator(Benefit.NONE)
        .lifeOrSafetyEndangered(false)
        .inhumanOrDegradingTreatment(false)
        .unaccompaniedChild(false)
        .separatedChild(false)
        .seekingInternationalProtection(false);
  }

  /** An adult recruited by deception for forced labour in their own country. */
  public static Facts.Builder aTraffickedAdult() {
    return anAdultWithNothingReported()
        .id("trafficked-adult")
        .acts(Act.RECRUITMENT)
        .means(Means.DECEPTION)
        .purposes(Purpose.FORCED_LABOUR_OR_SERVICES);
  }

  /** An adult foreigner whose irregular entry a smuggler arranged for money; no exploitation. */
  public static Facts.Builder aSmuggledAdult() {
    return anAdultWithNothingReported()
        .id("smuggled-adult")
        .crossedInternationalBorder(true)
        .entryIrregular(true)
        .nationalOrPermanentResidentOfDestination(false)
        .entryProcuredByAnother(true)
        .benefitToFacilitator(Benefit.FINANCIAL);
  }

  /** A person about whom nothing at all is known. */
  public static Facts.Builder anUnknownPerson() {
    return Facts.builder().id("unknown");
  }
}
