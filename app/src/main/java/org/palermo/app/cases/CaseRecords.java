package org.palermo.app.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.Agency;
import org.palermo.app.cases.persistence.PersonStore;
import org.palermo.app.platform.crypto.FieldCipher;
import org.palermo.law.Majority;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a person with a case and publishes {@link PersonRegistered}: the contract other modules
 * and the demo seeder use. Users register through {@code application.PersonRecords}, which calls
 * this, checks the access policy and records the HTCDS victim context and journey.
 */
@Service
public class CaseRecords {
  private final JdbcClient jdbc;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final Accounts accounts;
  private final FieldCipher cipher;
  private final PersonStore persons;
  private final TraffickingStatuses trafficking;
  private final Map<UUID, String> agencyTypes = new ConcurrentHashMap<>();

  CaseRecords(
      JdbcClient jdbc,
      Clock clock,
      ApplicationEventPublisher events,
      Accounts accounts,
      FieldCipher cipher,
      PersonStore persons,
      TraffickingStatuses trafficking) {
    this.trafficking = trafficking;
    this.jdbc = jdbc;
    this.clock = clock;
    this.events = events;
    this.accounts = accounts;
    this.cipher = cipher;
    this.persons = persons;
  }

  /**
   * A person to register, with the case that is opened for them. {@code countryOfExploitation} may
   * be {@code null} and {@code exploitationTypes} empty (or {@code null}) when not yet known; for
   * now they travel only in {@link PersonRegistered}.
   */
  public record NewPersonCase(
      String givenName,
      String familyName,
      LocalDate birthDate,
      boolean birthDateEstimated,
      String gender,
      List<String> citizenships,
      List<String> languages,
      LegalBasis legalBasis,
      String purpose,
      UUID ownerAgencyId,
      CaseStatus status,
      Instant openedAt,
      boolean synthetic,
      String countryOfExploitation,
      Set<PersonRegistered.Exploitation> exploitationTypes,
      MigrationStatus migrationStatus,
      ProtectionStatus protectionStatus,
      LocalDate exploitationBegan) {

    /** A new person case with no date of exploitation recorded. */
    public NewPersonCase(
        String givenName,
        String familyName,
        LocalDate birthDate,
        boolean birthDateEstimated,
        String gender,
        List<String> citizenships,
        List<String> languages,
        LegalBasis legalBasis,
        String purpose,
        UUID ownerAgencyId,
        CaseStatus status,
        Instant openedAt,
        boolean synthetic,
        String countryOfExploitation,
        Set<PersonRegistered.Exploitation> exploitationTypes,
        MigrationStatus migrationStatus,
        ProtectionStatus protectionStatus) {
      this(
          givenName,
          familyName,
          birthDate,
          birthDateEstimated,
          gender,
          citizenships,
          languages,
          legalBasis,
          purpose,
          ownerAgencyId,
          status,
          openedAt,
          synthetic,
          countryOfExploitation,
          exploitationTypes,
          migrationStatus,
          protectionStatus,
          null);
    }

    public NewPersonCase {
      citizenships = citizenships == null ? List.of() : List.copyOf(citizenships);
      languages = languages == null ? List.of() : List.copyOf(languages);
      exploitationTypes = exploitationTypes == null ? Set.of() : Set.copyOf(exploitationTypes);
    }
  }

  /**
   * Stores the person and the case; returns the case reference. Names and the date of birth are
   * sealed with the person's data key (SECURITY.md rule 6); name search goes through the blind
   * tokens in {@code person_name_token}, never a plaintext column; the child filter through the
   * {@code minor} flag computed here from the date of birth.
   */
  @Transactional
  public String register(NewPersonCase c) {
    return register(c, null);
  }

  /**
   * {@link #register(NewPersonCase)} with the case reference drawn from {@code referenceSource}
   * (the demo seeder's seeded stream, so that a seed always gives the same demo), or from a secure
   * random source when {@code null}.
   */
  public String register(NewPersonCase c, java.util.random.RandomGenerator referenceSource) {
    UUID personId = UUID.randomUUID();
    Instant now = clock.instant();
    String fullName = PersonStore.fullName(c.givenName(), c.familyName());
    jdbc.sql(
            """
            INSERT INTO person (id, given_name, family_name, birth_date_sealed,
              birth_date_estimated, gender, citizenships, languages, legal_basis, purpose_sealed,
              owner_agency_id, synthetic, created_at, migration_status, protection_status, minor,
              at_rest)
            VALUES (?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, TRUE)""")
        .params(
            personId,
            cipher.seal(personId, c.givenName()),
            cipher.seal(personId, c.familyName()),
            cipher.sealDate(personId, c.birthDate()),
            c.birthDateEstimated(),
            c.gender(),
            pgArray(c.citizenships()),
            pgArray(c.languages()),
            c.legalBasis().name(),
            persons.sealPurpose(personId, c.purpose()), // V19_41: sealed, never plaintext
            c.ownerAgencyId(),
            c.synthetic(),
            Timestamp.from(now),
            c.migrationStatus() == null ? null : c.migrationStatus().name(),
            c.protectionStatus() == null ? null : c.protectionStatus().name(),
            PersonStore.minor(c.birthDate(), LocalDate.now(clock)))
        .update();
    persons.writeTokens(personId, fullName);
    UUID caseId = UUID.randomUUID();
    String reference =
        org.palermo.app.cases.persistence.CaseStore.newReference(
            jdbc, c.openedAt().atZone(clock.getZone()).getYear(), referenceSource);
    jdbc.sql(
            """
            INSERT INTO case_file (id, reference, person_id, owner_agency_id, status, opened_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(
            caseId,
            reference,
            personId,
            c.ownerAgencyId(),
            c.status().name(),
            Timestamp.from(c.openedAt()))
        .update();
    events.publishEvent(registered(caseId, c));
    return reference;
  }

  /**
   * Publishes {@link PersonChanged} for every case of the person after a correction (issue 12 §3):
   * the statistics follow it. {@code version} is the person's record version after the change.
   */
  public void personChanged(
      UUID personId, org.palermo.app.cases.domain.PersonDetails d, long version) {
    record Case(UUID id, java.time.Instant openedAt, UUID owner, boolean synthetic) {}
    List<Case> cases =
        jdbc.sql(
                """
                SELECT c.id, c.opened_at, c.owner_agency_id, p.synthetic
                FROM case_file c JOIN person p ON p.id = c.person_id WHERE c.person_id = ?""")
            .param(personId)
            .query(
                (rs, n) ->
                    new Case(
                        rs.getObject("id", UUID.class),
                        rs.getTimestamp("opened_at").toInstant(),
                        rs.getObject("owner_agency_id", UUID.class),
                        rs.getBoolean("synthetic")))
            .list();
    LocalDate exploitationBegan =
        d.journey().stream()
            .filter(e -> e.type() == org.palermo.app.cases.domain.JourneyEventType.EXPLOITATION)
            .map(e -> e.date())
            .filter(day -> day != null)
            .min(java.util.Comparator.naturalOrder())
            .orElse(null);
    String countryOfExploitation =
        d.journey().stream()
            .filter(e -> e.type() == org.palermo.app.cases.domain.JourneyEventType.EXPLOITATION)
            .map(e -> e.country())
            .filter(c -> c != null)
            .findFirst()
            .orElse(null);
    // The derived status (never typed) is the person's, the same on every case: read once.
    String traffickingStatus = trafficking.ofPerson(personId).status().name();
    for (Case c : cases) {
      LocalDate openedOn = LocalDate.ofInstant(c.openedAt(), clock.getZone());
      Integer age = age(d.birthDate(), openedOn);
      Integer ageAtExploitation =
          exploitationBegan == null ? null : age(d.birthDate(), exploitationBegan);
      String type = agencyType(c.owner());
      events.publishEvent(
          new PersonChanged(
              c.id(),
              version,
              openedOn,
              d.gender() == null ? null : d.gender().name(),
              age,
              age == null ? null : age < 18,
              d.citizenships().stream().filter(CaseRecords::isCountryCode).findFirst().orElse(null),
              isCountryCode(countryOfExploitation) ? countryOfExploitation : null,
              d.exploitationTypes(),
              type == null ? null : org.palermo.app.access.AgencyType.valueOf(type),
              c.synthetic(),
              d.migrationStatus(),
              d.protectionStatus(),
              // The derived status (never typed): a correction must not blank it.
              traffickingStatus,
              ageAtExploitation,
              ageAtExploitation == null ? null : ageAtExploitation < 18));
    }
  }

  private static Integer age(LocalDate birth, LocalDate on) {
    return birth == null || birth.isAfter(on) ? null : Period.between(birth, on).getYears();
  }

  /** The event: statistical attributes only, never names or the date of birth. */
  private PersonRegistered registered(UUID caseId, NewPersonCase c) {
    LocalDate openedOn = LocalDate.ofInstant(c.openedAt(), clock.getZone());
    Integer age = null;
    if (c.birthDate() != null && !c.birthDate().isAfter(openedOn)) {
      age = Period.between(c.birthDate(), openedOn).getYears();
    }
    // SDG 16.2.2 counts children by their age when exploited (DOMAIN.md §3), where it is known.
    Integer ageAtExploitation = null;
    if (c.birthDate() != null
        && c.exploitationBegan() != null
        && !c.birthDate().isAfter(c.exploitationBegan())) {
      ageAtExploitation = Period.between(c.birthDate(), c.exploitationBegan()).getYears();
    }
    return new PersonRegistered(
        caseId,
        openedOn,
        c.gender(),
        age,
        age == null ? null : Majority.isChild(age),
        c.citizenships().stream().filter(CaseRecords::isCountryCode).findFirst().orElse(null),
        isCountryCode(c.countryOfExploitation()) ? c.countryOfExploitation() : null,
        c.exploitationTypes(),
        agencyType(c.ownerAgencyId()),
        c.synthetic(),
        c.migrationStatus() == null ? null : c.migrationStatus().name(),
        c.protectionStatus() == null ? null : c.protectionStatus().name(),
        // Derived later from screenings and decisions (TraffickingStatusChanged): none yet.
        TraffickingStatus.NOT_ASSESSED.name(),
        ageAtExploitation,
        ageAtExploitation == null ? null : Majority.isChild(ageAtExploitation));
  }

  private String agencyType(UUID agencyId) {
    String type = agencyTypes.get(agencyId);
    if (type == null) {
      for (Agency a : accounts.agencies()) {
        agencyTypes.put(a.id(), a.type().name());
      }
      type = agencyTypes.get(agencyId);
    }
    return type;
  }

  private static boolean isCountryCode(String code) {
    return code != null && code.matches("[A-Z]{2}");
  }

  private static String pgArray(List<String> values) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return b.append('}').toString();
  }
}
