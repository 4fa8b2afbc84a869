package org.palermo.app.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.platform.DatabaseServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The V22_10 upgrade to one cooperation record (issue #12 §2): a fresh database is migrated to the
 * version before it, filled with both old shapes ({@code person.cooperation} with COOPERATING, and
 * {@code case_cooperation}), migrated to V22_10, and every case holds the value the migration's
 * comment promises: COOPERATING becomes AGREED, the more informative value wins over NOT_ASKED, the
 * more recent wins between two informative ones; the old column and table are gone.
 */
@PalermoIntegrationTest
class CooperationMigrationIT {
  static final MigrationVersion V22_10 = MigrationVersion.fromVersion("22.10");

  @Autowired HikariDataSource dataSource;
  @Autowired DatabaseServer server;

  String database;

  JdbcClient owner() {
    return JdbcClient.create(server.ownerDataSource());
  }

  @AfterEach
  void drop() {
    if (database != null) {
      owner().sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)").update();
    }
  }

  @Test
  void both_old_records_become_one_with_the_documented_mapping() throws Exception {
    database = "pre2210_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    owner().sql("CREATE DATABASE " + database).update();
    String url = dataSource.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
    DriverManagerDataSource old =
        new DriverManagerDataSource(url, server.owner().username(), server.owner().password());
    flyway(old, lastBefore2210()).migrate();
    JdbcClient db = JdbcClient.create(old);

    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant earlier = now.minus(10, ChronoUnit.DAYS);
    UUID agency = UUID.randomUUID();
    db.sql("INSERT INTO agency (id, name, type, created_at) VALUES (?, 'A', 'SERVICE_PROVIDER', ?)")
        .params(agency, Timestamp.from(now))
        .update();
    Old o = new Old(db, agency);

    // Only the person's value: COOPERATING becomes AGREED, on every case of the person.
    UUID onlyPerson = o.person("COOPERATING", earlier);
    UUID onlyPersonA = o.caseOf(onlyPerson);
    UUID onlyPersonB = o.caseOf(onlyPerson);
    // Only the case's value: kept as it was, with its author and time.
    UUID onlyCase = o.caseOf(o.person(null, earlier));
    o.caseRow(onlyCase, "UNDECIDED", "cw.one", earlier);
    // Both: the informative value beats NOT_ASKED, even when NOT_ASKED is newer.
    UUID informativePerson = o.caseOf(o.person("DECLINED", earlier));
    o.caseRow(informativePerson, "NOT_ASKED", "cw.two", now);
    UUID informativeCase = o.caseOf(o.person("NOT_ASKED", now));
    o.caseRow(informativeCase, "AGREED", "cw.three", earlier);
    // Both informative: the more recent wins.
    UUID newerCase = o.caseOf(o.person("COOPERATING", earlier));
    o.caseRow(newerCase, "DECLINED", "cw.four", now);
    UUID newerPerson = o.caseOf(o.person("DECLINED", now));
    o.caseRow(newerPerson, "AGREED", "cw.five", earlier);
    // Nothing recorded anywhere: nothing invented.
    UUID nothing = o.caseOf(o.person(null, earlier));

    flyway(old, V22_10).migrate();

    Map<UUID, List<String>> records =
        db
            .sql("SELECT case_id, status, recorded_by FROM cooperation_record")
            .query(
                (rs, n) ->
                    Map.entry(
                        rs.getObject("case_id", UUID.class),
                        rs.getString("status") + " by " + rs.getString("recorded_by")))
            .list()
            .stream()
            .collect(
                Collectors.groupingBy(
                    Map.Entry::getKey,
                    Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    String fromPerson = " by migration:person.cooperation";
    assertThat(records)
        .containsEntry(onlyPersonA, List.of("AGREED" + fromPerson))
        .containsEntry(onlyPersonB, List.of("AGREED" + fromPerson))
        .containsEntry(onlyCase, List.of("UNDECIDED by cw.one"))
        .containsEntry(informativePerson, List.of("DECLINED" + fromPerson))
        .containsEntry(informativeCase, List.of("AGREED by cw.three"))
        .containsEntry(newerCase, List.of("DECLINED by cw.four"))
        .containsEntry(newerPerson, List.of("DECLINED" + fromPerson))
        .doesNotContainKey(nothing)
        .hasSize(7);
    assertThat(
            db.sql(
                    "SELECT count(*) FROM information_schema.columns WHERE table_name = 'person'"
                        + " AND column_name = 'cooperation'")
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(
            db.sql("SELECT to_regclass('case_cooperation') IS NULL").query(Boolean.class).single())
        .isTrue();
  }

  /** Rows written the way the application wrote them before V22_10. */
  record Old(JdbcClient db, UUID agency) {
    UUID person(String cooperation, Instant updatedAt) {
      UUID id = UUID.randomUUID();
      db.sql(
              "INSERT INTO person (id, given_name, legal_basis, purpose, owner_agency_id,"
                  + " cooperation, created_at, updated_at)"
                  + " VALUES (?, 'pal1:x', 'CONSENT', 'p', ?, ?, ?, ?)")
          .params(
              id,
              agency,
              cooperation,
              Timestamp.from(updatedAt.minus(1, ChronoUnit.DAYS)),
              Timestamp.from(updatedAt))
          .update();
      return id;
    }

    UUID caseOf(UUID person) {
      UUID id = UUID.randomUUID();
      db.sql(
              "INSERT INTO case_file (id, reference, person_id, owner_agency_id, status,"
                  + " opened_at) VALUES (?, ?, ?, ?, 'OPEN', now())")
          .params(id, "OLD-" + id.toString().substring(0, 8), person, agency)
          .update();
      return id;
    }

    void caseRow(UUID caseId, String status, String by, Instant at) {
      db.sql(
              "INSERT INTO case_cooperation (case_id, status, recorded_by, recorded_at)"
                  + " VALUES (?, ?, ?, ?)")
          .params(caseId, status, by, Timestamp.from(at))
          .update();
    }
  }

  static Flyway flyway(javax.sql.DataSource ds, MigrationVersion target) {
    return Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        .target(target)
        .load();
  }

  /** The newest migration before V22_10, whatever other branches add later. */
  static MigrationVersion lastBefore2210() throws java.io.IOException {
    try (Stream<java.nio.file.Path> files =
        java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.matches("V[\\d_]+__.+\\.sql"))
          .map(n -> MigrationVersion.fromVersion(n.substring(1, n.indexOf("__")).replace('_', '.')))
          .filter(v -> v.compareTo(V22_10) < 0)
          .max(MigrationVersion::compareTo)
          .orElseThrow();
    }
  }
}
