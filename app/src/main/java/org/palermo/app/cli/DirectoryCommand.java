package org.palermo.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.palermo.app.directory.DirectoryExchange;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The service directory: Open Referral HSDS 3.0 import and export. */
@Command(
    name = "directory",
    mixinStandardHelpOptions = true,
    description = "Import and export the service directory as Open Referral HSDS 3.0.",
    subcommands = {DirectoryCommand.Import.class, DirectoryCommand.Export.class})
final class DirectoryCommand implements Runnable {
  static final String ACTOR = "cli";
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Import HSDS data: a JSON file (a list of fully nested services, one organization,"
            + " service, location, service_at_location, taxonomy or taxonomy_term, or an HSDS API"
            + " page with 'contents'), a directory of such JSON files, or a tabular data package"
            + " (a directory with datapackage.json and HSDS CSV files).",
        "Records are matched by HSDS id: importing the same data again changes nothing. A fault"
            + " anywhere stops the import, stores nothing, and names the file and field."
      })
  static final class Import implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Parameters(paramLabel = "FILE|DIR", description = "HSDS JSON file or directory.")
    Path source;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        DirectoryExchange.Imported imported =
            context.getBean(DirectoryExchange.class).importPath(source, ACTOR);
        spec.commandLine()
            .getOut()
            .printf(
                "Imported %d HSDS records from %s.%n",
                imported.records(), String.join(", ", imported.files()));
        if (!imported.skipped().isEmpty()) {
          spec.commandLine()
              .getOut()
              .printf("Not held by Palermo, skipped: %s.%n", String.join(", ", imported.skipped()));
        }
        return 0;
      }
    }
  }

  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = {
        "Export the whole directory as HSDS 3.0: 'json' writes services.json (fully nested"
            + " services), organizations.json, taxonomies.json and taxonomy_terms.json; 'tabular'"
            + " writes one CSV per HSDS table and datapackage.json.",
        "Prints the files written."
      })
  static final class Export implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Option(
        names = "--format",
        required = true,
        paramLabel = "FORMAT",
        description = "json or tabular.")
    String format;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "DIR",
        description = "Output directory (created if missing; files in it are replaced).")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      DirectoryExchange.Format f;
      switch (format.toLowerCase()) {
        case "json" -> f = DirectoryExchange.Format.JSON;
        case "tabular" -> f = DirectoryExchange.Format.TABULAR;
        default -> {
          spec.commandLine().getErr().println("--format must be json or tabular.");
          return 2;
        }
      }
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        List<Path> files = context.getBean(DirectoryExchange.class).export(out, f, ACTOR);
        files.forEach(spec.commandLine().getOut()::println);
        return 0;
      }
    }
  }
}
