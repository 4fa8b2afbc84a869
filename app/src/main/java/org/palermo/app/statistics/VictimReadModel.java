package org.palermo.app.statistics;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.cases.CaseTransferred;
import org.palermo.app.cases.PersonChanged;
import org.palermo.app.cases.PersonRegistered;
import org.palermo.app.cases.PersonRegistered.Exploitation;
import org.palermo.privacy.ctdc.AgeBroad;
import org.palermo.privacy.ctdc.CtdcRecord;
import org.palermo.privacy.ctdc.Gender;
import org.palermo.privacy.ctdc.MajorityStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The statistics read model in table {@code statistics_victim}: one row per registered case, fed by
 * {@link PersonRegistered} events, then corrected by {@link PersonChanged} and {@link
 * CaseTransferred} (issue 12 §3), never by the case tables. Delivery is at least once and in any
 * order: a repeated or late event changes nothing.
 */
@Component
class VictimReadModel {
  /** The ledger and sidecar name of the read model as a dataset. */
  static final String DATASET = "victims";

  /** The CTDC {@code Datasource} of records registered here. */
  static final String DATASOURCE = "Case Management";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ErasedCases erasedCases;

  VictimReadModel(JdbcClient jdbc, Clock clock, ErasedCases erasedCases) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.erasedCases = erasedCases;
  }

  /** Stores one registered victim; a repeated delivery of the same event is ignored. */
  @ApplicationModuleListener
  void on(PersonRegistered event) {
    if (erasedCases.erased(event.caseId())) {
      return;
    }
    String[] types =
        event.exploitationTypes().stream().map(Exploitation::htcds).toArray(String[]::new);
    jdbc.sql(
            """
            INSERT INTO statistics_victim (case_id, registered_on, registration_year, gender,
              age_at_registration, minor_at_registration, citizenship, country_of_exploitation,
              exploitation_types, owner_agency_type, synthetic, received_at, migration_status,
              protection_status, trafficking_status, age_at_exploitation, minor_at_exploitation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (case_id) DO NOTHING""")
        .params(
            event.caseId(),
            event.registeredOn(),
            event.registrationYear(),
            event.gender(),
            event.ageAtRegistration(),
            event.minorAtRegistration(),
            event.citizenship(),
            event.countryOfExploitation(),
            types,
            event.ownerAgencyType(),
            event.synthetic(),
            Timestamp.from(clock.instant()),
            event.migrationStatus(),
            event.protectionStatus(),
            event.traffickingStatus(),
            event.ageAtExploitation(),
            event.minorAtExploitation())
        .update();
  }

  /**
   * Applies a correction of the person (issue 12 §3): the row takes the new attributes only if it
   * holds an older version of the person, so an event delivered late never overwrites a newer one.
   * When the correction arrives before the registration, it creates the row, and the registration
   * then changes nothing. The owner's agency type follows {@link CaseTransferred}, not this event,
   * except in a row created here.
   */
  @ApplicationModuleListener
  void on(PersonChanged event) {
    if (erasedCases.erased(event.caseId())) {
      return;
    }
    String[] types =
        event.exploitationTypes().stream().map(Exploitation::htcds).toArray(String[]::new);
    jdbc.sql(
            """
            INSERT INTO statistics_victim (case_id, registered_on, registration_year, gender,
              age_at_registration, minor_at_registration, citizenship, country_of_exploitation,
              exploitation_types, owner_agency_type, synthetic, received_at, migration_status,
              protection_status, trafficking_status, age_at_exploitation, minor_at_exploitation,
              person_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (case_id) DO UPDATE SET
              gender = excluded.gender,
              age_at_registration = excluded.age_at_registration,
              minor_at_registration = excluded.minor_at_registration,
              citizenship = excluded.citizenship,
              country_of_exploitation = excluded.country_of_exploitation,
              exploitation_types = excluded.exploitation_types,
              received_at = excluded.received_at,
              migration_status = excluded.migration_status,
              protection_status = excluded.protection_status,
              trafficking_status =
                coalesce(excluded.trafficking_status, statistics_victim.trafficking_status),
              age_at_exploitation = excluded.age_at_exploitation,
              minor_at_exploitation = excluded.minor_at_exploitation,
              person_version = excluded.person_version
            WHERE statistics_victim.person_version < excluded.person_version""")
        .params(
            event.caseId(),
            event.registeredOn(),
            event.registrationYear(),
            event.gender(),
            event.ageAtRegistration(),
            event.minorAtRegistration(),
            event.citizenship(),
            event.countryOfExploitation(),
            types,
            event.ownerAgencyType() == null ? null : event.ownerAgencyType().name(),
            event.synthetic(),
            Timestamp.from(clock.instant()),
            event.migrationStatus() == null ? null : event.migrationStatus().name(),
            event.protectionStatus() == null ? null : event.protectionStatus().name(),
            event.traffickingStatus(),
            event.ageAtExploitation(),
            event.minorAtExploitation(),
            event.version())
        .update();
  }

  /**
   * Counts the case under its new owner's agency type, unless a later transfer was applied already.
   * A transfer that arrives before the case's registration finds no row and changes nothing.
   */
  @ApplicationModuleListener
  void on(CaseTransferred event) {
    if (erasedCases.erased(event.caseId())) {
      return;
    }
    jdbc.sql(
            """
            UPDATE statistics_victim SET owner_agency_type = ?, owner_version = ?, received_at = ?
            WHERE case_id = ? AND owner_version < ?""")
        .params(
            event.ownerAgencyType().name(),
            event.caseVersion(),
            Timestamp.from(clock.instant()),
            event.caseId(),
            event.caseVersion())
        .update();
  }

  /** One victim of the read model as a CTDC record, with its case id as pseudonymous key. */
  record Victim(UUID caseId, CtdcRecord record, boolean synthetic) {}

  /**
   * Every victim in the read model, in a stable order, as it is now: a caller that must count the
   * events still on their way (a release) first waits through {@code platform.PendingEvents}.
   */
  List<Victim> victims() {
    return jdbc.sql(
            """
            SELECT case_id, registration_year, gender, age_at_registration, minor_at_registration,
              citizenship, country_of_exploitation, exploitation_types, synthetic
            FROM statistics_victim ORDER BY registered_on, case_id""")
        .query((rs, n) -> victim(rs))
        .list();
  }

  private static Victim victim(ResultSet rs) throws SQLException {
    Integer age = (Integer) rs.getObject("age_at_registration");
    Boolean minor = (Boolean) rs.getObject("minor_at_registration");
    CtdcRecord record =
        CtdcRecord.builder()
            .yearOfRegistration(rs.getInt("registration_year"))
            .datasource(DATASOURCE)
            .gender(gender(rs.getString("gender")))
            .ageBroad(age == null ? null : AgeBroad.ofAge(age))
            .majorityStatus(
                minor == null ? null : minor ? MajorityStatus.MINOR : MajorityStatus.ADULT)
            .citizenship(rs.getString("citizenship"))
            .countryOfExploitation(rs.getString("country_of_exploitation"))
            .flags(ExploitationFlags.of(exploitation(rs.getArray("exploitation_types"))))
            .build();
    return new Victim(rs.getObject("case_id", UUID.class), record, rs.getBoolean("synthetic"));
  }

  /**
   * HTCDS {@code prs_Gender} to CTDC {@code gender}: the transgender and non-conforming values
   * become {@code Other}; {@code NonSpecifiedUnknown} is missing.
   */
  static Gender gender(String htcds) {
    if (htcds == null) {
      return null;
    }
    switch (htcds) {
      case "Feminine":
        return Gender.FEMALE;
      case "Masculine":
        return Gender.MALE;
      case "TransgenderFeminine":
      case "TransgenderMasculine":
      case "NonConforming":
        return Gender.OTHER;
      default:
        return null;
    }
  }

  static Set<Exploitation> exploitation(Array array) throws SQLException {
    Set<Exploitation> types = EnumSet.noneOf(Exploitation.class);
    if (array == null) {
      return types;
    }
    for (String value : (String[]) array.getArray()) {
      for (Exploitation e : Exploitation.values()) {
        if (e.htcds().equals(value)) {
          types.add(e);
        }
      }
    }
    return types;
  }
}
