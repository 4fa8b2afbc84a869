package org.palermo.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.platform.EmbeddedDatabase;

/**
 * Issue 11, item 6: the audit chain can no longer be rewritten by someone who holds the database.
 * The tests act as the database superuser (as an intruder with the database's credentials would):
 * they rewrite an entry, bypass the append-only trigger, and recompute every later hash the way the
 * unkeyed (SHA-256) chain was computed. {@code audit verify} must call the chain broken, and a
 * checkpoint exported before must fail.
 */
class AuditChainIT {
  private final List<Path> dirs = new ArrayList<>();

  Path newDataDir() throws IOException {
    Path dir = Files.createTempDirectory("palermo-chain-");
    dirs.add(dir);
    return dir;
  }

  @AfterEach
  void deleteDataDirs() throws IOException {
    for (Path dir : dirs) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** The instance every test starts from, made once with the commands. */
  private static Path template;

  @AfterAll
  static void deleteTemplate() {
    if (template != null) {
      DataDirs.delete(template);
      template = null;
    }
  }

  /**
   * An instance of its own with an administrator, a token and so a few audit entries: a copy of one
   * made with {@code users add} and {@code users token}.
   */
  Path instance() throws IOException {
    if (template == null) {
      Path dir = Files.createTempDirectory("palermo-chain-template-");
      try {
        assertThat(CliIT.addAdmin(dir, "chain.admin").exitCode()).isZero();
        assertThat(
                CliRun.of(
                        "users", "token", "--username", "chain.admin", "--data-dir", dir.toString())
                    .exitCode())
            .isZero();
      } catch (AssertionError e) {
        DataDirs.delete(dir); // no half-made template for the next test to copy
        throw e;
      }
      template = dir;
    }
    Path dir = DataDirs.copyOf(template, "palermo-chain-");
    dirs.add(dir);
    return dir;
  }

  @Test
  void rewriting_an_entry_and_recomputing_the_sha256_chain_after_it_is_detected() throws Exception {
    Path dir = instance();
    assertThat(verify(dir).exitCode()).isZero();
    rewriteFromEntry1(dir, false);
    CliRun broken = verify(dir);
    assertThat(broken.exitCode()).as(broken.out()).isEqualTo(1);
    assertThat(broken.err()).contains("BROKEN at entry 1").contains("does not match its hash");
  }

  @Test
  void marking_the_recomputed_entries_as_unkeyed_is_detected_too() throws Exception {
    Path dir = instance();
    rewriteFromEntry1(dir, true);
    CliRun broken = verify(dir);
    assertThat(broken.exitCode()).as(broken.out()).isEqualTo(1);
    assertThat(broken.err()).contains("BROKEN").contains("not keyed");
  }

  @Test
  void a_signed_checkpoint_holds_on_the_intact_chain_and_fails_after_a_rewrite() throws Exception {
    Path dir = instance();
    Path checkpoint = dir.resolve("checkpoint.txt");
    CliRun export =
        CliRun.of(
            "audit",
            "checkpoint",
            "export",
            "--out",
            checkpoint.toString(),
            "--data-dir",
            dir.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    String statement = Files.readString(checkpoint, StandardCharsets.UTF_8);
    assertThat(statement)
        .startsWith("palermo-audit-checkpoint-1\n")
        .contains("seq: ")
        .contains("head: ")
        .contains("signature: ");
    CliRun key = CliRun.of("audit", "checkpoint", "public-key", "--data-dir", dir.toString());
    assertThat(statement).contains("public-key: " + key.out().strip());

    CliRun holds =
        CliRun.of(
            "audit", "verify", "--checkpoint", checkpoint.toString(), "--data-dir", dir.toString());
    assertThat(holds.exitCode()).as(holds.err()).isZero();
    assertThat(holds.out()).contains("holds");

    // A checkpoint altered by hand no longer verifies.
    Path forged = dir.resolve("forged.txt");
    Files.writeString(
        forged, statement.replaceFirst("head: [0-9a-f]", "head: x"), StandardCharsets.UTF_8);
    CliRun refused =
        CliRun.of(
            "audit", "verify", "--checkpoint", forged.toString(), "--data-dir", dir.toString());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("signature does not verify");

    rewriteFromEntry1(dir, false);
    CliRun after =
        CliRun.of(
            "audit", "verify", "--checkpoint", checkpoint.toString(), "--data-dir", dir.toString());
    assertThat(after.exitCode()).isEqualTo(1);
    assertThat(after.err()).contains("Checkpoint").contains("FAILED");
  }

  @Test
  void the_checkpoint_commands_have_help() {
    for (String[] args :
        new String[][] {
          {"audit", "checkpoint", "--help"},
          {"audit", "checkpoint", "export", "--help"},
          {"audit", "checkpoint", "public-key", "--help"},
          {"audit", "verify", "--help"}
        }) {
      CliRun help = CliRun.of(args);
      assertThat(help.exitCode()).isZero();
      assertThat(help.out()).contains("Usage:");
    }
  }

  static CliRun verify(Path dir) {
    return CliRun.of("audit", "verify", "--data-dir", dir.toString());
  }

  /**
   * As the superuser: changes entry 1's actor to "mallory", then recomputes every hash from entry 1
   * on with the unkeyed SHA-256 of the old chain (optionally marking them unkeyed), so that each
   * entry links to the rewritten one before it.
   */
  static void rewriteFromEntry1(Path dir, boolean markUnkeyed) throws Exception {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir);
        Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        Statement s = c.createStatement()) {
      s.execute("SET session_replication_role = replica");
      s.executeUpdate("UPDATE audit_event SET actor = 'mallory' WHERE seq = 1");
      String prev = "0".repeat(64);
      List<Object[]> rows = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT seq, at, actor, agency, action, target, outcome, detail FROM audit_event"
                  + " ORDER BY seq")) {
        while (rs.next()) {
          rows.add(
              new Object[] {
                rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)
              });
        }
      }
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE audit_event SET prev_hash = ?, hash = ?"
                  + (markUnkeyed ? ", hash_version = 1" : "")
                  + " WHERE seq = ?")) {
        for (Object[] r : rows) {
          String hash = sha256Chain(prev, r);
          update.setString(1, prev);
          update.setString(2, hash);
          update.setLong(3, (Long) r[0]);
          update.executeUpdate();
          prev = hash;
        }
      }
    }
  }

  /** The unkeyed chain's hash as it was computed before issue 11 (public in the repository). */
  static String sha256Chain(String prev, Object[] r) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    for (String field :
        new String[] {
          prev,
          Long.toString((Long) r[0]),
          ((Instant) r[1]).toString(),
          (String) r[2],
          (String) r[3],
          (String) r[4],
          (String) r[5],
          (String) r[6],
          (String) r[7]
        }) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
      digest.update((byte) ':');
      digest.update(bytes);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
