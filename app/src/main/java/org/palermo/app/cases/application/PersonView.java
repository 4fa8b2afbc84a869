package org.palermo.app.cases.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.cases.LegalBasis;
import org.palermo.app.cases.MigrationStatus;
import org.palermo.app.cases.Names;
import org.palermo.app.cases.PersonRegistered.Exploitation;
import org.palermo.app.cases.ProtectionStatus;
import org.palermo.app.cases.TraffickingStatus;
import org.palermo.app.cases.TraffickingStatuses;
import org.palermo.app.cases.domain.ControlMethod;
import org.palermo.app.cases.domain.Gender;
import org.palermo.app.cases.domain.Industry;
import org.palermo.app.cases.domain.JourneyEvent;
import org.palermo.app.cases.domain.PersonDetails;
import org.palermo.app.cases.domain.PersonField;
import org.palermo.app.cases.domain.RecruitmentMethod;
import org.palermo.app.cases.domain.Sex;

/**
 * A person as one user may see them: every field of a group the user may not read is {@code null}
 * (or empty), whatever is stored. {@code child} is always given: it protects the person. {@code
 * traffickingStatus} is derived, read-only, with the source and date it came from ({@code
 * TraffickingStatuses}).
 */
public record PersonView(
    UUID id,
    int version,
    Set<FieldGroup> readable,
    boolean child,
    String givenName,
    String familyName,
    String nameLatin,
    LocalDate birthDate,
    Boolean birthDateEstimated,
    Boolean ageDisputed,
    Sex sex,
    Gender gender,
    List<String> citizenships,
    List<String> languages,
    LegalBasis legalBasis,
    String purpose,
    MigrationStatus migrationStatus,
    ProtectionStatus protectionStatus,
    TraffickingStatus traffickingStatus,
    TraffickingStatus.Source traffickingStatusSource,
    LocalDate traffickingStatusOn,
    Set<ControlMethod> controlMethods,
    Set<Exploitation> exploitationTypes,
    Industry industry,
    Set<RecruitmentMethod> recruitmentMethods,
    String recruitmentCity,
    String recruitmentCountry,
    List<JourneyEvent> journey) {

  /** The name as written ({@link org.palermo.app.cases.PersonName}); null when not readable. */
  public String fullName() {
    return givenName == null ? null : org.palermo.app.cases.PersonName.full(givenName, familyName);
  }

  /** Whether the user may read {@code field}. */
  public boolean sees(PersonField field) {
    return readable.contains(field.group());
  }

  /** Whether the user may read the group named {@code group} (for templates). */
  public boolean showsGroup(String group) {
    return readable.stream().anyMatch(g -> g.name().equals(group));
  }

  static PersonView of(
      UUID id,
      int version,
      PersonDetails d,
      TraffickingStatuses.Current status,
      Set<FieldGroup> groups,
      boolean child) {
    boolean identity = groups.contains(PersonField.NAMES.group());
    boolean legal = groups.contains(PersonField.MIGRATION_STATUS.group());
    boolean narrative = groups.contains(PersonField.TRAFFICKING_STATUS.group());
    boolean location = groups.contains(PersonField.JOURNEY.group());
    return new PersonView(
        id,
        version,
        Set.copyOf(groups),
        child,
        identity ? d.givenName() : null,
        identity ? d.familyName() : null,
        identity ? Names.searchKey(d.fullName()) : null,
        identity ? d.birthDate() : null,
        identity ? d.birthDateEstimated() : null,
        identity ? d.ageDisputed() : null,
        identity ? d.sex() : null,
        identity ? d.gender() : null,
        identity ? d.citizenships() : null,
        identity ? d.languages() : null,
        identity ? d.legalBasis() : null,
        identity ? d.purpose() : null,
        legal ? d.migrationStatus() : null,
        legal ? d.protectionStatus() : null,
        narrative ? status.status() : null,
        narrative ? status.source() : null,
        narrative ? status.on() : null,
        narrative ? d.controlMethods() : null,
        narrative ? d.exploitationTypes() : null,
        narrative ? d.industry() : null,
        narrative ? d.recruitmentMethods() : null,
        location ? d.recruitmentCity() : null,
        location ? d.recruitmentCountry() : null,
        location ? d.journey() : null);
  }
}
