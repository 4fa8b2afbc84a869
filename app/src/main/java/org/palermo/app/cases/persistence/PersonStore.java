package org.palermo.app.cases.persistence;

import static org.palermo.app.cases.persistence.Sql.array;
import static org.palermo.app.cases.persistence.Sql.enumOf;
import static org.palermo.app.cases.persistence.Sql.list;
import static org.palermo.app.cases.persistence.Sql.name;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.palermo.app.cases.LegalBasis;
import org.palermo.app.cases.MigrationStatus;
import org.palermo.app.cases.Names;
import org.palermo.app.cases.PersonRegistered.Exploitation;
import org.palermo.app.cases.ProtectionStatus;
import org.palermo.app.cases.domain.ControlMethod;
import org.palermo.app.cases.domain.Cooperation;
import org.palermo.app.cases.domain.Gender;
import org.palermo.app.cases.domain.Industry;
import org.palermo.app.cases.domain.JourneyEvent;
import org.palermo.app.cases.domain.JourneyEventType;
import org.palermo.app.cases.domain.PersonDetails;
import org.palermo.app.cases.domain.RecruitmentMethod;
import org.palermo.app.cases.domain.Sex;
import org.palermo.app.cases.domain.TraffickingStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code person} and {@code journey_event} tables. */
@Repository
public class PersonStore {
  private final JdbcClient jdbc;

  PersonStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored person with its version. */
  public record StoredPerson(
      UUID id, PersonDetails details, UUID ownerAgencyId, int version, List<String> tokens) {}

  /** A candidate of search-before-create: the person and their most recent case. */
  public record Candidate(
      UUID personId,
      UUID caseId,
      String reference,
      String givenName,
      String familyName,
      LocalDate birthDate,
      boolean birthDateEstimated,
      List<String> citizenships,
      List<String> tokens) {}

  private static final String COLUMNS =
      """
      id, given_name, family_name, birth_date, birth_date_estimated, age_disputed, sex, gender,
      citizenships, languages, migration_status, protection_status, legal_basis, purpose,
      cooperation, trafficking_status, control_methods, exploitation_types, industry,
      recruitment_methods, recruitment_city, recruitment_country, owner_agency_id, version,
      name_tokens""";

  public Optional<StoredPerson> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM person WHERE id = ?")
        .param(id)
        .query((rs, n) -> row(rs))
        .optional()
        .map(
            p ->
                new StoredPerson(
                    p.id(),
                    withJourney(p.details(), journey(id)),
                    p.ownerAgencyId(),
                    p.version(),
                    p.tokens()));
  }

  /**
   * Writes every field of the person, if its version is still {@code expectedVersion}; returns
   * false (and writes nothing) when someone saved it in between.
   */
  public boolean update(UUID id, PersonDetails d, int expectedVersion, Instant at) {
    int n =
        jdbc.sql(
                """
                UPDATE person SET given_name = ?, family_name = ?, name_latin = ?,
                  name_tokens = ?::text[], birth_date = ?, birth_date_estimated = ?,
                  age_disputed = ?, sex = ?, gender = ?, citizenships = ?::text[],
                  languages = ?::text[], migration_status = ?, protection_status = ?,
                  legal_basis = ?, purpose = ?, cooperation = ?, trafficking_status = ?,
                  control_methods = ?::text[], exploitation_types = ?::text[], industry = ?,
                  recruitment_methods = ?::text[], recruitment_city = ?, recruitment_country = ?,
                  version = version + 1, updated_at = ?
                WHERE id = ? AND version = ?""")
            .params(
                d.givenName(),
                d.familyName(),
                Names.searchKey(d.fullName()),
                array(Names.matchTokens(d.fullName())),
                d.birthDate(),
                d.birthDateEstimated(),
                d.ageDisputed(),
                name(d.sex()),
                name(d.gender()),
                array(d.citizenships()),
                array(d.languages()),
                name(d.migrationStatus()),
                name(d.protectionStatus()),
                name(d.legalBasis()),
                d.purpose(),
                name(d.cooperation()),
                name(d.traffickingStatus()),
                array(names(d.controlMethods())),
                array(names(d.exploitationTypes())),
                name(d.industry()),
                array(names(d.recruitmentMethods())),
                d.recruitmentCity(),
                d.recruitmentCountry(),
                Timestamp.from(at),
                id,
                expectedVersion)
            .update();
    if (n == 0) {
      return false;
    }
    jdbc.sql("DELETE FROM journey_event WHERE person_id = ?").param(id).update();
    int position = 0;
    for (JourneyEvent e : d.journey()) {
      jdbc.sql(
              """
              INSERT INTO journey_event (id, person_id, position, type, city, country,
                occurred_on, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(
              UUID.randomUUID(),
              id,
              position++,
              e.type().name(),
              e.city(),
              e.country(),
              e.date(),
              e.description())
          .update();
    }
    return true;
  }

  /** The cases of a person, newest first. */
  public List<UUID> casesOf(UUID personId) {
    return jdbc.sql("SELECT id FROM case_file WHERE person_id = ? ORDER BY opened_at DESC")
        .param(personId)
        .query(UUID.class)
        .list();
  }

  /** The person of a case. */
  public Optional<UUID> personOf(UUID caseId) {
    return jdbc.sql("SELECT person_id FROM case_file WHERE id = ?")
        .param(caseId)
        .query(UUID.class)
        .optional();
  }

  /**
   * Persons sharing at least one name token, each with their newest case; at most {@code limit}.
   */
  public List<Candidate> candidates(List<String> tokens, int limit) {
    if (tokens.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            SELECT p.id, c.id AS case_id, c.reference, p.given_name, p.family_name, p.birth_date,
              p.birth_date_estimated, p.citizenships, p.name_tokens
            FROM person p
            JOIN LATERAL (SELECT id, reference FROM case_file WHERE person_id = p.id
                          ORDER BY opened_at DESC LIMIT 1) c ON TRUE
            WHERE p.name_tokens && ?::text[]
            LIMIT ?""")
        .params(array(tokens), limit)
        .query(
            (rs, n) ->
                new Candidate(
                    rs.getObject("id", UUID.class),
                    rs.getObject("case_id", UUID.class),
                    rs.getString("reference"),
                    rs.getString("given_name"),
                    rs.getString("family_name"),
                    rs.getObject("birth_date", LocalDate.class),
                    rs.getBoolean("birth_date_estimated"),
                    list(rs, "citizenships"),
                    list(rs, "name_tokens")))
        .list();
  }

  /** Fills the name tokens of persons stored before they existed (V11); returns how many. */
  public int backfillTokens() {
    record Row(UUID id, String given, String family) {}
    List<Row> rows =
        jdbc.sql(
                "SELECT id, given_name, family_name FROM person WHERE name_tokens = '{}' LIMIT 5000")
            .query(
                (rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
            .list();
    for (Row r : rows) {
      String full = r.family() == null ? r.given() : r.given() + " " + r.family();
      jdbc.sql("UPDATE person SET name_tokens = ?::text[] WHERE id = ?")
          .params(array(Names.matchTokens(full)), r.id())
          .update();
    }
    return rows.size();
  }

  private List<JourneyEvent> journey(UUID personId) {
    return jdbc.sql(
            "SELECT type, city, country, occurred_on, description FROM journey_event"
                + " WHERE person_id = ? ORDER BY position")
        .param(personId)
        .query(
            (rs, n) ->
                new JourneyEvent(
                    JourneyEventType.valueOf(rs.getString("type")),
                    rs.getString("city"),
                    rs.getString("country"),
                    rs.getObject("occurred_on", LocalDate.class),
                    rs.getString("description")))
        .list();
  }

  private static PersonDetails withJourney(PersonDetails d, List<JourneyEvent> journey) {
    return new PersonDetails(
        d.givenName(),
        d.familyName(),
        d.birthDate(),
        d.birthDateEstimated(),
        d.ageDisputed(),
        d.sex(),
        d.gender(),
        d.citizenships(),
        d.languages(),
        d.migrationStatus(),
        d.protectionStatus(),
        d.legalBasis(),
        d.purpose(),
        d.cooperation(),
        d.traffickingStatus(),
        d.controlMethods(),
        d.exploitationTypes(),
        d.industry(),
        d.recruitmentMethods(),
        d.recruitmentCity(),
        d.recruitmentCountry(),
        journey);
  }

  private static StoredPerson row(ResultSet rs) throws SQLException {
    PersonDetails d =
        new PersonDetails(
            rs.getString("given_name"),
            rs.getString("family_name"),
            rs.getObject("birth_date", LocalDate.class),
            rs.getBoolean("birth_date_estimated"),
            rs.getBoolean("age_disputed"),
            enumOf(Sex.class, rs.getString("sex")),
            enumOf(Gender.class, rs.getString("gender")),
            list(rs, "citizenships"),
            list(rs, "languages"),
            enumOf(MigrationStatus.class, rs.getString("migration_status")),
            enumOf(ProtectionStatus.class, rs.getString("protection_status")),
            enumOf(LegalBasis.class, rs.getString("legal_basis")),
            rs.getString("purpose"),
            enumOf(Cooperation.class, rs.getString("cooperation")),
            enumOf(TraffickingStatus.class, rs.getString("trafficking_status")),
            enums(ControlMethod.class, list(rs, "control_methods")),
            enums(Exploitation.class, list(rs, "exploitation_types")),
            enumOf(Industry.class, rs.getString("industry")),
            enums(RecruitmentMethod.class, list(rs, "recruitment_methods")),
            rs.getString("recruitment_city"),
            rs.getString("recruitment_country"),
            List.of());
    return new StoredPerson(
        rs.getObject("id", UUID.class),
        d,
        rs.getObject("owner_agency_id", UUID.class),
        rs.getInt("version"),
        list(rs, "name_tokens"));
  }

  private static <E extends Enum<E>> Set<E> enums(Class<E> type, List<String> names) {
    EnumSet<E> out = EnumSet.noneOf(type);
    names.forEach(n -> out.add(Enum.valueOf(type, n)));
    return out;
  }

  private static List<String> names(Set<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).sorted().collect(Collectors.toList());
  }
}
