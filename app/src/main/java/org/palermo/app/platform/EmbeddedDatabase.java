package org.palermo.app.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server kept in {@code <data-dir>/pg}. On its first start the data
 * directory is initialised, the superuser gets a random password kept in {@code
 * <data-dir>/pg-secret} (mode 600), and password authentication replaces the initial trust
 * authentication, so other local users of the machine cannot read the database.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  static final String DATABASE = "palermo";
  static final String SUPERUSER = "postgres";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;
  private final String password;

  private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
    this.postgres = postgres;
    this.password = password;
  }

  /** Starts (initialising on first use) the server for a data directory. */
  public static EmbeddedDatabase start(Path dataDir) {
    try {
      Path pgDir = dataDir.resolve("pg");
      String password = passwordFor(dataDir);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgDir)
              .setCleanDataDirectory(false)
              .setServerConfig("listen_addresses", "localhost")
              .setServerConfig("password_encryption", "scram-sha-256")
              // The library's default is off, which can lose the last committed transactions (audit
              // entries among them) if the machine stops; nothing committed may be lost.
              .setServerConfig("synchronous_commit", "on")
              // The library starts the postmaster with -F (fsync=off): an operating-system crash
              // or a power loss could then lose acknowledged writes or corrupt the cluster. The
              // -c options below come after -F on the command line, so they win.
              .setServerConfig("fsync", "on")
              .setServerConfig("full_page_writes", "on")
              .setLocaleConfig("locale", "C.UTF-8")
              .setConnectConfig("password", password)
              .setPGStartupWait(Duration.ofSeconds(60))
              // Spring stops the server (DatabaseServer#close) after the connection pool has
              // closed; the library's own JVM hook would stop it while Spring is still closing.
              .setRegisterShutdownHook(false)
              .start();
      EmbeddedDatabase database = new EmbeddedDatabase(postgres, password);
      database.harden(pgDir);
      database.createApplicationDatabase();
      log.info("Embedded PostgreSQL started on port {}", postgres.getPort());
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
    }
  }

  private static String passwordFor(Path dataDir) throws IOException {
    Path secret = dataDir.resolve("pg-secret");
    if (Files.exists(secret)) {
      return Files.readString(secret, StandardCharsets.US_ASCII).trim();
    }
    Files.createDirectories(dataDir);
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    String password = HexFormat.of().formatHex(bytes);
    Files.createFile(
        secret, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(secret, password, StandardCharsets.US_ASCII);
    return password;
  }

  /** Replaces trust authentication by SCRAM once the superuser has a password. */
  private void harden(Path pgDir) throws IOException {
    Path hba = pgDir.resolve("pg_hba.conf");
    String current = Files.readString(hba, StandardCharsets.UTF_8);
    if (!current.lines().anyMatch(l -> !l.startsWith("#") && l.contains("trust"))) {
      return;
    }
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'");
      Files.writeString(
          hba,
          String.join(
              "\n",
              "# Written by Palermo: password authentication only, loopback only.",
              "local all all scram-sha-256",
              "host all all 127.0.0.1/32 scram-sha-256",
              "host all all ::1/128 scram-sha-256",
              ""),
          StandardCharsets.UTF_8);
      Files.setPosixFilePermissions(hba, PosixFilePermissions.fromString("rw-------"));
      s.execute("SELECT pg_reload_conf()");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot secure the embedded PostgreSQL server", e);
    }
  }

  private void createApplicationDatabase() {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the Palermo database", e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
  }

  public String username() {
    return SUPERUSER;
  }

  public String password() {
    return password;
  }

  public int port() {
    return postgres.getPort();
  }

  /** A data source on the maintenance database, for tests and tools. */
  public DataSource maintenanceDataSource() {
    return postgres.getPostgresDatabase();
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
