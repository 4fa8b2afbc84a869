package org.palermo.app.cases.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.palermo.app.cases.LegalBasis;
import org.palermo.app.cases.MigrationStatus;
import org.palermo.app.cases.PersonRegistered.Exploitation;
import org.palermo.app.cases.ProtectionStatus;
import org.palermo.app.cases.domain.ControlMethod;
import org.palermo.app.cases.domain.Gender;
import org.palermo.app.cases.domain.Industry;
import org.palermo.app.cases.domain.JourneyEvent;
import org.palermo.app.cases.domain.JourneyEventType;
import org.palermo.app.cases.domain.PersonDetails;
import org.palermo.app.cases.domain.RecruitmentMethod;
import org.palermo.app.cases.domain.Sex;

/**
 * A person in a request body of {@code /api/v1/persons}. {@code traffickingStatus} is read only to
 * refuse it: the status is derived from the screenings and decisions ({@code
 * cases.TraffickingStatuses}, issue 13 §1) and a request that still sends one gets a 400 problem
 * ({@code reason} {@code TRAFFICKING_STATUS_DERIVED}), so that no client believes it set it. {@code
 * cooperation} likewise: it is recorded on the case's one cooperation record ({@code POST
 * /api/v1/cases/{id}/cooperation}), and a body that still sends it is refused ({@code
 * COOPERATION_RECORDED_ON_CASE}).
 */
record PersonBody(
    String givenName,
    String familyName,
    LocalDate birthDate,
    Boolean birthDateEstimated,
    Boolean ageDisputed,
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
    List<Journey> journey,
    Object traffickingStatus,
    Object cooperation) {

  /** One journey event (HTCDS {@code hte_}). */
  record Journey(
      JourneyEventType type, String city, String country, LocalDate date, String description) {}

  PersonDetails details() {
    return new PersonDetails(
        givenName,
        familyName,
        birthDate,
        Boolean.TRUE.equals(birthDateEstimated),
        Boolean.TRUE.equals(ageDisputed),
        sex,
        gender,
        citizenships,
        languages,
        migrationStatus,
        protectionStatus,
        legalBasis,
        purpose,
        controlMethods,
        exploitationTypes,
        industry,
        recruitmentMethods,
        recruitmentCity,
        recruitmentCountry,
        journey == null
            ? List.of()
            : journey.stream()
                .filter(j -> j != null && j.type() != null)
                .map(
                    j ->
                        new JourneyEvent(
                            j.type(),
                            j.city(),
                            j.country() == null ? null : j.country().strip().toUpperCase(),
                            j.date(),
                            j.description()))
                .toList());
  }
}
