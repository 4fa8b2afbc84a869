package org.palermo.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.platform.DataDirectoryLock;
import org.palermo.app.platform.EmbeddedDatabase;
import picocli.CommandLine;

/** The palermo command line against real embedded databases in temporary data directories. */
class CliIT {
  static final String PASSWORD = "a long enough password 42";
  private final List<Path> dirs = new ArrayList<>();

  Path newDataDir() throws IOException {
    Path dir = Files.createTempDirectory("palermo-cli-");
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

  static CliRun addAdmin(Path dir, String username) {
    return CliRun.withStdin(
        PASSWORD + "\n",
        "users",
        "add",
        "--admin",
        "--username",
        username,
        "--agency",
        "National Coordination",
        "--agency-type",
        "COORDINATION",
        "--password-stdin",
        "--data-dir",
        dir.toString());
  }

  @Test
  void every_command_has_help() {
    List<CommandLine> all = new ArrayList<>();
    collect(Palermo.commandLine(), all);
    assertThat(all)
        .extracting(CommandLine::getCommandName)
        .contains(
            "palermo", "serve", "demo", "seed", "users", "add", "list", "token", "audit", "verify");
    for (CommandLine c : all) {
      List<String> args = new ArrayList<>();
      for (CommandLine p = c; p.getParent() != null; p = p.getParent()) {
        args.add(0, p.getCommandName());
      }
      args.add("--help");
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertThat(run.exitCode()).as(String.join(" ", args)).isZero();
      assertThat(run.out()).as(String.join(" ", args)).contains("Usage: palermo");
    }
  }

  private static void collect(CommandLine c, List<CommandLine> into) {
    into.add(c);
    c.getSubcommands().values().forEach(s -> collect(s, into));
  }

  @Test
  void users_added_survive_a_restart_and_tokens_are_printed_once() throws IOException {
    Path dir = newDataDir();
    CliRun add = addAdmin(dir, "first.admin");
    assertThat(add.exitCode()).as(add.err()).isZero();
    assertThat(add.out()).contains("Created user first.admin").contains("ADMIN");

    // A second process start on the same data directory sees the same database.
    CliRun list = CliRun.of("users", "list", "--data-dir", dir.toString());
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).contains("first.admin").contains("National Coordination");

    CliRun token =
        CliRun.of("users", "token", "--username", "first.admin", "--data-dir", dir.toString());
    assertThat(token.exitCode()).as(token.err()).isZero();
    assertThat(token.out().strip()).startsWith("plm_");
    assertThat(token.err()).contains("shown only this once");
  }

  @Test
  void bad_input_gives_a_clear_error_and_a_non_zero_exit() throws IOException {
    Path dir = newDataDir();
    CliRun shortPassword =
        CliRun.withStdin(
            "short\n",
            "users",
            "add",
            "--admin",
            "--username",
            "x.admin",
            "--agency",
            "A",
            "--agency-type",
            "COORDINATION",
            "--password-stdin",
            "--data-dir",
            dir.toString());
    assertThat(shortPassword.exitCode()).isEqualTo(2);
    assertThat(shortPassword.err()).contains("at least 12 characters");

    CliRun noAgencyType =
        CliRun.withStdin(
            PASSWORD + "\n",
            "users",
            "add",
            "--role",
            "CASEWORKER",
            "--username",
            "x.worker",
            "--agency",
            "Unknown agency",
            "--password-stdin",
            "--data-dir",
            dir.toString());
    assertThat(noAgencyType.exitCode()).isEqualTo(2);
    assertThat(noAgencyType.err()).contains("--agency-type");

    CliRun badRole =
        CliRun.of(
            "users",
            "add",
            "--role",
            "EMPEROR",
            "--username",
            "x",
            "--agency",
            "A",
            "--data-dir",
            dir.toString());
    assertThat(badRole.exitCode()).isEqualTo(2);
    assertThat(badRole.err()).contains("EMPEROR");
  }

  @Test
  void a_command_refuses_a_data_dir_held_by_a_running_server_and_touches_nothing()
      throws IOException {
    Path dir = newDataDir();
    assertThat(addAdmin(dir, "held.admin").exitCode()).isZero();
    Map<String, Long> before = snapshot(dir);
    try (DataDirectoryLock held = DataDirectoryLock.acquire(dir)) {
      Map<String, Long> locked = snapshot(dir);
      CliRun run = CliRun.of("users", "list", "--data-dir", dir.toString());
      assertThat(run.exitCode()).isEqualTo(3);
      assertThat(run.err()).contains("in use by another Palermo process");
      assertThat(snapshot(dir)).isEqualTo(locked);
    }
    assertThat(snapshot(dir).keySet()).isEqualTo(before.keySet());
  }

  private static Map<String, Long> snapshot(Path dir) throws IOException {
    Map<String, Long> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), Files.getLastModifiedTime(p).toMillis());
      }
    }
    return files;
  }

  @Test
  void audit_verify_passes_an_intact_chain_and_names_the_first_altered_entry() throws Exception {
    Path dir = newDataDir();
    assertThat(addAdmin(dir, "audit.admin").exitCode()).isZero();
    CliRun intact = CliRun.of("audit", "verify", "--data-dir", dir.toString());
    assertThat(intact.exitCode()).as(intact.err()).isZero();
    assertThat(intact.out()).contains("Audit chain intact: 2 entries verified");

    // Someone with database access rewrites entry 1, bypassing the append-only trigger.
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir);
        Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        Statement s = c.createStatement()) {
      s.execute("SET session_replication_role = replica");
      s.executeUpdate("UPDATE audit_event SET actor = 'mallory' WHERE seq = 1");
    }
    CliRun broken = CliRun.of("audit", "verify", "--data-dir", dir.toString());
    assertThat(broken.exitCode()).isEqualTo(1);
    assertThat(broken.err()).contains("BROKEN at entry 1").contains("does not match its hash");
  }

  @Test
  void audit_verify_notices_a_deleted_entry() throws Exception {
    Path dir = newDataDir();
    assertThat(addAdmin(dir, "gap.admin").exitCode()).isZero();
    assertThat(
            CliRun.of("users", "token", "--username", "gap.admin", "--data-dir", dir.toString())
                .exitCode())
        .isZero();
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dir);
        Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        Statement s = c.createStatement()) {
      s.execute("SET session_replication_role = replica");
      s.executeUpdate("DELETE FROM audit_event WHERE seq = 2");
    }
    CliRun broken = CliRun.of("audit", "verify", "--data-dir", dir.toString());
    assertThat(broken.exitCode()).isEqualTo(1);
    assertThat(broken.err()).contains("BROKEN at entry 3").contains("entry 2 is missing");
  }

  @Test
  void serve_on_an_instance_without_users_asks_for_the_first_administrator() throws IOException {
    Path dir = newDataDir();
    CliRun run = CliRun.of("serve", "--port", "0", "--data-dir", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("No user accounts exist yet").contains("users add --admin");
  }

  @Test
  void serve_demo_warns_on_start_that_administrators_have_no_second_factor() throws IOException {
    // Issue #11 item 16: demo mode drops the TOTP administrators otherwise need; say so first.
    Path dir = newDataDir();
    assertThat(addAdmin(dir, "real.admin").exitCode()).isZero();
    CliRun run = CliRun.of("serve", "--demo", "--port", "0", "--data-dir", dir.toString());
    assertThat(run.exitCode()).isEqualTo(2); // a real instance: the demo refuses to run on it
    assertThat(run.err())
        .startsWith("WARNING: demo mode: administrators sign in WITHOUT a second factor");
  }
}
