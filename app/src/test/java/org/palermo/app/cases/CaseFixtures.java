package org.palermo.app.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Test data of the cases module's public API. */
public final class CaseFixtures {
  private CaseFixtures() {}

  /**
   * An open case of {@code agency} for a person of those names and date of birth: a woman of
   * citizenship XA who speaks French, registered now by consent for assistance, with no victim
   * context.
   */
  public static CaseRecords.NewPersonCase openCase(
      String givenName, String familyName, LocalDate birthDate, UUID agency) {
    return new CaseRecords.NewPersonCase(
        givenName,
        familyName,
        birthDate,
        false,
        "Feminine",
        List.of("XA"),
        List.of("fr"),
        LegalBasis.CONSENT,
        "assistance",
        agency,
        CaseStatus.OPEN,
        Instant.now(),
        true,
        null,
        null,
        null,
        null);
  }
}
