package org.palermo.app.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.palermo.app.cli.Palermo;
import org.palermo.app.cli.SharedCommandContext;
import picocli.CommandLine;

/**
 * {@code palermo directory import|export}: the official examples go into an empty instance and out
 * again; what comes out, imported into another empty instance, comes out the same (JSON and
 * tabular); a malformed file is refused by field with exit code 2 and nothing stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryCommandIT {
  final List<Path> temporary = new ArrayList<>();

  record Run(int exitCode, String out, String err) {}

  static Run run(String... args) {
    CommandLine cli = Palermo.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** The instance the commands of a test run in now: one start per instance (issue #12 §5). */
  SharedCommandContext shared;

  /** Starts the application on this instance for the next commands, stopping the previous one. */
  void sharing(Path dataDir) throws Exception {
    stopSharing();
    shared = SharedCommandContext.on(dataDir);
  }

  @AfterEach
  void stopSharing() throws Exception {
    if (shared != null) {
      SharedCommandContext stopped = shared;
      shared = null;
      stopped.close();
    }
  }

  Path temp(String prefix) throws IOException {
    Path dir = Files.createTempDirectory(prefix);
    temporary.add(dir);
    return dir;
  }

  @AfterAll
  void delete() throws IOException {
    for (Path dir : temporary) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  static String content(Path dir) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        all.append("== ").append(f.getFileName()).append('\n').append(Files.readString(f));
      }
    }
    return all.toString();
  }

  @Test
  void help_lists_import_and_export() {
    Run help = run("directory", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("import", "export");
    Run importHelp = run("directory", "import", "--help");
    assertThat(importHelp.exitCode()).isZero();
    assertThat(importHelp.out()).contains("--data-dir", "FILE|DIR");
    Run bad =
        run("directory", "export", "--format", "xml", "--out", "/tmp/x", "--data-dir", "/tmp/y");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--format must be json or tabular");
  }

  @Test
  void the_examples_survive_a_round_trip_through_two_empty_instances() throws Exception {
    Path examples = temp("hsds-examples-");
    for (Path f : HsdsExchangeIT.datasets()) {
      Files.copy(f, examples.resolve(f.getFileName()));
    }
    Path first = temp("palermo-dir-a-");
    sharing(first);
    Run imported = run("directory", "import", "--data-dir", first.toString(), examples.toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("Imported", "service_full.json", "tabular.json");

    Path json1 = temp("hsds-json-1-");
    Path tab1 = temp("hsds-tab-1-");
    Run export =
        run(
            "directory",
            "export",
            "--data-dir",
            first.toString(),
            "--format",
            "json",
            "--out",
            json1.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(export.out()).contains("services.json");
    assertThat(
            run(
                    "directory",
                    "export",
                    "--data-dir",
                    first.toString(),
                    "--format",
                    "tabular",
                    "--out",
                    tab1.toString())
                .exitCode())
        .isZero();
    assertThat(content(json1)).contains("Community Counselling", "MyCity Civic Center");

    Path second = temp("palermo-dir-b-");
    sharing(second);
    assertThat(
            run("directory", "import", "--data-dir", second.toString(), json1.toString())
                .exitCode())
        .isZero();
    Path json2 = temp("hsds-json-2-");
    assertThat(
            run(
                    "directory",
                    "export",
                    "--data-dir",
                    second.toString(),
                    "--format",
                    "json",
                    "--out",
                    json2.toString())
                .exitCode())
        .isZero();
    assertThat(content(json2)).isEqualTo(content(json1));

    Path third = temp("palermo-dir-c-");
    sharing(third);
    Run tabImport = run("directory", "import", "--data-dir", third.toString(), tab1.toString());
    assertThat(tabImport.exitCode()).as(tabImport.err()).isZero();
    Path tab2 = temp("hsds-tab-2-");
    assertThat(
            run(
                    "directory",
                    "export",
                    "--data-dir",
                    third.toString(),
                    "--format",
                    "tabular",
                    "--out",
                    tab2.toString())
                .exitCode())
        .isZero();
    assertThat(content(tab2)).isEqualTo(content(tab1));
    assertThat(Files.readString(tab1.resolve("services.csv"))).contains("Community Counselling");
  }

  @Test
  void a_malformed_file_is_refused_by_field_and_nothing_is_stored() throws Exception {
    Path dir = temp("palermo-dir-bad-");
    Path file = dir.resolve("services.json");
    Files.writeString(
        file,
        """
        [{"id": "0b7a7f0e-9a51-4bb5-9e3e-0d7c9d7c0001", "name": "Fine", "status": "active"},
         {"id": "0b7a7f0e-9a51-4bb5-9e3e-0d7c9d7c0002", "name": "Broken", "status": "active",
          "service_at_locations": [{"id": "0b7a7f0e-9a51-4bb5-9e3e-0d7c9d7c0003",
            "location": {"id": "0b7a7f0e-9a51-4bb5-9e3e-0d7c9d7c0004", "location_type": "moon"}}]}]
        """,
        StandardCharsets.UTF_8);
    Path data = temp("palermo-dir-d-");
    sharing(data);
    Run bad = run("directory", "import", "--data-dir", data.toString(), file.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err())
        .contains(
            "services.json: [1].service_at_locations[0].location.location_type: must be one of");
    Path out = temp("hsds-out-");
    assertThat(
            run(
                    "directory",
                    "export",
                    "--data-dir",
                    data.toString(),
                    "--format",
                    "json",
                    "--out",
                    out.toString())
                .exitCode())
        .isZero();
    assertThat(Files.readString(out.resolve("services.json"))).doesNotContain("Fine", "Broken");
    Run missing =
        run(
            "directory",
            "import",
            "--data-dir",
            data.toString(),
            dir.resolve("nope.json").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file or directory");
  }
}
