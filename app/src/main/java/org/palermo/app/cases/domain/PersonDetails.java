package org.palermo.app.cases.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.palermo.app.cases.LegalBasis;
import org.palermo.app.cases.MigrationStatus;
import org.palermo.app.cases.PersonRegistered.Exploitation;
import org.palermo.app.cases.ProtectionStatus;

/**
 * What is recorded about a person (HTCDS 2.0 {@code prs_}, {@code vic_} and {@code hte_}, DOMAIN.md
 * §2). Names are kept in the script they were given in; {@code Names} derives the Latin search
 * keys. Purpose and legal basis are required for every record (SECURITY.md rule 1). Each field's
 * group is in {@link PersonField}.
 */
public record PersonDetails(
    String givenName,
    String familyName,
    LocalDate birthDate,
    boolean birthDateEstimated,
    boolean ageDisputed,
    Sex sex,
    Gender gender,
    List<String> citizenships,
    List<String> languages,
    MigrationStatus migrationStatus,
    ProtectionStatus protectionStatus,
    LegalBasis legalBasis,
    String purpose,
    Set<ControlMethod> controlMethods,
    Set<Exploitation> exploitationTypes,
    Industry industry,
    Set<RecruitmentMethod> recruitmentMethods,
    String recruitmentCity,
    String recruitmentCountry,
    List<JourneyEvent> journey) {

  public PersonDetails {
    givenName = trim(givenName);
    familyName = trim(familyName);
    purpose = trim(purpose);
    recruitmentCity = trim(recruitmentCity);
    recruitmentCountry = upper(trim(recruitmentCountry));
    citizenships = citizenships == null ? List.of() : clean(citizenships, true);
    languages = languages == null ? List.of() : clean(languages, false);
    controlMethods = controlMethods == null ? Set.of() : Set.copyOf(controlMethods);
    exploitationTypes = exploitationTypes == null ? Set.of() : Set.copyOf(exploitationTypes);
    recruitmentMethods = recruitmentMethods == null ? Set.of() : Set.copyOf(recruitmentMethods);
    journey = journey == null ? List.of() : List.copyOf(journey);
  }

  /** The name as written, given name first. */
  public String fullName() {
    return org.palermo.app.cases.PersonName.full(givenName, familyName);
  }

  /**
   * What is wrong with this record, field by field ({@code field → reason}); empty when valid.
   * Reasons are stable codes, never echoes of the input.
   */
  public java.util.Map<String, String> problems(LocalDate today) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    if (givenName == null) {
      out.put("givenName", "REQUIRED");
    } else if (givenName.length() > 200) {
      out.put("givenName", "TOO_LONG");
    }
    if (familyName != null && familyName.length() > 200) {
      out.put("familyName", "TOO_LONG");
    }
    if (birthDate != null
        && (birthDate.isAfter(today) || birthDate.isBefore(today.minusYears(130)))) {
      out.put("birthDate", "OUT_OF_RANGE");
    }
    if (legalBasis == null) {
      out.put("legalBasis", "REQUIRED");
    }
    if (purpose == null) {
      out.put("purpose", "REQUIRED");
    } else if (purpose.length() > 500) {
      out.put("purpose", "TOO_LONG");
    }
    if (citizenships.stream().anyMatch(c -> !c.matches("[A-Z]{2}"))) {
      out.put("citizenships", "ISO_3166_ALPHA_2");
    }
    if (languages.stream().anyMatch(l -> !l.matches("[a-z]{2,3}"))) {
      out.put("languages", "ISO_639");
    }
    if (recruitmentCountry != null && !recruitmentCountry.matches("[A-Z]{2}")) {
      out.put("recruitmentCountry", "ISO_3166_ALPHA_2");
    }
    if (recruitmentCity != null && recruitmentCity.length() > 200) {
      out.put("recruitmentCity", "TOO_LONG");
    }
    for (int i = 0; i < journey.size(); i++) {
      JourneyEvent e = journey.get(i);
      if (e.country() != null && !e.country().matches("[A-Z]{2}")) {
        out.put("journey[" + i + "].country", "ISO_3166_ALPHA_2");
      }
      if (e.date() != null && e.date().isAfter(today)) {
        out.put("journey[" + i + "].date", "OUT_OF_RANGE");
      }
      if (e.description() != null && e.description().length() > 2000) {
        out.put("journey[" + i + "].description", "TOO_LONG");
      }
    }
    if (journey.size() > 50) {
      out.put("journey", "TOO_MANY");
    }
    return out;
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(java.util.Locale.ROOT);
  }

  private static List<String> clean(List<String> values, boolean upper) {
    return values.stream()
        .filter(v -> v != null && !v.isBlank())
        .map(String::strip)
        .map(
            v ->
                upper ? v.toUpperCase(java.util.Locale.ROOT) : v.toLowerCase(java.util.Locale.ROOT))
        .distinct()
        .toList();
  }
}
