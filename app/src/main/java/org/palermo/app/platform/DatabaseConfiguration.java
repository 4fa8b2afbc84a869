package org.palermo.app.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database: an external PostgreSQL server when {@code palermo.database.url} is set, otherwise
 * the embedded server in the data directory. Flyway migrations (src/main/resources/db/migration)
 * own the schema in both cases.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  /** The data directory's lock; the CLI may already hold it and register it before start-up. */
  @Bean(destroyMethod = "")
  DataDirectoryLock dataDirectoryLock(PalermoProperties properties) {
    return DataDirectoryLock.acquire(properties.dataDir());
  }

  @Bean
  DataDirectoryCleanup dataDirectoryCleanup(PalermoProperties properties, DataDirectoryLock lock) {
    return new DataDirectoryCleanup(properties, lock);
  }

  @Bean(destroyMethod = "close")
  DatabaseServer databaseServer(PalermoProperties properties, DataDirectoryCleanup cleanup) {
    if (properties.externalDatabase()) {
      PalermoProperties.Database db = properties.database();
      return new DatabaseServer(db.url(), db.username(), db.password(), null);
    }
    EmbeddedDatabase embedded = EmbeddedDatabase.start(properties.dataDir());
    return new DatabaseServer(
        embedded.jdbcUrl(), embedded.username(), embedded.password(), embedded);
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(DatabaseServer server) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.jdbcUrl());
    config.setUsername(server.username());
    config.setPassword(server.password());
    config.setMaximumPoolSize(10);
    // Fail fast rather than hang when the server is gone (e.g. during shutdown).
    config.setConnectionTimeout(5_000);
    config.setPoolName("palermo");
    config.addDataSourceProperty("ApplicationName", "palermo");
    return new HikariDataSource(config);
  }

  /** The running database server: its coordinates and, when embedded, the server itself. */
  public record DatabaseServer(
      String jdbcUrl, String username, String password, EmbeddedDatabase embedded)
      implements AutoCloseable {
    @Override
    public void close() {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  /**
   * Releases the data directory lock last, and deletes throw-away data directories (tests) when the
   * context closes.
   */
  static final class DataDirectoryCleanup implements AutoCloseable {
    private final PalermoProperties properties;
    private final DataDirectoryLock lock;

    DataDirectoryCleanup(PalermoProperties properties, DataDirectoryLock lock) {
      this.properties = properties;
      this.lock = lock;
    }

    @Override
    public void close() throws IOException {
      lock.close();
      if (properties.deleteDataDirOnExit()) {
        Path dir = properties.dataDir();
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }
}
