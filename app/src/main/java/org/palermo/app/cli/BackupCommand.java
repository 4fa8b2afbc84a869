package org.palermo.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.DatabaseServer;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.crypto.KeyRing;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Backup and restore of the database (docs/operations.md, "Backup and restore"; ASVS 8.1.5). */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Backup and restore of the database: one file with every table, its row counts and"
          + " checksums. Sealed values stay sealed; the master key (<data-dir>/keys or"
          + " PALERMO_MASTER_KEY) is NOT in the backup: back it up separately, a restore needs it."
    },
    subcommands = {BackupCommand.Create.class, BackupCommand.Restore.class})
final class BackupCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static String operator() {
    return "cli:" + System.getProperty("user.name", "operator");
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Write a backup of the database to FILE (mode 600): every table of the schema as one"
            + " consistent snapshot, with a manifest (schema version, row counts, SHA-256 of each"
            + " table). Needs the server stopped when the database is embedded. The backup is"
            + " audited (and holds its own audit entry)."
      })
  static final class Create implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();
    @Spec CommandSpec spec;

    @Option(
        names = "--file",
        required = true,
        paramLabel = "FILE",
        description = "The backup file to write (replaced if it exists).")
    Path file;

    @Override
    public Integer call() throws Exception {
      Path target = file.toAbsolutePath().normalize();
      if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
        throw new PalermoException(
            ErrorCode.VALIDATION_FAILED, "The folder of " + target + " does not exist.");
      }
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        context
            .getBean(AuditLog.class)
            .record(
                new AuditEntry(
                    operator(),
                    null,
                    "backup.create",
                    "database",
                    AuditEntry.Outcome.SUCCESS,
                    "logical backup"));
        DatabaseBackup.Manifest m =
            DatabaseBackup.create(
                // As the owner (issue 11, item 6): a backup reads every table and sequence.
                context.getBean(DatabaseServer.class).ownerDataSource(),
                target,
                context.getBean(Clock.class).instant());
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
            "Backup written to %s: schema version %s, %d tables, %d rows.%n",
            target, m.schemaVersion(), m.tables().size(), m.rows());
        out.println(
            "The master key is not in the backup: keep a copy of <data-dir>/keys (or of"
                + " PALERMO_MASTER_KEY) apart from it; a restore needs it.");
        return 0;
      }
    }
  }

  @Command(
      name = "restore",
      mixinStandardHelpOptions = true,
      description = {
        "Restore a backup into a NEW data directory (or an empty external database): checks"
            + " every checksum first, migrates the database to the backup's schema version, loads"
            + " every table in one transaction and checks the row counts; on any error nothing is"
            + " restored. Refuses a database that holds audit entries, users or cases.",
        "The master key must be there first: copy the backed-up keys directory into the new data"
            + " directory, or set PALERMO_MASTER_KEY. Then 'palermo audit verify'."
      })
  static final class Restore implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();
    @Spec CommandSpec spec;

    @Option(
        names = "--file",
        required = true,
        paramLabel = "FILE",
        description = "The backup file to restore.")
    Path file;

    @Override
    public Integer call() throws Exception {
      Launch.checkDataDirFree(data);
      if (!Files.isRegularFile(file)) {
        throw new PalermoException(ErrorCode.VALIDATION_FAILED, "No backup file " + file + ".");
      }
      DatabaseBackup.Manifest manifest = DatabaseBackup.verify(file);
      String latest = DatabaseBackup.latestMigration();
      if (org.flywaydb.core.api.MigrationVersion.fromVersion(manifest.schemaVersion())
              .compareTo(org.flywaydb.core.api.MigrationVersion.fromVersion(latest))
          > 0) {
        throw new PalermoException(
            ErrorCode.VALIDATION_FAILED,
            "The backup is at schema version "
                + manifest.schemaVersion()
                + ", newer than this Palermo's ("
                + latest
                + "): restore it with the version that made it. Nothing was restored.");
      }
      boolean keyFromEnvironment =
          !System.getProperty("palermo.master-key", "").isBlank()
              || !System.getenv().getOrDefault("PALERMO_MASTER_KEY", "").isBlank();
      Path keyFile = data.dataDirOrDefault().resolve("keys").resolve("master.key");
      if (!keyFromEnvironment && !manifest.masterKeyIds().isEmpty() && !Files.exists(keyFile)) {
        // Starting would create a new master key that cannot open the backup's data keys.
        throw new PalermoException(
            ErrorCode.VALIDATION_FAILED,
            "No master key: copy the backed-up keys directory to "
                + keyFile.getParent()
                + " or set PALERMO_MASTER_KEY, then restore again. Nothing was restored.");
      }
      try (ConfigurableApplicationContext context =
          Launch.start(data, false, Map.of("spring.flyway.target", manifest.schemaVersion()))) {
        Set<String> missing = new TreeSet<>(manifest.masterKeyIds());
        missing.removeAll(context.getBean(KeyRing.class).ids());
        if (!missing.isEmpty()) {
          throw new PalermoException(
              ErrorCode.VALIDATION_FAILED,
              "The backup's data keys are wrapped by master key(s) "
                  + missing
                  + " that are not given: copy the backed-up keys directory or set"
                  + " PALERMO_MASTER_KEY (and PALERMO_MASTER_KEY_PREVIOUS). Nothing was restored.");
        }
        // As the owner (issue 11, item 6): a restore empties the tables, loads them with the
        // triggers off (session_replication_role) and sets the sequences, none of which the
        // runtime role the application serves with may do. The command line only, never a request.
        DataSource dataSource = context.getBean(DatabaseServer.class).ownerDataSource();
        long inUse = DatabaseBackup.rowsInUse(dataSource);
        if (inUse > 0) {
          throw new PalermoException(
              ErrorCode.VALIDATION_FAILED,
              "The target database is not empty (it holds audit entries, users or cases):"
                  + " restore into a new data directory or an empty database. Nothing was"
                  + " restored.");
        }
        try {
          DatabaseBackup.restore(dataSource, file, manifest);
        } catch (java.sql.SQLException e) {
          // The first line only: the server's context lines could quote a row.
          String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
          throw new PalermoException(
              ErrorCode.VALIDATION_FAILED,
              "The restore failed and was rolled back, nothing was restored: " + why);
        }
        context
            .getBean(AuditLog.class)
            .record(
                new AuditEntry(
                    operator(),
                    null,
                    "backup.restore",
                    "database",
                    AuditEntry.Outcome.SUCCESS,
                    "schema version "
                        + manifest.schemaVersion()
                        + ", "
                        + manifest.tables().size()
                        + " tables, "
                        + manifest.rows()
                        + " rows, backup of "
                        + manifest.created()));
        spec.commandLine()
            .getOut()
            .printf(
                "Restored %d tables (%d rows) at schema version %s. Check it with 'palermo audit"
                    + " verify'; the next start migrates to this version's schema.%n",
                manifest.tables().size(), manifest.rows(), manifest.schemaVersion());
        return 0;
      }
    }
  }
}
