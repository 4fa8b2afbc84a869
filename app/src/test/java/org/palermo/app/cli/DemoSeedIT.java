package org.palermo.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code palermo demo seed}: synthetic data that depends only on the seed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSeedIT {
  Path first;
  Path second;
  Path other;
  String firstSays;

  /**
   * Each directory's database, started once and kept for the class: reading them query by query
   * started a PostgreSQL server per query.
   */
  final Map<Path, DataDirDatabase> databases = new HashMap<>();

  @BeforeAll
  void seedThreeInstances() throws IOException {
    first = Files.createTempDirectory("palermo-demo-a-");
    second = Files.createTempDirectory("palermo-demo-b-");
    other = Files.createTempDirectory("palermo-demo-c-");
    for (Path dir : List.of(first, second)) {
      CliRun run =
          CliRun.of("demo", "seed", "--data-dir", dir.toString(), "--cases", "40", "--seed", "7");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("Seeded").contains("demo-credentials.json");
      if (dir.equals(first)) {
        firstSays = run.out();
      }
    }
    assertThat(
            CliRun.of(
                    "demo", "seed", "--data-dir", other.toString(), "--cases", "40", "--seed", "8")
                .exitCode())
        .isZero();
  }

  @AfterAll
  void delete() throws IOException {
    for (DataDirDatabase db : databases.values()) {
      db.close();
    }
    for (Path dir : List.of(first, second, other)) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  DataDirDatabase db(Path dir) {
    return databases.computeIfAbsent(dir, DataDirDatabase::new);
  }

  List<String> rows(Path dir, String sql) throws Exception {
    return db(dir).rows(sql);
  }

  static final String PEOPLE =
      """
      SELECT p.id, p.given_name, p.family_name, p.birth_date_sealed, p.gender, p.citizenships,
             p.languages, c.status, c.opened_at, a.name, p.synthetic
      FROM case_file c JOIN person p ON p.id = c.person_id JOIN agency a ON a.id = c.owner_agency_id
      ORDER BY c.reference""";

  /**
   * The persons and cases with names and date of birth opened (they are sealed at rest,
   * docs/security.md) and the person id left out, as text rows.
   */
  List<String> people(Path dir) throws Exception {
    List<String> rows = new ArrayList<>();
    Connection c = db(dir).connection();
    org.springframework.jdbc.core.simple.JdbcClient jdbc =
        org.springframework.jdbc.core.simple.JdbcClient.create(
            new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true));
    org.palermo.app.platform.crypto.FieldCipher cipher =
        org.palermo.app.platform.crypto.FieldCipher.offline(
            jdbc, org.palermo.app.platform.crypto.KeyRing.open(dir.resolve("keys"), null));
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(PEOPLE)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        java.util.UUID id = rs.getObject(1, java.util.UUID.class);
        StringBuilder row = new StringBuilder();
        for (int i = 2; i <= columns; i++) {
          String v = rs.getString(i);
          row.append(i <= 4 ? cipher.open(id, v) : v).append('|');
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  @Test
  void the_same_seed_gives_the_same_persons_and_cases_and_another_seed_does_not() throws Exception {
    List<String> a = people(first);
    assertThat(a).hasSize(40);
    assertThat(people(second)).isEqualTo(a);
    assertThat(people(other)).hasSize(40).isNotEqualTo(a);
    assertThat(a).allMatch(r -> r.endsWith("t|"), "every person is marked synthetic");
  }

  static final String CONTEXT =
      """
      SELECT c.reference, p.migration_status, p.protection_status,
             (SELECT e.says FROM trafficking_status_evidence e WHERE e.person_id = p.id),
             p.control_methods, p.exploitation_types
      FROM case_file c JOIN person p ON p.id = c.person_id ORDER BY c.reference""";

  static final String TASKS =
      """
      SELECT c.reference, t.title, t.due_on, t.completed_at IS NOT NULL, u.username,
             u.agency_id = c.owner_agency_id
      FROM case_task t JOIN case_file c ON c.id = t.case_id JOIN app_user u ON u.id = t.assignee
      ORDER BY c.reference, t.due_on""";

  @Test
  void persons_carry_htcds_statuses_and_victim_context_and_cases_have_open_and_overdue_tasks()
      throws Exception {
    List<String> context = rows(first, CONTEXT);
    assertThat(context).hasSize(40).isEqualTo(rows(second, CONTEXT));
    assertThat(
            rows(
                first,
                "SELECT count(*) FROM person WHERE migration_status IS NULL"
                    + " OR protection_status IS NULL OR NOT EXISTS (SELECT 1 FROM"
                    + " trafficking_status_evidence e WHERE e.person_id = person.id)"
                    + " OR cardinality(control_methods) = 0"))
        .containsExactly("0|");
    assertThat(rows(first, "SELECT DISTINCT migration_status FROM person"))
        .hasSizeGreaterThanOrEqualTo(4);
    assertThat(rows(first, "SELECT DISTINCT protection_status FROM person"))
        .hasSizeGreaterThanOrEqualTo(2)
        .contains("NONE|");
    // The trafficking status is derived from recorded screenings and decisions (issue 13 §1).
    assertThat(rows(first, "SELECT DISTINCT says FROM trafficking_status_evidence"))
        .contains("INDICATED|", "IDENTIFIED|");
    assertThat(rows(first, "SELECT DISTINCT unnest(control_methods) FROM person"))
        .hasSizeGreaterThanOrEqualTo(5);
    assertThat(rows(first, "SELECT count(*) FROM person WHERE cardinality(exploitation_types) > 0"))
        .isNotEqualTo(List.of("0|"));
    // The values the pages read back are the vocabularies' own (HTCDS spelling, enum names).
    for (String row : rows(first, "SELECT DISTINCT unnest(control_methods) FROM person")) {
      org.palermo.app.cases.domain.ControlMethod.valueOf(row.replace("|", ""));
    }
    for (String row : rows(first, "SELECT DISTINCT migration_status FROM person")) {
      org.palermo.app.cases.MigrationStatus.valueOf(row.replace("|", ""));
    }

    List<String> tasks = rows(first, TASKS);
    assertThat(tasks).isNotEmpty().isEqualTo(rows(second, TASKS));
    assertThat(tasks).allMatch(r -> r.endsWith("|t|"), "assigned to a user of the owning agency");
    assertThat(
            rows(
                first,
                "SELECT count(*) FROM case_task WHERE completed_at IS NULL AND due_on < current_date"))
        .isNotEqualTo(List.of("0|"));
    assertThat(
            rows(
                first,
                "SELECT count(*) FROM case_task WHERE completed_at IS NULL AND due_on > current_date"))
        .isNotEqualTo(List.of("0|"));
    assertThat(rows(first, "SELECT count(*) FROM case_task WHERE completed_at IS NOT NULL"))
        .isNotEqualTo(List.of("0|"));
    assertThat(rows(first, "SELECT count(*) FROM case_timeline WHERE kind = 'task.created'"))
        .containsExactly(rows(first, "SELECT count(*) FROM case_task").get(0));
  }

  @Test
  void names_come_in_several_scripts() throws Exception {
    String names = String.join(" ", people(first));
    List<Character.UnicodeScript> scripts =
        names
            .codePoints()
            .filter(Character::isLetter)
            .mapToObj(Character.UnicodeScript::of)
            .distinct()
            .toList();
    assertThat(scripts).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void every_agency_type_and_at_least_twenty_services_along_the_route() throws Exception {
    assertThat(rows(first, "SELECT DISTINCT type FROM agency")).hasSize(9);
    assertThat(rows(first, "SELECT id FROM directory_service WHERE status = 'active'"))
        .hasSizeGreaterThanOrEqualTo(20);
    assertThat(rows(first, "SELECT DISTINCT country FROM directory_location"))
        .containsExactlyInAnyOrder("XA|", "XB|", "XC|");
  }

  @Test
  void the_credentials_file_is_private_and_lists_every_role() throws Exception {
    Path file = first.resolve("demo-credentials.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    JsonNode users = JsonMapper.builder().build().readTree(file.toFile()).get("users");
    Set<String> roles = new java.util.HashSet<>();
    Set<String> types = new java.util.HashSet<>();
    for (JsonNode u : users) {
      for (String field :
          List.of("username", "password", "apiToken", "role", "agency", "agencyType")) {
        assertThat(u.hasNonNull(field)).as(field).isTrue();
      }
      roles.add(u.get("role").asString());
      types.add(u.get("agencyType").asString());
    }
    assertThat(roles).hasSize(org.palermo.app.access.Role.values().length);
    assertThat(types).contains("IMMIGRATION_ENFORCEMENT", "LAW_ENFORCEMENT");
  }

  @Test
  void it_made_the_users_cases_and_services_it_says_and_lists_every_user_it_made()
      throws Exception {
    java.util.regex.Matcher says =
        java.util.regex.Pattern.compile("Seeded (\\d+) users, (\\d+) cases and (\\d+) services")
            .matcher(firstSays);
    assertThat(says.find()).as(firstSays).isTrue();
    assertThat(says.group(2)).isEqualTo("40");
    assertThat(rows(first, "SELECT count(*) FROM case_file")).containsExactly("40|");
    assertThat(rows(first, "SELECT count(*) FROM app_user")).containsExactly(says.group(1) + "|");
    assertThat(rows(first, "SELECT count(*) FROM directory_service WHERE status = 'active'"))
        .containsExactly(says.group(3) + "|");
    JsonNode users =
        JsonMapper.builder()
            .build()
            .readTree(first.resolve("demo-credentials.json").toFile())
            .get("users");
    assertThat(users.size()).isEqualTo(Integer.parseInt(says.group(1)));
  }

  /**
   * The seed also makes referrals, through the real use cases (timeline included): accepted,
   * declined and pending ones, each with its timeline entry.
   */
  @Test
  void the_demo_has_accepted_declined_and_pending_referrals_on_the_timeline() throws Exception {
    List<String> byStatus = rows(first, "SELECT status, count(*) FROM referral GROUP BY status");
    assertThat(byStatus.stream().map(r -> r.substring(0, r.indexOf('|'))))
        .contains("ACCEPTED", "DECLINED", "PENDING");
    int referrals =
        byStatus.stream()
            .mapToInt(r -> Integer.parseInt(r.substring(r.indexOf('|') + 1, r.length() - 1)))
            .sum();
    assertThat(rows(first, "SELECT count(*) FROM case_timeline WHERE kind = 'referral.created'"))
        .containsExactly(referrals + "|");
  }

  @Test
  void a_data_dir_with_accounts_is_not_seeded_again() {
    // The command starts the directory's database itself: the one the class reads is stopped.
    db(first).close();
    CliRun again = CliRun.of("demo", "seed", "--data-dir", first.toString(), "--cases", "1");
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("not empty");
  }
}
