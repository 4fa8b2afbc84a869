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
 *
 * <p>Two roles (issue 11, item 6): the superuser {@value #SUPERUSER} owns the database, the schema
 * and every table; Flyway migrates with it at start-up and {@code palermo backup create|restore}
 * use it. The application serves as {@value #RUNTIME}, created here on every start if it is missing
 * (so data directories made before it existed upgrade on their first start): login, nothing else
 * (no superuser, no CREATEDB/CREATEROLE, owns nothing), with its own random password in {@code
 * <data-dir>/pg-app-secret} (mode 600). Its table privileges are granted after each migration by
 * {@link RuntimeGrants}. Both authenticate with SCRAM over loopback TCP, as before: the library
 * reaches the server over TCP, and trust or peer authentication on the socket would let any local
 * process of the same operating-system user in without a secret.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  static final String DATABASE = "palermo";
  static final String SUPERUSER = "postgres";

  /** The role the application serves with (issue 11, item 6). */
  public static final String RUNTIME = "palermo_app";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;
  private final String password;
  private final String runtimePassword;

  private EmbeddedDatabase(EmbeddedPostgres postgres, String password, String runtimePassword) {
    this.postgres = postgres;
    this.password = password;
    this.runtimePassword = runtimePassword;
  }

  /** Starts (initialising on first use) the server for a data directory. */
  public static EmbeddedDatabase start(Path dataDir) {
    try {
      Path pgDir = dataDir.resolve("pg");
      String password = secret(dataDir, "pg-secret");
      String runtimePassword = secret(dataDir, "pg-app-secret");
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
      EmbeddedDatabase database = new EmbeddedDatabase(postgres, password, runtimePassword);
      database.harden(pgDir);
      database.createApplicationDatabase();
      database.createRuntimeRole();
      log.info("Embedded PostgreSQL started on port {}", postgres.getPort());
      return database;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
    }
  }

  /** A role's password, kept in a file of the data directory readable by its owner only. */
  private static String secret(Path dataDir, String name) throws IOException {
    Path secret = dataDir.resolve(name);
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

  /**
   * Creates the runtime role if it is missing (a data directory made by an older version) and sets
   * its password and attributes to what this data directory says; idempotent. Table privileges are
   * granted after the migrations ({@link RuntimeGrants}), since the tables may not exist yet.
   */
  private void createRuntimeRole() {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      boolean exists;
      try (ResultSet rs =
          s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + RUNTIME + "'")) {
        exists = rs.next();
      }
      // The password is hexadecimal (secret above): nothing to quote.
      String attributes =
          " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD '"
              + runtimePassword
              + "'";
      if (!exists) {
        s.execute("CREATE ROLE " + RUNTIME + attributes);
        log.info("Created the runtime database role {}", RUNTIME);
      } else {
        s.execute("ALTER ROLE " + RUNTIME + attributes);
      }
      s.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + RUNTIME);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the runtime database role", e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
  }

  /** The owner (superuser): migrations, backup and restore, tests that must bypass the rules. */
  public String username() {
    return SUPERUSER;
  }

  /** The owner's password. */
  public String password() {
    return password;
  }

  /** The role the application serves with. */
  public String runtimeUsername() {
    return RUNTIME;
  }

  /** The runtime role's password. */
  public String runtimePassword() {
    return runtimePassword;
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
