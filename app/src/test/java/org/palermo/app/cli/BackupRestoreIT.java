package org.palermo.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.palermo.app.platform.DataDirectoryLock;
import org.palermo.app.platform.EmbeddedDatabase;
import org.palermo.app.platform.crypto.FieldCipher;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code palermo backup create|restore} (ASVS 8.1.5/8.1.6): a backup restored into a fresh data
 * directory holds exactly the same rows, reads through the cipher with the copied master key, and
 * keeps an intact audit chain; a damaged or inconsistent file and a non-empty target are refused,
 * leaving nothing half-restored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreIT {
  private final List<Path> dirs = new ArrayList<>();
  Path source;
  Path backup;

  Path newDir(String prefix) throws IOException {
    Path dir = Files.createTempDirectory(prefix);
    dirs.add(dir);
    return dir;
  }

  @BeforeAll
  void seedAndBackUp() throws IOException {
    source = newDir("palermo-backup-src-");
    CliRun seed =
        CliRun.of("demo", "seed", "--data-dir", source.toString(), "--cases", "12", "--seed", "5");
    assertThat(seed.exitCode()).as(seed.err()).isZero();
    backup = newDir("palermo-backup-files-").resolve("palermo.backup");
    CliRun run =
        CliRun.of("backup", "create", "--data-dir", source.toString(), "--file", backup.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Backup written to").contains("master key is not in");
  }

  @AfterAll
  void delete() throws IOException {
    for (Path dir : dirs) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** A fresh data directory with the source's master key copied into it. */
  Path freshDirWithKeys() throws IOException {
    Path dir = newDir("palermo-backup-dst-");
    Path keys = Files.createDirectories(dir.resolve("keys"));
    try (Stream<Path> files = Files.list(source.resolve("keys"))) {
      for (Path f : files.toList()) {
        Files.copy(f, keys.resolve(f.getFileName()));
      }
    }
    return dir;
  }

  static CliRun restore(Path dir, Path file) {
    return CliRun.of("backup", "restore", "--data-dir", dir.toString(), "--file", file.toString());
  }

  /** Every table's content as a hash (rows sorted by their text) and its row count. */
  static Map<String, String> tableHashes(Path dir, String auditUpTo) throws Exception {
    Map<String, String> hashes = new LinkedHashMap<>();
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir);
        Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        Statement s = c.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                  + " AND tablename <> 'flyway_schema_history' ORDER BY tablename")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String t : tables) {
        String where =
            t.equals("audit_event")
                ? " WHERE seq <= " + auditUpTo
                : t.equals("audit_subject") ? " WHERE audit_seq <= " + auditUpTo : "";
        try (ResultSet rs =
            s.executeQuery(
                "SELECT count(*) || ':' || coalesce(md5(string_agg(x::text, E'\\n' ORDER BY"
                    + " x::text)), '-') FROM "
                    + t
                    + " x"
                    + where)) {
          rs.next();
          hashes.put(t, rs.getString(1));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'"
                  + " ORDER BY 1")) {
        while (rs.next()) {
          hashes.put("sequence " + rs.getString(1), rs.getString(2));
        }
      }
    }
    return hashes;
  }

  static String scalar(Path dir, String sql) throws Exception {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir);
        Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  static String firstPersonName(Path dir) {
    DataOptions data = new DataOptions();
    data.dataDir = dir;
    try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
      var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
      Map<String, Object> row =
          jdbc.sql("SELECT id, given_name FROM person ORDER BY id LIMIT 1").query().singleRow();
      String sealed = (String) row.get("given_name");
      assertThat(sealed).as("names are sealed in the database").startsWith("pal1:");
      return context.getBean(FieldCipher.class).open((UUID) row.get("id"), sealed);
    }
  }

  @Test
  void the_backup_file_is_private_and_holds_no_master_key() throws Exception {
    assertThat(Files.getPosixFilePermissions(backup))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    String keyFile =
        Files.readString(source.resolve("keys").resolve("master.key"), StandardCharsets.UTF_8);
    String key =
        keyFile.lines().filter(l -> l.startsWith("key=")).findFirst().orElseThrow().substring(4);
    byte[] raw = Base64.getDecoder().decode(key.trim());
    try (ZipFile zip = new ZipFile(backup.toFile())) {
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        // data_key holds the data keys as the database does: wrapped by the master key.
        assertThat(entry.getName()).matches("manifest\\.properties|tables/[a-z_0-9]+\\.copy");
        byte[] content;
        try (InputStream in = zip.getInputStream(entry)) {
          content = in.readAllBytes();
        }
        assertThat(new String(content, StandardCharsets.ISO_8859_1))
            .doesNotContain(key.trim())
            .doesNotContain(new String(raw, StandardCharsets.ISO_8859_1));
      }
    }
  }

  @Test
  void a_restore_into_a_fresh_data_dir_holds_the_same_rows_reads_and_verifies() throws Exception {
    Path target = freshDirWithKeys();
    CliRun run = restore(target, backup);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Restored");

    String lastSeq = scalar(source, "SELECT max(seq) FROM audit_event");
    Map<String, String> before = tableHashes(source, lastSeq);
    Map<String, String> after = tableHashes(target, lastSeq);
    assertThat(before).containsKeys("person", "case_file", "audit_event", "data_key");
    assertThat(before.get("person")).doesNotStartWith("0:");
    assertThat(after).isEqualTo(before);
    // The source's last entry is the backup's own; the restore appends one more.
    assertThat(scalar(source, "SELECT action FROM audit_event ORDER BY seq DESC LIMIT 1"))
        .isEqualTo("backup.create");
    assertThat(
            scalar(
                target,
                "SELECT action || ' ' || detail FROM audit_event WHERE seq = " + lastSeq + " + 1"))
        .startsWith("backup.restore")
        .doesNotContain("pal1:");

    CliRun verify = CliRun.of("audit", "verify", "--data-dir", target.toString());
    assertThat(verify.exitCode()).as(verify.err()).isZero();
    assertThat(verify.out()).contains("Audit chain intact");

    String name = firstPersonName(target);
    assertThat(name).isNotBlank().doesNotStartWith("pal1:").isEqualTo(firstPersonName(source));
  }

  @Test
  void a_damaged_backup_is_refused_and_the_target_stays_empty() throws Exception {
    Path damaged = backup.resolveSibling("damaged.backup");
    byte[] bytes = Files.readAllBytes(backup);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(damaged, bytes);
    Path target = freshDirWithKeys();
    CliRun run = restore(target, damaged);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("damaged").contains("nothing was restored");
    // Checked before anything is started: no database was even created.
    assertThat(target.resolve("pg")).doesNotExist();
  }

  @Test
  void a_row_count_that_does_not_match_rolls_the_whole_restore_back() throws Exception {
    // The table data is intact (its checksum matches) but the manifest claims one row more: the
    // mismatch is found while loading, inside the transaction.
    Path lying =
        withManifest(
            "lying.backup",
            manifest -> {
              String line =
                  manifest
                      .lines()
                      .filter(l -> l.startsWith("table.person.rows="))
                      .findFirst()
                      .orElseThrow();
              long rows = Long.parseLong(line.substring(line.indexOf('=') + 1));
              return manifest.replace(line, "table.person.rows=" + (rows + 1));
            });
    Path target = freshDirWithKeys();
    CliRun run = restore(target, lying);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("person").contains("nothing was restored");
    assertThat(
            scalar(
                target,
                "SELECT (SELECT count(*) FROM audit_event) + (SELECT count(*) FROM person)"
                    + " + (SELECT count(*) FROM case_file) + (SELECT count(*) FROM app_user)"))
        .isEqualTo("0");
  }

  /** A copy of the backup whose manifest is changed by {@code edit}; the table data is intact. */
  Path withManifest(String name, java.util.function.UnaryOperator<String> edit) throws IOException {
    Path copy = backup.resolveSibling(name);
    try (ZipFile in = new ZipFile(backup.toFile());
        OutputStream file = Files.newOutputStream(copy);
        ZipOutputStream out = new ZipOutputStream(file)) {
      for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        byte[] content;
        try (InputStream s = in.getInputStream(entry)) {
          content = s.readAllBytes();
        }
        if (entry.getName().equals(DatabaseBackup.MANIFEST)) {
          content =
              edit.apply(new String(content, StandardCharsets.ISO_8859_1))
                  .getBytes(StandardCharsets.ISO_8859_1);
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(content);
        out.closeEntry();
      }
    }
    return copy;
  }

  @Test
  void a_backup_of_a_newer_schema_is_refused_before_anything_is_created() throws Exception {
    Path newer =
        withManifest(
            "newer.backup",
            manifest -> manifest.replaceAll("(?m)^schema\\.version=.*$", "schema.version=999"));
    Path target = freshDirWithKeys();
    CliRun run = restore(target, newer);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("schema version 999").contains("Nothing was restored");
    assertThat(target.resolve("pg")).doesNotExist();
  }

  @Test
  void a_restore_into_a_database_in_use_is_refused_and_changes_nothing() throws Exception {
    Path target = freshDirWithKeys();
    assertThat(restore(target, backup).exitCode()).isZero();
    String rows = scalar(target, "SELECT count(*) FROM audit_event");
    CliRun again = restore(target, backup);
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("not empty");
    assertThat(scalar(target, "SELECT count(*) FROM audit_event")).isEqualTo(rows);
  }

  @Test
  void a_restore_without_the_master_key_is_refused_before_anything_is_created() throws Exception {
    Path target = newDir("palermo-backup-nokey-");
    CliRun run = restore(target, backup);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("No master key");
    assertThat(target.resolve("keys")).doesNotExist();
    assertThat(target.resolve("pg")).doesNotExist();
  }

  @Test
  void backup_refuses_a_data_dir_held_by_a_running_server() throws Exception {
    Path other = backup.resolveSibling("held.backup");
    try (DataDirectoryLock held = DataDirectoryLock.acquire(source)) {
      CliRun run =
          CliRun.of(
              "backup", "create", "--data-dir", source.toString(), "--file", other.toString());
      assertThat(run.exitCode()).isEqualTo(3);
      Path target = freshDirWithKeys();
      try (DataDirectoryLock alsoHeld = DataDirectoryLock.acquire(target)) {
        assertThat(restore(target, backup).exitCode()).isEqualTo(3);
      }
    }
    assertThat(other).doesNotExist();
  }
}
