package org.palermo.app.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.palermo.app.platform.EmbeddedDatabase;

/**
 * The embedded database of a data directory for a test to read: started on first use and kept
 * running until {@link #close()}, so that a class reading the same directory many times starts its
 * PostgreSQL server once, not once per query. A command run on the directory starts a server of its
 * own, so close this one first (reading again afterwards starts it anew and sees what the command
 * wrote).
 */
final class DataDirDatabase implements AutoCloseable {
  private final Path dir;
  private EmbeddedDatabase db;
  private Connection connection;

  DataDirDatabase(Path dir) {
    this.dir = dir;
  }

  /** A connection as the database owner, starting the server if it is not running. */
  Connection connection() throws SQLException {
    if (db == null) {
      db = EmbeddedDatabase.start(dir);
      connection = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }
    return connection;
  }

  /** The rows of a query, each as its columns' text followed by {@code |}. */
  List<String> rows(String sql) throws SQLException {
    return rows(connection(), sql);
  }

  static List<String> rows(Connection c, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(rs.getString(i)).append('|');
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  /** Stops the server (if running), leaving the directory free for a command. */
  @Override
  public void close() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot close the connection to " + dir, e);
    } finally {
      connection = null;
      if (db != null) {
        db.close();
        db = null;
      }
    }
  }
}
