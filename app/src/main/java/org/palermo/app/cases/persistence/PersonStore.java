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
import java.util.Collection;
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
import org.palermo.app.cases.domain.Gender;
import org.palermo.app.cases.domain.Industry;
import org.palermo.app.cases.domain.JourneyEvent;
import org.palermo.app.cases.domain.JourneyEventType;
import org.palermo.app.cases.domain.PersonDetails;
import org.palermo.app.cases.domain.RecruitmentMethod;
import org.palermo.app.cases.domain.Sex;
import org.palermo.app.platform.crypto.BlindIndex;
import org.palermo.app.platform.crypto.FieldCipher;
import org.palermo.app.platform.crypto.SealedDataException;
import org.palermo.app.platform.crypto.SealedText;
import org.palermo.law.Majority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code person} and {@code journey_event} tables. Names, the date of birth and the description
 * of each journey event are sealed with the person's data key (the person id is the record id) on
 * every write and opened on every read (SECURITY.md rule 6; V15, V17); name search goes through
 * blind tokens in {@code person_name_token}; the child filter through the {@code minor} column,
 * kept up to date on every write and by {@link #refreshMinors}.
 */
@Repository
public class PersonStore {
  private final JdbcClient jdbc;
  private final FieldCipher cipher;
  private final BlindIndex index;
  private final java.time.Clock clock;

  private final SealedText sealed;

  PersonStore(
      JdbcClient jdbc,
      FieldCipher cipher,
      BlindIndex index,
      java.time.Clock clock,
      SealedText sealed) {
    this.sealed = sealed;
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.index = index;
    this.clock = clock;
  }

  /** Whether a person born on {@code birth} is under 18 on {@code today}; unknown is false. */
  public static boolean minor(LocalDate birth, LocalDate today) {
    return Majority.isChildOn(birth, today);
  }

  /** The full name as written: given name, then family name. */
  public static String fullName(String given, String family) {
    return org.palermo.app.cases.PersonName.full(given, family);
  }

  /**
   * Replaces the blind name tokens of a person: the HMACs of the transliterated words ({@link
   * BlindIndex#tokens}) and of the consonant skeletons of {@link Names#matchTokens} (so that
   * "محمد", "Mohammed" and "Muhammad" still find each other), never the words themselves.
   */
  public void writeTokens(UUID personId, String fullName) {
    jdbc.sql("DELETE FROM person_name_token WHERE person_id = ?").param(personId).update();
    Set<String> tokens = new java.util.LinkedHashSet<>(index.tokens(fullName));
    tokens.addAll(index.tokensOf(Names.matchTokens(fullName)));
    if (tokens.isEmpty()) {
      return;
    }
    // One statement for all the tokens (issue 12 §4: set-based), not one per token.
    jdbc.sql(
            "INSERT INTO person_name_token (person_id, token)"
                + " SELECT ?, t FROM unnest(CAST(? AS text[])) AS t ON CONFLICT DO NOTHING")
        .params(personId, array(tokens))
        .update();
  }

  /** The blind tokens to look up for the match tokens of a query. */
  public List<String> blind(List<String> matchTokens) {
    return List.copyOf(index.tokensOf(matchTokens));
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
      control_methods, exploitation_types, industry,
      recruitment_methods, recruitment_city, recruitment_country, owner_agency_id, version,
      birth_date_sealed, purpose_sealed, recruitment_city_sealed""";

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
   * Ends an age dispute after an age assessment concluded it (CoE Convention art. 10(3); Directive
   * 2011/36/EU art. 13(2)): only {@code AgeAssessments} calls this, never the identity form. With
   * {@code birth}, the assessed birth date replaces the recorded one, marked estimated.
   */
  public void concludeAge(UUID id, LocalDate birth, Instant at) {
    if (birth == null) {
      jdbc.sql(
              "UPDATE person SET age_disputed = FALSE, version = version + 1, updated_at = ?"
                  + " WHERE id = ?")
          .params(Timestamp.from(at), id)
          .update();
      return;
    }
    jdbc.sql(
            """
            UPDATE person SET age_disputed = FALSE, birth_date = NULL, birth_date_sealed = ?,
              birth_date_estimated = TRUE, minor = ?, version = version + 1, updated_at = ?
            WHERE id = ?""")
        .params(
            cipher.sealDate(id, birth), minor(birth, LocalDate.now(clock)), Timestamp.from(at), id)
        .update();
  }

  /** Whether the person's identity was erased or anonymised (then nothing writes it again). */
  public boolean anonymised(UUID id) {
    return jdbc.sql("SELECT anonymised_at IS NOT NULL FROM person WHERE id = ?")
        .param(id)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /**
   * Writes every field of the person, if its version is still {@code expectedVersion}; returns
   * false (and writes nothing) when someone saved it in between.
   */
  public boolean update(UUID id, PersonDetails d, int expectedVersion, Instant at) {
    int n =
        jdbc.sql(
                """
                UPDATE person SET given_name = ?, family_name = ?, name_latin = NULL,
                  birth_date = NULL, birth_date_sealed = ?, minor = ?, at_rest = TRUE,
                  birth_date_estimated = ?,
                  age_disputed = ?, sex = ?, gender = ?, citizenships = ?::text[],
                  languages = ?::text[], migration_status = ?, protection_status = ?,
                  legal_basis = ?, purpose = NULL, purpose_sealed = ?,
                  control_methods = ?::text[], exploitation_types = ?::text[], industry = ?,
                  recruitment_methods = ?::text[], recruitment_city = NULL,
                  recruitment_city_sealed = ?, recruitment_country = ?,
                  version = version + 1, updated_at = ?
                WHERE id = ? AND version = ? AND anonymised_at IS NULL""")
            .params(
                cipher.seal(id, d.givenName()),
                cipher.seal(id, d.familyName()),
                cipher.sealDate(id, d.birthDate()),
                minor(d.birthDate(), LocalDate.now(clock)),
                d.birthDateEstimated(),
                d.ageDisputed(),
                name(d.sex()),
                name(d.gender()),
                array(d.citizenships()),
                array(d.languages()),
                name(d.migrationStatus()),
                name(d.protectionStatus()),
                name(d.legalBasis()),
                sealPurpose(id, d.purpose()),
                array(names(d.controlMethods())),
                array(names(d.exploitationTypes())),
                name(d.industry()),
                array(names(d.recruitmentMethods())),
                sealRecruitmentCity(id, d.recruitmentCity()),
                d.recruitmentCountry(),
                Timestamp.from(at),
                id,
                expectedVersion)
            .update();
    if (n == 0) {
      return false;
    }
    writeTokens(id, fullName(d.givenName(), d.familyName()));
    jdbc.sql("DELETE FROM journey_event WHERE person_id = ?").param(id).update();
    int position = 0;
    for (JourneyEvent e : d.journey()) {
      // The description is what the person told of the event: sealed under the person's data key
      // (V17; issue 5 §4), so erasure of the person shreds it.
      UUID eventId = UUID.randomUUID();
      jdbc.sql(
              """
              INSERT INTO journey_event (id, person_id, position, type, city, country,
                occurred_on, description_sealed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(
              eventId,
              id,
              position++,
              e.type().name(),
              e.city(),
              e.country(),
              e.date(),
              sealed.seal(id, "journey_event", "description", eventId, e.description()))
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
   * Persons sharing at least one match token (through their blind tokens), each with their newest
   * case; at most {@code limit}. The candidate's names and date of birth are opened here, and its
   * match tokens recomputed in memory from the opened name.
   */
  public List<Candidate> candidates(List<String> tokens, int limit) {
    return candidates(tokens, limit, null, List.of());
  }

  /**
   * {@link #candidates(List, int)}, but when {@code owner} is given only through the newest case
   * that agency owns or that is one of {@code alsoCases}: the others are left out in the query,
   * before any name is opened, so the search does the same work whether a person the user may not
   * see exists or not (the firewall, SECURITY.md rule 3; bench/firewall-timing.md).
   */
  public List<Candidate> candidates(
      List<String> tokens, int limit, UUID owner, Collection<UUID> alsoCases) {
    if (tokens.isEmpty()) {
      return List.of();
    }
    String sql;
    List<Object> params = new java.util.ArrayList<>();
    if (owner == null) {
      sql =
          """
          SELECT p.id, c.id AS case_id, c.reference, p.given_name, p.family_name, p.birth_date,
            p.birth_date_sealed, p.birth_date_estimated, p.citizenships
          FROM person p
          JOIN LATERAL (SELECT id, reference FROM case_file WHERE person_id = p.id
                        ORDER BY opened_at DESC LIMIT 1) c ON TRUE
          WHERE p.id IN (SELECT person_id FROM person_name_token WHERE token = ANY(?::text[]))
          LIMIT ?""";
    } else {
      // Driven from the reachable cases (the owner index, the given ids), each person's tokens
      // probed by the primary key (person_id, token): what other agencies hold is never touched.
      sql =
          """
          SELECT p.id, c.id AS case_id, c.reference, p.given_name, p.family_name, p.birth_date,
            p.birth_date_sealed, p.birth_date_estimated, p.citizenships
          FROM (SELECT DISTINCT ON (person_id) id, reference, person_id FROM case_file
                WHERE owner_agency_id = ? OR id = ANY(?::uuid[])
                ORDER BY person_id, opened_at DESC) c
          JOIN person p ON p.id = c.person_id
          WHERE EXISTS (SELECT 1 FROM person_name_token t
                        WHERE t.person_id = p.id AND t.token = ANY(?::text[]))
          LIMIT ?""";
      params.add(owner);
      params.add(array(alsoCases));
    }
    params.add(array(blind(tokens)));
    params.add(limit);
    return jdbc
        .sql(sql)
        .params(params)
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              String given;
              String family;
              LocalDate birth;
              try {
                given = cipher.open(id, rs.getString("given_name"));
                family = cipher.open(id, rs.getString("family_name"));
                birth = birthDate(id, rs);
              } catch (SealedDataException shredded) {
                return null;
              }
              return new Candidate(
                  id,
                  rs.getObject("case_id", UUID.class),
                  rs.getString("reference"),
                  given,
                  family,
                  birth,
                  rs.getBoolean("birth_date_estimated"),
                  list(rs, "citizenships"),
                  Names.matchTokens(fullName(given, family)));
            })
        .list()
        .stream()
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /**
   * Seals the persons stored before V15 (plaintext names, {@code birth_date}), writes their blind
   * tokens and their {@code minor} flag, and empties {@code birth_date} and {@code name_latin};
   * returns how many rows it handled (at most 500 a call).
   */
  public int backfillSealing() {
    record Row(
        UUID id, String given, String family, LocalDate birth, String sealed, boolean anonymised) {}
    List<Row> rows =
        jdbc.sql(
                """
                SELECT id, given_name, family_name, birth_date, birth_date_sealed,
                  anonymised_at IS NOT NULL AS anonymised
                FROM person WHERE NOT at_rest LIMIT 500""")
            .query(
                (rs, n) ->
                    new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("given_name"),
                        rs.getString("family_name"),
                        rs.getObject("birth_date", LocalDate.class),
                        rs.getString("birth_date_sealed"),
                        rs.getBoolean("anonymised")))
            .list();
    LocalDate today = LocalDate.now(clock);
    for (Row r : rows) {
      if (r.anonymised()) {
        // Nothing left to seal, and sealing would create a new data key for a shredded record.
        markAtRest(r.id());
        continue;
      }
      String given;
      String family;
      LocalDate birth;
      try {
        given = cipher.open(r.id(), r.given());
        family = cipher.open(r.id(), r.family());
        birth = r.sealed() != null ? cipher.openDate(r.id(), r.sealed()) : r.birth();
      } catch (SealedDataException shredded) {
        markAtRest(r.id());
        continue;
      }
      jdbc.sql(
              """
              UPDATE person SET given_name = ?, family_name = ?, birth_date_sealed = ?,
                birth_date = NULL, name_latin = NULL, minor = ?, at_rest = TRUE
              WHERE id = ?""")
          .params(
              given == null ? "" : cipher.seal(r.id(), given),
              cipher.seal(r.id(), family),
              cipher.sealDate(r.id(), birth),
              minor(birth, today),
              r.id())
          .update();
      writeTokens(r.id(), fullName(given, family));
    }
    return rows.size();
  }

  private void markAtRest(UUID id) {
    jdbc.sql(
            "UPDATE person SET birth_date = NULL, name_latin = NULL, minor = FALSE, at_rest = TRUE"
                + " WHERE id = ?")
        .param(id)
        .update();
  }

  /**
   * Clears the {@code minor} flag of the persons who have turned 18 by {@code today} (their sealed
   * date of birth is opened to know); returns how many turned adult.
   */
  public int refreshMinors(LocalDate today) {
    record Row(UUID id, String sealed) {}
    List<Row> minors =
        jdbc.sql("SELECT id, birth_date_sealed FROM person WHERE minor")
            .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2)))
            .list();
    int adults = 0;
    for (Row r : minors) {
      boolean stillMinor;
      try {
        stillMinor = minor(cipher.openDate(r.id(), r.sealed()), today);
      } catch (SealedDataException shredded) {
        stillMinor = false;
      }
      if (!stillMinor) {
        adults +=
            jdbc.sql("UPDATE person SET minor = FALSE WHERE id = ? AND minor")
                .param(r.id())
                .update();
      }
    }
    return adults;
  }

  private LocalDate birthDate(UUID id, ResultSet rs) throws SQLException {
    String sealed = rs.getString("birth_date_sealed");
    return sealed != null
        ? cipher.openDate(id, sealed)
        : rs.getObject("birth_date", LocalDate.class);
  }

  private List<JourneyEvent> journey(UUID personId) {
    return jdbc.sql(
            "SELECT id, type, city, country, occurred_on, description, description_sealed"
                + " FROM journey_event"
                + " WHERE person_id = ? ORDER BY position")
        .param(personId)
        .query(
            (rs, n) ->
                new JourneyEvent(
                    JourneyEventType.valueOf(rs.getString("type")),
                    rs.getString("city"),
                    rs.getString("country"),
                    rs.getObject("occurred_on", LocalDate.class),
                    sealed.open(
                        personId,
                        "journey_event",
                        "description",
                        rs.getObject("id", UUID.class),
                        rs.getBytes("description_sealed"),
                        rs.getString("description"))))
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
        d.controlMethods(),
        d.exploitationTypes(),
        d.industry(),
        d.recruitmentMethods(),
        d.recruitmentCity(),
        d.recruitmentCountry(),
        journey);
  }

  /** The purpose of processing, sealed under the person's data key (V19_41). */
  public byte[] sealPurpose(UUID personId, String purpose) {
    return purpose == null ? null : sealed.seal(personId, "person", "purpose", personId, purpose);
  }

  /** The recruitment city, sealed under the person's data key (V19_41). */
  byte[] sealRecruitmentCity(UUID personId, String city) {
    return city == null
        ? null
        : sealed.seal(personId, "person", "recruitment_city", personId, city);
  }

  /** A sealed person column, or its plaintext while the row waits for the start-up sealing. */
  private String openSealed(UUID id, String column, ResultSet rs) throws SQLException {
    byte[] value = rs.getBytes(column + "_sealed");
    String plain = rs.getString(column);
    if (value == null) {
      return plain;
    }
    return sealed.open(id, "person", column, id, value, plain);
  }

  private StoredPerson row(ResultSet rs) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    String given = cipher.open(id, rs.getString("given_name"));
    String family = cipher.open(id, rs.getString("family_name"));
    PersonDetails d =
        new PersonDetails(
            given,
            family,
            birthDate(id, rs),
            rs.getBoolean("birth_date_estimated"),
            rs.getBoolean("age_disputed"),
            enumOf(Sex.class, rs.getString("sex")),
            enumOf(Gender.class, rs.getString("gender")),
            list(rs, "citizenships"),
            list(rs, "languages"),
            enumOf(MigrationStatus.class, rs.getString("migration_status")),
            enumOf(ProtectionStatus.class, rs.getString("protection_status")),
            enumOf(LegalBasis.class, rs.getString("legal_basis")),
            openSealed(id, "purpose", rs),
            enums(ControlMethod.class, list(rs, "control_methods")),
            enums(Exploitation.class, list(rs, "exploitation_types")),
            enumOf(Industry.class, rs.getString("industry")),
            enums(RecruitmentMethod.class, list(rs, "recruitment_methods")),
            openSealed(id, "recruitment_city", rs),
            rs.getString("recruitment_country"),
            List.of());
    return new StoredPerson(
        id,
        d,
        rs.getObject("owner_agency_id", UUID.class),
        rs.getInt("version"),
        Names.matchTokens(fullName(given, family)));
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
