package org.palermo.app.cases;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Published when a person is registered with a case. It carries only statistical attributes, so
 * that read models such as the statistics module's never need the case tables: no names, no date of
 * birth, no contact details.
 *
 * @param caseId the case's opaque identifier (not its reference)
 * @param registeredOn the day the case was opened
 * @param gender the HTCDS {@code prs_Gender} value, or {@code null} when not recorded
 * @param ageAtRegistration age in whole years when the case was opened, {@code null} if unknown
 * @param minorAtRegistration whether the person was under 18 then, {@code null} if unknown
 * @param citizenship ISO 3166-1 alpha-2 code of the (first) citizenship, {@code null} if unknown
 * @param countryOfExploitation ISO 3166-1 alpha-2 code, {@code null} if unknown
 * @param exploitationTypes the forms of exploitation recorded; empty when none is recorded
 * @param ownerAgencyType the type of agency that owns the case (an {@code AgencyType} name)
 * @param synthetic whether the record is synthetic demo data
 * @param migrationStatus the {@link MigrationStatus} name, {@code null} if not recorded
 * @param protectionStatus the {@link ProtectionStatus} name, {@code null} if not recorded
 * @param traffickingStatus the HTCDS {@code vic_TraffickingStatus} at registration ({@code
 *     PossibleVictimOfTrafficking}, {@code ActualVictimOfTrafficking}, {@code
 *     NotAVictimOfTrafficking}), {@code null} when none was recorded (a smuggled migrant, say)
 * @param ageAtExploitation age in whole years when the exploitation began, {@code null} if unknown
 * @param minorAtExploitation whether the person was under 18 then, {@code null} if unknown
 */
public record PersonRegistered(
    UUID caseId,
    LocalDate registeredOn,
    String gender,
    Integer ageAtRegistration,
    Boolean minorAtRegistration,
    String citizenship,
    String countryOfExploitation,
    Set<Exploitation> exploitationTypes,
    String ownerAgencyType,
    boolean synthetic,
    String migrationStatus,
    String protectionStatus,
    String traffickingStatus,
    Integer ageAtExploitation,
    Boolean minorAtExploitation) {

  /** An event without trafficking status or age at exploitation (neither recorded). */
  public PersonRegistered(
      UUID caseId,
      LocalDate registeredOn,
      String gender,
      Integer ageAtRegistration,
      Boolean minorAtRegistration,
      String citizenship,
      String countryOfExploitation,
      Set<Exploitation> exploitationTypes,
      String ownerAgencyType,
      boolean synthetic,
      String migrationStatus,
      String protectionStatus) {
    this(
        caseId,
        registeredOn,
        gender,
        ageAtRegistration,
        minorAtRegistration,
        citizenship,
        countryOfExploitation,
        exploitationTypes,
        ownerAgencyType,
        synthetic,
        migrationStatus,
        protectionStatus,
        null,
        null,
        null);
  }

  public PersonRegistered {
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

  /**
   * Forms of exploitation: the HTCDS {@code vic_TypeOfExploitation} values, plus forced criminal
   * activity, which UNODC's Global Report counts separately (DOMAIN.md §2 and §3).
   */
  public enum Exploitation {
    SEXUAL_EXPLOITATION("SexualExploitation"),
    FORCED_LABOUR("ForcedLabour"),
    CHILD_LABOUR("ChildLabour"),
    FORCED_MARRIAGE("ForcedMarriage"),
    SERVITUDE("Servitude"),
    FORCED_MILITARY_BY_NON_STATE_ACTORS("ForcedMilitaryByNonStateActors"),
    ORGAN_REMOVAL("OrganRemoval"),
    FORCED_BEGGING("ForcedBegging"),
    FORCED_ADOPTION("ForcedAdoption"),
    SURROGACY("Surrogacy"),
    FORCED_CRIMINALITY("ForcedCriminality"),
    OTHER("Other");

    private final String htcds;

    Exploitation(String htcds) {
      this.htcds = htcds;
    }

    /** The HTCDS value name ({@code ForcedCriminality} is ours: HTCDS has no such value). */
    public String htcds() {
      return htcds;
    }
  }
}
