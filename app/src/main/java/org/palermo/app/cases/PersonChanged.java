package org.palermo.app.cases;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.AgencyType;
import org.palermo.app.cases.PersonRegistered.Exploitation;

/**
 * Published, once per case of the person, when a person's record is corrected (issue 12 §3): the
 * same statistical attributes as {@link PersonRegistered}, so that the statistics follow
 * corrections of sex, birth date, citizenship, forms of exploitation, migration, protection or
 * trafficking status. {@code version} is the person's record version after the change: a read model
 * applies an event only over an older version, so an event delivered late never overwrites a newer
 * one. Like every event between modules it carries no name, no date of birth, no contact.
 *
 * @param caseId the case's opaque identifier
 * @param version the person's record version after this change (higher is newer)
 * @param registeredOn the day the case was opened (ages at registration are counted from it)
 * @param gender the HTCDS {@code prs_Gender} value, or {@code null} when not recorded
 * @param ageAtRegistration age in whole years when the case was opened, {@code null} if unknown
 * @param minorAtRegistration whether the person was under 18 then, {@code null} if unknown
 * @param citizenship ISO 3166-1 alpha-2 code of the (first) citizenship, {@code null} if unknown
 * @param countryOfExploitation ISO 3166-1 alpha-2 code, {@code null} if unknown
 * @param exploitationTypes the forms of exploitation recorded; empty when none is recorded
 * @param ownerAgencyType the type of agency that owns the case
 * @param synthetic whether the record is synthetic demo data
 * @param migrationStatus the migration status, {@code null} if not recorded
 * @param protectionStatus the protection status, {@code null} if not recorded
 * @param traffickingStatus the person's derived status ({@link TraffickingStatus} name) at the
 *     correction; it changes only through {@link TraffickingStatusChanged}, never by an edit
 * @param ageAtExploitation age in whole years when the exploitation began, {@code null} if unknown
 * @param minorAtExploitation whether the person was under 18 then, {@code null} if unknown
 */
public record PersonChanged(
    UUID caseId,
    long version,
    LocalDate registeredOn,
    String gender,
    Integer ageAtRegistration,
    Boolean minorAtRegistration,
    String citizenship,
    String countryOfExploitation,
    Set<Exploitation> exploitationTypes,
    AgencyType ownerAgencyType,
    boolean synthetic,
    MigrationStatus migrationStatus,
    ProtectionStatus protectionStatus,
    String traffickingStatus,
    Integer ageAtExploitation,
    Boolean minorAtExploitation) {

  public PersonChanged {
    if (caseId == null || registeredOn == null) {
      throw new IllegalArgumentException("case id and registration day are required");
    }
    exploitationTypes =
        exploitationTypes == null || exploitationTypes.isEmpty()
            ? Set.of()
            : Collections.unmodifiableSet(EnumSet.copyOf(exploitationTypes));
  }

  /** The year the case was registered. */
  public int registrationYear() {
    return registeredOn.getYear();
  }
}
