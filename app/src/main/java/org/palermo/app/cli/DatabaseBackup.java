package org.palermo.app.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A logical backup of the database (OWASP ASVS 8.1.5/8.1.6; docs/operations.md, "Backup and
 * restore"): one zip file holding a manifest (format, Flyway schema version, every table of the
 * {@code public} schema read from the catalog with its columns, row count and SHA-256, every
 * sequence's value, the ids of the master keys that wrap the data keys) and each table as
 * PostgreSQL binary {@code COPY}. It holds only what the database holds: sealed values stay sealed
 * and the master key is not in it. The snapshot is one {@code REPEATABLE READ READ ONLY}
 * transaction, so it is consistent even on an external database in use.
 */
final class DatabaseBackup {
  static final String FORMAT = "palermo-backup-1";
  static final String MANIFEST = "manifest.properties";
  private static final String FLYWAY = "flyway_schema_history";

  private DatabaseBackup() {}

  /** What a backup holds, as its manifest says. */
  record Manifest(
      String schemaVersion,
      List<Table> tables,
      Map<String, SequenceValue> sequences,
      Set<String> masterKeyIds,
      String created) {

    long rows() {
      return tables.stream().mapToLong(Table::rows).sum();
    }

    String write() {
      Properties p = new Properties();
      p.setProperty("format", FORMAT);
      p.setProperty("created", created);
      p.setProperty("schema.version", schemaVersion);
      p.setProperty("tables", String.join(",", tables.stream().map(Table::name).toList()));
      for (Table t : tables) {
        p.setProperty("table." + t.name() + ".columns", String.join(",", t.columns()));
        p.setProperty("table." + t.name() + ".rows", Long.toString(t.rows()));
        p.setProperty("table." + t.name() + ".sha256", t.sha256());
      }
      p.setProperty("sequences", String.join(",", sequences.keySet()));
      sequences.forEach(
          (name, v) -> p.setProperty("sequence." + name, v.lastValue() + "," + v.isCalled()));
      p.setProperty("master-keys", String.join(",", masterKeyIds));
      StringWriter w = new StringWriter();
      try {
        p.store(w, "Palermo backup: the master key is NOT in this file");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return w.toString();
    }

    static Manifest read(String text) {
      Properties p = new Properties();
      try {
        p.load(new StringReader(text));
      } catch (IOException | IllegalArgumentException e) {
        throw damaged("the manifest cannot be read");
      }
      if (!FORMAT.equals(p.getProperty("format"))) {
        throw damaged("not a Palermo backup (format " + p.getProperty("format") + ")");
      }
      List<Table> tables = new ArrayList<>();
      for (String name : split(required(p, "tables"))) {
        tables.add(
            new Table(
                name,
                split(required(p, "table." + name + ".columns")),
                parseLong(required(p, "table." + name + ".rows")),
                required(p, "table." + name + ".sha256")));
      }
      Map<String, SequenceValue> sequences = new LinkedHashMap<>();
      for (String name : split(p.getProperty("sequences", ""))) {
        String[] v = required(p, "sequence." + name).split(",");
        sequences.put(name, new SequenceValue(parseLong(v[0]), Boolean.parseBoolean(v[1])));
      }
      return new Manifest(
          required(p, "schema.version"),
          tables,
          sequences,
          new TreeSet<>(split(p.getProperty("master-keys", ""))),
          p.getProperty("created", ""));
    }

    private static String required(Properties p, String key) {
      String v = p.getProperty(key);
      if (v == null) {
        throw damaged("the manifest has no " + key);
      }
      return v;
    }

    private static long parseLong(String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        throw damaged("the manifest holds a bad number");
      }
    }

    private static List<String> split(String s) {
      return s.isBlank() ? List.of() : List.of(s.split(","));
    }
  }

  /** One table of the backup. */
  record Table(String name, List<String> columns, long rows, String sha256) {
    String entry() {
      return "tables/" + name + ".copy";
    }

    String columnList() {
      return String.join(", ", columns.stream().map(DatabaseBackup::quote).toList());
    }
  }

  /** A sequence's state, as {@code setval(seq, lastValue, isCalled)} restores it. */
  record SequenceValue(long lastValue, boolean isCalled) {}

  /** Writes a backup of the database to {@code file} (created with mode 600). */
  static Manifest create(DataSource dataSource, Path file, Instant now) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".part");
    Files.deleteIfExists(tmp);
    Files.createFile(
        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      Manifest manifest;
      try (OutputStream out = Files.newOutputStream(tmp);
          ZipOutputStream zip = new ZipOutputStream(out)) {
        String version = schemaVersion(c);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        List<Table> tables = new ArrayList<>();
        for (String name : tables(c)) {
          List<String> columns = columns(c, name);
          MessageDigest sha = sha256();
          zip.putNextEntry(new ZipEntry("tables/" + name + ".copy"));
          DigestOutputStream digest = new DigestOutputStream(nonClosing(zip), sha);
          long rows =
              copy.copyOut(
                  "COPY public."
                      + quote(name)
                      + " ("
                      + String.join(", ", columns.stream().map(DatabaseBackup::quote).toList())
                      + ") TO STDOUT (FORMAT binary)",
                  digest);
          digest.flush();
          zip.closeEntry();
          tables.add(new Table(name, columns, rows, HexFormat.of().formatHex(sha.digest())));
        }
        manifest =
            new Manifest(version, tables, sequences(c), masterKeyIds(c, tables), now.toString());
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(manifest.write().getBytes(StandardCharsets.ISO_8859_1));
        zip.closeEntry();
      }
      c.commit();
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return manifest;
    } catch (SQLException e) {
      throw new IllegalStateException("Backup failed: " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * Reads the backup's manifest and checks every table's row data against its SHA-256, so that a
   * damaged file is refused before anything is changed.
   */
  static Manifest verify(Path file) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Manifest manifest = manifest(zip);
      Set<String> expected = new TreeSet<>();
      expected.add(MANIFEST);
      for (Table t : manifest.tables()) {
        expected.add(t.entry());
        ZipEntry entry = zip.getEntry(t.entry());
        if (entry == null) {
          throw damaged("table " + t.name() + " is missing");
        }
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(zip.getInputStream(entry), sha)) {
          in.transferTo(OutputStream.nullOutputStream());
        }
        if (!HexFormat.of().formatHex(sha.digest()).equals(t.sha256())) {
          throw damaged("the checksum of table " + t.name() + " does not match");
        }
      }
      Set<String> actual = new TreeSet<>();
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        actual.add(e.nextElement().getName());
      }
      if (!actual.equals(expected)) {
        throw damaged("it holds entries its manifest does not list");
      }
      return manifest;
    } catch (IOException e) {
      throw damaged(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  /**
   * The rows of the target database that show it is in use: audit entries, user accounts, cases. A
   * freshly migrated database has none (the migrations only fill reference tables).
   */
  static long rowsInUse(DataSource dataSource) throws SQLException {
    long total = 0;
    try (Connection c = dataSource.getConnection()) {
      Set<String> present = new TreeSet<>(tables(c));
      for (String t : List.of("audit_event", "app_user", "agency", "case_file", "person")) {
        if (present.contains(t)) {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT count(*) FROM public." + quote(t))) {
            rs.next();
            total += rs.getLong(1);
          }
        }
      }
    }
    return total;
  }

  /**
   * Loads a verified backup into a database migrated to the manifest's schema version, in one
   * transaction: triggers are off while loading ({@code session_replication_role = replica}, so the
   * append-only audit triggers and the derived-table triggers do not fire; the rows come as they
   * were), the rows the migrations inserted are replaced, sequences are set, and every table's row
   * count and checksum are checked. Any mismatch rolls everything back.
   */
  static void restore(DataSource dataSource, Path file, Manifest manifest)
      throws SQLException, IOException {
    try (Connection c = dataSource.getConnection();
        ZipFile zip = new ZipFile(file.toFile())) {
      String version = schemaVersion(c);
      if (!version.equals(manifest.schemaVersion())) {
        throw new PalermoException(
            ErrorCode.VALIDATION_FAILED,
            "The target database is at schema version "
                + version
                + " but the backup is at "
                + manifest.schemaVersion()
                + ": restore with the Palermo version that made the backup.");
      }
      Set<String> present = new TreeSet<>(tables(c));
      Set<String> inBackup = new TreeSet<>(manifest.tables().stream().map(Table::name).toList());
      if (!present.equals(inBackup)) {
        throw new PalermoException(
            ErrorCode.VALIDATION_FAILED,
            "The target database's tables differ from the backup's: " + present + " / " + inBackup);
      }
      c.setAutoCommit(false);
      try {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        try (Statement s = c.createStatement()) {
          s.execute("SET LOCAL session_replication_role = replica");
          if (!inBackup.isEmpty()) {
            s.execute(
                "TRUNCATE "
                    + String.join(", ", inBackup.stream().map(t -> "public." + quote(t)).toList()));
          }
        }
        for (Table t : manifest.tables()) {
          MessageDigest sha = sha256();
          long rows;
          try (InputStream in =
              new DigestInputStream(
                  new BufferedInputStream(zip.getInputStream(zip.getEntry(t.entry()))), sha)) {
            rows =
                copy.copyIn(
                    "COPY public."
                        + quote(t.name())
                        + " ("
                        + t.columnList()
                        + ") FROM STDIN (FORMAT binary)",
                    in);
          }
          if (rows != t.rows() || !HexFormat.of().formatHex(sha.digest()).equals(t.sha256())) {
            throw damaged("table " + t.name() + " does not match its manifest");
          }
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT count(*) FROM public." + quote(t.name()))) {
            rs.next();
            if (rs.getLong(1) != t.rows()) {
              throw damaged("table " + t.name() + " has not the manifest's row count");
            }
          }
        }
        for (Map.Entry<String, SequenceValue> seq : manifest.sequences().entrySet()) {
          try (var ps = c.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
            ps.setString(1, "public." + quote(seq.getKey()));
            ps.setLong(2, seq.getValue().lastValue());
            ps.setBoolean(3, seq.getValue().isCalled());
            ps.execute();
          }
        }
        c.commit();
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  /** The highest schema version among this build's migrations (classpath db/migration). */
  static String latestMigration() throws IOException {
    org.flywaydb.core.api.MigrationVersion latest = org.flywaydb.core.api.MigrationVersion.EMPTY;
    var resolver = new org.springframework.core.io.support.PathMatchingResourcePatternResolver();
    for (var r : resolver.getResources("classpath*:db/migration/V*__*.sql")) {
      String name = r.getFilename();
      var v =
          org.flywaydb.core.api.MigrationVersion.fromVersion(
              name.substring(1, name.indexOf("__")).replace('_', '.'));
      if (v.compareTo(latest) > 0) {
        latest = v;
      }
    }
    return latest.getVersion();
  }

  private static Manifest manifest(ZipFile zip) throws IOException {
    ZipEntry entry = zip.getEntry(MANIFEST);
    if (entry == null) {
      throw damaged("it has no manifest");
    }
    try (InputStream in = zip.getInputStream(entry)) {
      return Manifest.read(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
    }
  }

  static PalermoException damaged(String why) {
    return new PalermoException(
        ErrorCode.VALIDATION_FAILED,
        "The backup file is damaged or not a Palermo backup (" + why + "); nothing was restored.");
  }

  private static String schemaVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version FROM public."
                    + FLYWAY
                    + " WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC"
                    + " LIMIT 1")) {
      if (!rs.next()) {
        throw new IllegalStateException("The database has no Flyway schema version");
      }
      return rs.getString(1);
    }
  }

  /** Every table of the public schema but Flyway's history, from the catalog. */
  private static List<String> tables(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '"
                    + FLYWAY
                    + "' ORDER BY tablename")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  /** A table's stored columns in order (generated columns are recomputed, not copied). */
  private static List<String> columns(Connection c, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (var ps =
        c.prepareStatement(
            "SELECT attname FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0"
                + " AND NOT attisdropped AND attgenerated = '' ORDER BY attnum")) {
      ps.setString(1, "public." + quote(table));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  private static Map<String, SequenceValue> sequences(Connection c) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT sequencename FROM pg_sequences WHERE schemaname = 'public'"
                    + " ORDER BY sequencename")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    Map<String, SequenceValue> values = new LinkedHashMap<>();
    for (String name : names) {
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery("SELECT last_value, is_called FROM public." + quote(name))) {
        rs.next();
        values.put(name, new SequenceValue(rs.getLong(1), rs.getBoolean(2)));
      }
    }
    return values;
  }

  private static Set<String> masterKeyIds(Connection c, List<Table> tables) throws SQLException {
    Set<String> ids = new TreeSet<>();
    if (tables.stream().noneMatch(t -> t.name().equals("data_key"))) {
      return ids;
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT DISTINCT master_key_id FROM public.data_key")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
