package org.palermo.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the data lives: shared by every command that opens the database. */
final class DataOptions {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Data directory (embedded database, secrets). Default: ~/.palermo")
  Path dataDir;

  @Option(
      names = "--database-url",
      paramLabel = "URL",
      description =
          "JDBC URL of an external PostgreSQL server instead of the embedded one. Also read from"
              + " PALERMO_DATABASE_URL, with PALERMO_DATABASE_USERNAME and"
              + " PALERMO_DATABASE_PASSWORD.")
  String databaseUrl;

  Path dataDirOrDefault() {
    Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".palermo");
    return dir.toAbsolutePath().normalize();
  }
}
