package org.palermo.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.palermo.privacy.ctdc.CtdcLayout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code palermo stats}: the read model fed by events from {@code demo seed}, the three release
 * kinds with their sidecars, the privacy-budget ledger, and the import of CTDC reference data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsIT {
  static final int CASES = 300;
  Path dataDir;

  /**
   * The application started once on the seeded directory: every {@code stats} command of the class
   * runs in it, and the queries read its database (issue #12 §5: one Spring and PostgreSQL start
   * for the class, not one per command and one more per read after a command).
   */
  SharedCommandContext database;

  final List<Path> temporary = new ArrayList<>();

  @BeforeAll
  void seed() throws IOException {
    dataDir = temp("palermo-stats-");
    CliRun run =
        CliRun.of(
            "demo", "seed", "--data-dir", dataDir.toString(), "--cases", Integer.toString(CASES));
    assertThat(run.exitCode()).as(run.err()).isZero();
    database = SharedCommandContext.on(dataDir);
  }

  @AfterAll
  void delete() throws Exception {
    if (database != null) {
      database.close();
    }
    for (Path dir : temporary) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  Path temp(String prefix) throws IOException {
    Path dir = Files.createTempDirectory(prefix);
    temporary.add(dir);
    return dir;
  }

  List<String> rows(String sql) throws Exception {
    return database.rows(sql);
  }

  CliRun stats(String... args) {
    List<String> all = new ArrayList<>(List.of("stats"));
    all.addAll(Arrays.asList(args));
    all.addAll(List.of("--data-dir", dataDir.toString()));
    return CliRun.of(all.toArray(String[]::new));
  }

  /** The files of the one release in an output directory. */
  record Released(List<String> header, List<String[]> rows, JsonNode sidecar) {}

  Released release(Path out, String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("release", "--out", out.toString()));
    all.addAll(Arrays.asList(args));
    CliRun run = stats(all.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    Path json =
        Path.of(run.out().lines().filter(l -> l.endsWith(".json")).findFirst().orElseThrow());
    Path csv = Path.of(run.out().lines().filter(l -> l.endsWith(".csv")).findFirst().orElseThrow());
    assertThat(json.getParent()).isEqualTo(out.toAbsolutePath());
    String text = Files.readString(csv, StandardCharsets.UTF_8);
    assertThat(text).as("plain cells, so a simple split is exact").doesNotContain("\"");
    List<String> lines = text.lines().toList();
    List<String[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      rows.add(line.split(",", -1));
    }
    JsonNode sidecar = JsonMapper.builder().build().readTree(json.toFile());
    return new Released(List.of(lines.get(0).split(",", -1)), rows, sidecar);
  }

  @Test
  void the_read_model_holds_one_row_per_case_and_nothing_that_names_anyone() throws Exception {
    assertThat(rows("SELECT count(*) FROM case_file")).containsExactly(CASES + "|");
    assertThat(rows("SELECT count(*) FROM statistics_victim")).containsExactly(CASES + "|");
    assertThat(
            rows(
                "SELECT count(*) FROM statistics_victim v JOIN case_file c ON c.id = v.case_id"
                    + " WHERE v.registered_on = (c.opened_at AT TIME ZONE 'UTC')::date"))
        .containsExactly(CASES + "|");
    List<String> columns =
        rows(
            "SELECT column_name FROM information_schema.columns"
                + " WHERE table_name = 'statistics_victim'");
    assertThat(columns).hasSizeGreaterThan(5);
    assertThat(columns)
        .noneMatch(c -> c.contains("name") || c.contains("birth") || c.contains("language"));
    assertThat(rows("SELECT count(*) FROM event_publication WHERE completion_date IS NULL"))
        .containsExactly("0|");
    assertThat(rows("SELECT DISTINCT gender FROM statistics_victim ORDER BY 1"))
        .containsExactly("Feminine|", "Masculine|");
    assertThat(rows("SELECT count(*) FROM statistics_victim WHERE minor_at_registration"))
        .singleElement()
        .satisfies(
            n -> assertThat(Integer.parseInt(n.replace("|", ""))).isBetween(CASES / 4, CASES / 2));
  }

  @Test
  void microdata_is_k_anonymous_over_the_quasi_identifiers_its_sidecar_declares() throws Exception {
    Released r = release(temp("palermo-out-"), "--kind", "microdata");
    JsonNode s = r.sidecar();
    assertThat(s.get("kind").asString()).isEqualTo("microdata");
    assertThat(s.get("dataset").asString()).isEqualTo("victims");
    assertThat(s.get("k").asInt()).isEqualTo(11);
    assertThat(s.get("epsilon").isNull()).isTrue();
    assertThat(s.get("releasedBy").asString()).isEqualTo("cli");
    assertThat(s.get("engineVersion").asString()).startsWith("palermo-privacy/");
    assertThat(java.time.Instant.parse(s.get("releasedAt").asString())).isNotNull();
    assertThat(s.get("parameters").get("inputRecords").asString()).isEqualTo(CASES + "");
    assertThat(s.get("parameters").get("syntheticRecords").asString()).isEqualTo(CASES + "");
    long suppressed = s.get("suppression").get("recordsSuppressed").asLong();
    long dropped = s.get("suppression").get("recordsDropped").asLong();
    assertThat(suppressed + dropped).isLessThanOrEqualTo(CASES / 20);
    assertThat(r.rows()).hasSize(CASES - (int) dropped);
    assertThat(r.header()).isEqualTo(CtdcLayout.header());

    List<String> qis = new ArrayList<>();
    s.get("quasiIdentifiers").forEach(q -> qis.add(q.asString()));
    assertThat(qis)
        .contains("gender", "ageBroad", "citizenship", "CountryOfExploitation", "isSexualExploit");
    int[] at = qis.stream().mapToInt(r.header()::indexOf).toArray();
    assertThat(at).doesNotContain(-1);
    Map<List<String>, Integer> classes = new HashMap<>();
    for (String[] row : r.rows()) {
      List<String> key = new ArrayList<>();
      for (int i : at) {
        key.add(row[i]);
      }
      classes.merge(key, 1, Integer::sum);
    }
    assertThat(classes.values()).allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(11));
  }

  @Test
  void the_table_publishes_no_count_between_one_and_nine() throws Exception {
    Released r = release(temp("palermo-out-"), "--kind", "table");
    assertThat(r.header())
        .containsExactly(
            "sexAndAge",
            "Sexual exploitation",
            "Forced labour",
            "Other purposes",
            "Not recorded",
            "Total");
    assertThat(r.rows())
        .extracting(row -> row[0])
        .containsExactly("Women", "Men", "Girls", "Boys", "Other or unknown sex or age", "Total");
    for (String[] row : r.rows()) {
      for (String cell : Arrays.asList(row).subList(1, row.length)) {
        if (!cell.equals("x")) {
          long n = Long.parseLong(cell);
          assertThat(n).as(String.join(",", row)).matches(v -> v == 0 || v >= 10);
          assertThat(n % 5).isZero();
        }
      }
    }
    assertThat(r.rows().get(5)[5]).isEqualTo(CASES + "");
    JsonNode s = r.sidecar();
    assertThat(s.get("kind").asString()).isEqualTo("table");
    assertThat(s.get("k").isNull()).isTrue();
    assertThat(s.get("quasiIdentifiers")).isEmpty();
    assertThat(s.get("suppression").has("cellsPrimary")).isTrue();
    assertThat(s.get("parameters").get("threshold").asString()).isEqualTo("10");
  }

  @Test
  void dp_tables_are_charged_to_the_ledger_and_refused_beyond_the_budget() throws Exception {
    Path out = temp("palermo-out-");
    Released first = release(out, "--kind", "dp-table", "--epsilon", "2");
    assertThat(first.sidecar().get("epsilon").decimalValue()).isEqualByComparingTo("2");
    assertThat(first.sidecar().get("delta").decimalValue()).isEqualByComparingTo("0");
    assertThat(first.rows()).hasSize(6);
    assertThat(rows("SELECT sequence, epsilon, released_by FROM privacy_ledger"))
        .containsExactly("0|2|cli|");

    CliRun over =
        stats("release", "--out", out.toString(), "--kind", "dp-table", "--epsilon", "3.5");
    assertThat(over.exitCode()).isEqualTo(2);
    assertThat(over.err())
        .contains("privacy budget", "requested epsilon 3.5", "only epsilon 3 of 5 remains")
        .contains("nothing was charged");
    assertThat(rows("SELECT count(*) FROM privacy_ledger")).containsExactly("1|");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).hasSize(2);
    }

    release(out, "--kind", "dp-table", "--epsilon", "3");
    assertThat(rows("SELECT sequence, epsilon FROM privacy_ledger ORDER BY sequence"))
        .containsExactly("0|2|", "1|3|");
    assertThat(rows("SELECT count(*) FROM statistics_release WHERE kind = 'dp-table'"))
        .containsExactly("2|");
    assertThat(
            rows(
                "SELECT outcome FROM audit_event WHERE action = 'statistics.release'"
                    + " AND detail LIKE 'kind=dp-table%' ORDER BY seq"))
        .containsExactly("SUCCESS|", "DENIED|", "SUCCESS|");
  }

  @Test
  void who_releases_is_cli_or_an_enabled_account() throws Exception {
    Released r = release(temp("palermo-out-"), "--kind", "table", "--released-by", "statistician");
    assertThat(r.sidecar().get("releasedBy").asString()).isEqualTo("statistician");
    CliRun unknown =
        stats(
            "release",
            "--out",
            temp("palermo-out-").toString(),
            "--kind",
            "table",
            "--released-by",
            "nobody-at-all");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("nobody-at-all");
    CliRun kind = stats("release", "--out", temp("palermo-out-").toString(), "--kind", "cube");
    assertThat(kind.exitCode()).isEqualTo(2);
    assertThat(kind.err()).contains("microdata, table or dp-table");
  }

  @Test
  void ctdc_files_import_with_full_or_truncated_names_and_minus_99_as_missing() throws Exception {
    CliRun full = stats("import-ctdc", "--dataset", "ref-full", fixture("ctdc-full-names.csv"));
    assertThat(full.exitCode()).as(full.err()).isZero();
    assertThat(full.out()).contains("Imported 12 records");
    CliRun cut = stats("import-ctdc", "--dataset", "ref-cut", fixture("ctdc-truncated-names.tsv"));
    assertThat(cut.exitCode()).as(cut.err()).isZero();

    String columns =
        "SELECT seq, year_of_registration, datasource, gender, age_broad, majority_status,"
            + " majority_status_at_exploit, majority_entry, citizenship, country_of_exploitation,"
            + " flags_known, flags_ones FROM statistics_reference_record WHERE dataset = '%s'"
            + " ORDER BY seq";
    List<String> a = rows(columns.formatted("ref-full"));
    assertThat(a).hasSize(12);
    assertThat(rows(columns.formatted("ref-cut"))).isEqualTo(a);
    assertThat(a.get(6)).startsWith("6|null|Case Management|null|null|null|");
    assertThat(
            rows(
                "SELECT traffick_months FROM statistics_reference_record"
                    + " WHERE dataset = 'ref-cut' ORDER BY seq LIMIT 2"))
        .containsExactly("14|", "null|");

    CliRun again = stats("import-ctdc", "--dataset", "ref-full", fixture("ctdc-full-names.csv"));
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("already exists");

    Released table = release(temp("palermo-out-"), "--kind", "table", "--dataset", "ref-cut");
    assertThat(table.sidecar().get("dataset").asString()).isEqualTo("reference/ref-cut");
    assertThat(table.rows().get(5)[5]).isEqualTo("10");
  }

  @Test
  void a_bad_ctdc_value_names_its_line_and_column_and_stores_nothing() throws Exception {
    CliRun bad = stats("import-ctdc", "--dataset", "ref-bad", fixture("ctdc-bad-gender.csv"));
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("ctdc-bad-gender.csv", "line 3", "column 'gender'", "Femal");
    assertThat(rows("SELECT count(*) FROM statistics_reference_dataset WHERE name = 'ref-bad'"))
        .containsExactly("0|");
    assertThat(rows("SELECT count(*) FROM statistics_reference_record WHERE dataset = 'ref-bad'"))
        .containsExactly("0|");
  }

  @Test
  void demo_seed_imports_population_for_the_fictional_countries() throws Exception {
    assertThat(
            rows(
                "SELECT region, count(*) FROM statistics_population WHERE year = 2026"
                    + " GROUP BY region ORDER BY region"))
        .containsExactly("XA|4|", "XB|4|", "XC|4|", "XD|4|", "XE|4|");
  }

  @Test
  void import_population_refuses_a_file_with_bad_rows_and_stores_nothing() throws Exception {
    Path dir = temp("palermo-pop-");
    Path bad = dir.resolve("bad.csv");
    Files.writeString(
        bad,
        "region,year,sex,age_group,population\nQK,2020,female,adult,100\nQK,2020,male,adult,lots\n");
    CliRun refused = stats("import-population", bad.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err())
        .contains("bad.csv", "1 bad row(s), nothing imported", "line 3", "population 'lots'");
    assertThat(rows("SELECT count(*) FROM statistics_population WHERE region = 'QK'"))
        .containsExactly("0|");
    Path good = dir.resolve("good.csv");
    Files.writeString(
        good,
        "region,year,sex,age_group,population\nQK,2020,female,total,100\nQK,2020,male,total,90\n");
    CliRun ok = stats("import-population", good.toString());
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("Imported 2 population figures for [QK], years [2020].");
  }

  @Test
  void export_htcds_writes_the_standards_columns_with_pseudonymous_ids() throws Exception {
    Path out = temp("palermo-htcds-").resolve("htcds.csv");
    CliRun run = stats("export-htcds", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines =
        Files.readString(out, StandardCharsets.UTF_8).replace("\uFEFF", "").lines().toList();
    assertThat(lines.get(0))
        .startsWith("ext_PseudonymousId,ext_RegistrationYear,prs_Gender,ext_AgeBroad,");
    assertThat(lines).hasSize(CASES + 1);
    List<String> caseIds = rows("SELECT case_id FROM statistics_victim LIMIT 5");
    for (String id : caseIds) {
      assertThat(String.join("\n", lines)).doesNotContain(id.replace("|", ""));
    }
    assertThat(stats("export-htcds", "--out", out.toString()).exitCode()).isNotZero();
  }

  static String fixture(String name) throws IOException {
    try (var in = StatsIT.class.getResourceAsStream("/statistics/" + name)) {
      assertThat(in).as(name).isNotNull();
      Path file = Files.createTempFile("palermo-ctdc-", "-" + name);
      file.toFile().deleteOnExit();
      Files.write(file, in.readAllBytes());
      return file.toString();
    }
  }
}
