package org.palermo.app.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.palermo.app.cli.Palermo;
import org.palermo.app.platform.EmbeddedDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import picocli.CommandLine;

/**
 * The demo database through the command line: after {@code palermo demo seed}, a dump of every
 * table holds no person's name or date of birth in plaintext; {@code palermo keys rotate} re-wraps
 * every data key and every name still opens with the new key alone; {@code palermo retention run
 * --dry-run} and {@code palermo privacy dsar} work on it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDatabaseAtRestIT {
  Path dir;

  record Run(int code, String out, String err) {}

  static Run palermo(String... args) {
    CommandLine cli = Palermo.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  record Person(UUID id, String given, String family, String birth) {}

  @BeforeAll
  void seed() throws IOException {
    dir = Files.createTempDirectory("palermo-demo-crypto-");
    Run r = palermo("demo", "seed", "--data-dir", dir.toString(), "--cases", "30", "--seed", "11");
    assertThat(r.code()).as(r.err()).isZero();
  }

  @AfterAll
  void delete() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Opens the database of the data directory and hands a JdbcClient to {@code work}. */
  <T> T withDatabase(java.util.function.Function<JdbcClient, T> work) throws Exception {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir);
        Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
      return work.apply(JdbcClient.create(new SingleConnectionDataSource(c, true)));
    }
  }

  /** The persons, opened with a key ring read from disk (no cached keys). */
  List<Person> persons(JdbcClient jdbc) {
    FieldCipher cipher = FieldCipher.offline(jdbc, KeyRing.open(dir.resolve("keys"), null));
    return jdbc.sql("SELECT id, given_name, family_name, birth_date_sealed FROM person")
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              return new Person(
                  id,
                  cipher.open(id, rs.getString("given_name")),
                  cipher.open(id, rs.getString("family_name")),
                  cipher.open(id, rs.getString("birth_date_sealed")));
            })
        .list();
  }

  /** Every row of every table, as text: what a dump of the database contains. */
  static String dump(JdbcClient jdbc) {
    List<String> rows = new ArrayList<>();
    for (String t :
        jdbc.sql(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                    + " AND table_type = 'BASE TABLE'")
            .query(String.class)
            .list()) {
      rows.addAll(jdbc.sql("SELECT t::text FROM \"" + t + "\" t").query(String.class).list());
    }
    return String.join("\n", rows).toLowerCase(Locale.ROOT);
  }

  /** Whether {@code word} stands in {@code text} as a word (not inside base64 or another word). */
  static boolean asWord(String text, String word) {
    return java.util.regex.Pattern.compile(
            "(?<![\\p{L}\\p{N}_-])"
                + java.util.regex.Pattern.quote(word.toLowerCase(Locale.ROOT))
                + "(?![\\p{L}\\p{N}_-])")
        .matcher(text)
        .find();
  }

  @Test
  void no_plaintext_name_or_birth_date_in_a_dump_and_every_name_reads_after_rotation()
      throws Exception {
    // One start of the database for both reads.
    Map.Entry<List<Person>, String> read =
        withDatabase(jdbc -> Map.entry(persons(jdbc), dump(jdbc)));
    List<Person> before = read.getKey();
    assertThat(before).hasSize(30);
    String dump = read.getValue();
    int checked = 0;
    for (Person p : before) {
      assertThat(p.given()).isNotBlank();
      for (String name : new String[] {p.given(), p.family()}) {
        if (name != null && name.length() >= 3) {
          assertThat(asWord(dump, name)).as("plaintext name in the dump").isFalse();
          checked++;
        }
      }
      if (p.birth() != null) {
        assertThat(dump).doesNotContain(p.birth());
      }
    }
    assertThat(checked).isGreaterThan(30);

    Run rotated = palermo("keys", "rotate", "--data-dir", dir.toString());
    assertThat(rotated.code()).as(rotated.err()).isZero();
    assertThat(rotated.out()).contains("from 1 to 2");
    assertThat(KeyRing.open(dir.resolve("keys"), null).ids()).containsExactly("2");
    assertThat(withDatabase(this::persons)).isEqualTo(before);
    Run status = palermo("keys", "status", "--data-dir", dir.toString());
    assertThat(status.out()).contains("Master key 2");
  }

  @Test
  void retention_dry_run_and_subject_access_from_the_command_line() throws Exception {
    Run dry = palermo("retention", "run", "--dry-run", "--data-dir", dir.toString());
    assertThat(dry.code()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("Dry run (nothing changed)");

    Person someone = withDatabase(this::persons).get(0);
    Path out = dir.resolve("dsar.json");
    Run dsar =
        palermo(
            "privacy",
            "dsar",
            "--data-dir",
            dir.toString(),
            "--person",
            someone.id().toString(),
            "--output",
            out.toString());
    assertThat(dsar.code()).as(dsar.err()).isZero();
    String json = Files.readString(out);
    assertThat(json).contains(someone.given()).contains("\"cases\"").doesNotContain("pal1:");
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(out)))
        .isEqualTo("rw-------");
  }
}
