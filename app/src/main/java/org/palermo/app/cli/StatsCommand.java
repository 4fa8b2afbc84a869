package org.palermo.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.Callable;
import org.palermo.app.platform.PendingEvents;
import org.palermo.app.platform.TableExport;
import org.palermo.app.statistics.HtcdsExport;
import org.palermo.app.statistics.Populations;
import org.palermo.app.statistics.ReferenceDatasets;
import org.palermo.app.statistics.Releases;
import org.palermo.privacy.ReleaseKind;
import org.palermo.privacy.ReleaseMetadata;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Statistical releases and reference data. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Privacy-safe statistical releases and CTDC reference datasets.",
    subcommands = {
      StatsCommand.Release.class,
      StatsCommand.ImportCtdc.class,
      StatsCommand.ImportPopulation.class,
      StatsCommand.ExportHtcds.class
    })
final class StatsCommand implements Runnable {
  static final String ACTOR = "cli";
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "release",
      mixinStandardHelpOptions = true,
      description = {
        "Release statistics that identify nobody: a k-anonymous CTDC microdata file, a table of"
            + " victims by sex and age and form of exploitation with small cells suppressed, or the"
            + " same table with differentially private counts charged to the dataset's privacy"
            + " budget.",
        "Writes <name>.csv and its sidecar <name>.json into --out and prints their paths."
      })
  static final class Release implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Option(
        names = "--kind",
        required = true,
        paramLabel = "KIND",
        description = "microdata, table or dp-table.")
    String kind;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "DIR",
        description = "Output directory (created if missing; files are never overwritten).")
    Path out;

    @Option(
        names = "--k",
        paramLabel = "K",
        description = "k of k-anonymity for microdata (default 11).")
    Integer k;

    @Option(
        names = "--epsilon",
        paramLabel = "E",
        description =
            "Privacy cost of a dp-table release (default 1), charged to the dataset's budget"
                + " (palermo.statistics.total-epsilon, default 5).")
    BigDecimal epsilon;

    @Option(
        names = "--dataset",
        paramLabel = "NAME",
        description =
            "Release from this imported reference dataset instead of the victims registered"
                + " here.")
    String dataset;

    @Option(
        names = "--released-by",
        paramLabel = "NAME",
        defaultValue = ACTOR,
        description =
            "Who makes the release: '${DEFAULT-VALUE}' or the username of an enabled account.")
    String releasedBy;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      ReleaseKind releaseKind;
      try {
        releaseKind = ReleaseKind.fromCliName(kind);
      } catch (IllegalArgumentException e) {
        spec.commandLine().getErr().println("--kind must be microdata, table or dp-table.");
        return 2;
      }
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        Releases.Result result =
            context
                .getBean(Releases.class)
                .release(new Releases.Request(releaseKind, dataset, out, k, epsilon, releasedBy));
        PrintWriter printed = spec.commandLine().getOut();
        ReleaseMetadata m = result.metadata();
        printed.printf("Released %s (%s) from %s.%n", result.name(), kind, m.dataset());
        if (m.k() != null) {
          printed.printf(
              "k = %d; %d records suppressed, %d dropped.%n",
              m.k(), m.suppression().recordsSuppressed(), m.suppression().recordsDropped());
        }
        if (releaseKind == ReleaseKind.TABLE) {
          printed.printf(
              "%d cells suppressed as small, %d to protect them.%n",
              m.suppression().cellsPrimary(), m.suppression().cellsComplementary());
        }
        if (m.epsilon() != null) {
          printed.printf("Spent epsilon %s.%n", m.epsilon().toPlainString());
        }
        for (Path file : result.files()) {
          printed.println(file);
        }
        return 0;
      }
    }
  }

  @Command(
      name = "import-ctdc",
      mixinStandardHelpOptions = true,
      description = {
        "Import a CTDC-format file (comma- or tab-separated UTF-8, full or 32-character column"
            + " names, -99 for missing) as a new reference dataset, kept apart from the victims"
            + " registered here. A bad value stops the import, storing nothing, and names its line"
            + " and column."
      })
  static final class ImportCtdc implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Option(
        names = "--dataset",
        required = true,
        paramLabel = "NAME",
        description = "Name of the new dataset: a-z, 0-9, '.', '_', '-'.")
    String dataset;

    @Parameters(paramLabel = "FILE", description = "The CTDC file.")
    Path file;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        ReferenceDatasets.Imported imported =
            context.getBean(ReferenceDatasets.class).importCtdc(dataset, file, ACTOR);
        spec.commandLine()
            .getOut()
            .printf(
                "Imported %d records into reference dataset %s.%n",
                imported.records(), imported.dataset());
        return 0;
      }
    }
  }

  @Command(
      name = "import-population",
      mixinStandardHelpOptions = true,
      description = {
        "Import resident population figures, the denominators of SDG indicator 16.2.2 (victims"
            + " per 100,000 population), from a UTF-8 CSV file with the header"
            + " region,year,sex,age_group,population: region an ISO 3166 code (XC or XC-01), sex"
            + " female, male or total, age_group child (under 18), adult or total, population a"
            + " positive whole number.",
        "A file with any bad row is refused whole, each problem named by its line; figures"
            + " already imported for the same region, year, sex and age group are replaced."
      })
  static final class ImportPopulation implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Parameters(paramLabel = "FILE", description = "The population CSV file.")
    Path file;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        Populations.Imported imported = context.getBean(Populations.class).importCsv(file, ACTOR);
        spec.commandLine()
            .getOut()
            .printf(
                "Imported %d population figures for %s, years %s.%n",
                imported.rows(), imported.regions(), imported.years());
        return 0;
      }
    }
  }

  @Command(
      name = "export-htcds",
      mixinStandardHelpOptions = true,
      description = {
        "Export the registered victims in the HTCDS 2.0 tabular layout for authorised data"
            + " sharing: one row per victim, pseudonymous ids (a keyed hash of the case id), no"
            + " names, dates of birth or contact details. The export is audited.",
        "Never overwrites an existing file."
      })
  static final class ExportHtcds implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE",
        description = "The file to write.")
    Path out;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        defaultValue = "csv",
        description = "csv (default) or xlsx.")
    String format;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      TableExport.Format f = TableExport.Format.parse(format);
      if (Files.exists(out)) {
        spec.commandLine().getErr().println(out + " already exists.");
        return 1;
      }
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of());
          OutputStream stream =
              Files.newOutputStream(out, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        // Every record committed before the export began (events republished at start included).
        context.getBean(PendingEvents.class).awaitDelivered();
        long rows = context.getBean(HtcdsExport.class).write(ACTOR, f, stream);
        spec.commandLine().getOut().printf("Exported %d HTCDS rows to %s.%n", rows, out);
        return 0;
      }
    }
  }
}
