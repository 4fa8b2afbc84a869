package org.palermo.app.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.palermo.app.platform.DatabaseServer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One started application on a data directory for the many commands a test class runs there ({@code
 * Launch.share}, issue #12 §5): each command run with {@link CliRun} in this JVM uses it instead of
 * starting Spring and the embedded PostgreSQL again, with the same options a command starts with;
 * the test reads the database through the same server, as its owner, as {@link DataDirDatabase}
 * does. Commands that start differently (serve, demo seed, restore) still start their own, so close
 * this first for them.
 */
public final class SharedCommandContext implements AutoCloseable {
  private final ConfigurableApplicationContext context;
  private Connection connection;

  private SharedCommandContext(ConfigurableApplicationContext context) {
    this.context = context;
  }

  /** Starts the application on the directory and lends it to the commands run on it. */
  public static SharedCommandContext on(Path dataDir) {
    return new SharedCommandContext(Launch.share(dataDir));
  }

  /** The rows of a query as the database owner, each as its columns' text followed by {@code |}. */
  public List<String> rows(String sql) throws SQLException {
    if (connection == null) {
      DatabaseServer server = context.getBean(DatabaseServer.class);
      connection =
          DriverManager.getConnection(
              server.jdbcUrl(), server.owner().username(), server.owner().password());
    }
    return DataDirDatabase.rows(connection, sql);
  }

  /** Stops the application (and its database); commands start their own again. */
  @Override
  public void close() throws SQLException {
    try {
      if (connection != null) {
        connection.close();
      }
    } finally {
      connection = null;
      context.close();
    }
  }
}
