package org.palermo.app.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The database: an external PostgreSQL server when {@code palermo.database.url} is set, otherwise
 * the embedded server in the data directory. Flyway migrations (src/main/resources/db/migration)
 * own the schema in both cases; they run as the owner role, the application serves as the runtime
 * role ({@link DatabaseServer}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  /**
   * The data directory's lock. With the embedded server, {@link #embeddedDatabaseEarlyStart} takes
   * it and registers it under this bean's name before any bean is made, so this method then never
   * runs.
   */
  @Bean(destroyMethod = "")
  DataDirectoryLock dataDirectoryLock(PalermoProperties properties) {
    return DataDirectoryLock.acquire(properties.dataDir());
  }

  @Bean
  DataDirectoryCleanup dataDirectoryCleanup(PalermoProperties properties, DataDirectoryLock lock) {
    return new DataDirectoryCleanup(properties, lock);
  }

  /**
   * Starts the embedded PostgreSQL server on a thread of its own as soon as the bean definitions
   * are read, so that it comes up while the rest of the context is built (issue 12 §6: start-up);
   * {@link #databaseServer} waits for it. The data directory is locked first, on the calling
   * thread, as the {@code dataDirectoryLock} bean would have been; nothing of this runs with an
   * external database.
   */
  @Bean
  static BeanFactoryPostProcessor embeddedDatabaseEarlyStart(Environment environment) {
    return beanFactory -> {
      Binder binder = Binder.get(environment);
      PalermoProperties where =
          new PalermoProperties(
              binder.bind("palermo.data-dir", java.nio.file.Path.class).orElse(null),
              false,
              new PalermoProperties.Database(
                  binder.bind("palermo.database.url", String.class).orElse(null), null, null, null),
              null,
              false);
      if (where.externalDatabase()) {
        return;
      }
      beanFactory.registerSingleton(
          "dataDirectoryLock", DataDirectoryLock.acquire(where.dataDir()));
      EmbeddedStart start = EmbeddedStart.begin(where.dataDir());
      beanFactory.registerSingleton(EmbeddedStart.BEAN, start);
      if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
        // Stops a server that no DatabaseServer took over (the context failed before it).
        registry.registerDisposableBean(EmbeddedStart.BEAN, start);
      }
    };
  }

  @Bean(destroyMethod = "close")
  DatabaseServer databaseServer(
      PalermoProperties properties,
      DataDirectoryCleanup cleanup,
      ObjectProvider<EmbeddedStart> early) {
    if (properties.externalDatabase()) {
      PalermoProperties.Database db = properties.database();
      DatabaseServer.Credentials runtime =
          new DatabaseServer.Credentials(db.username(), db.password());
      DatabaseServer.Credentials owner =
          db.separateOwner()
              ? new DatabaseServer.Credentials(db.owner().username(), db.owner().password())
              : runtime;
      return new DatabaseServer(db.url(), owner, runtime, null);
    }
    EmbeddedStart start = early.getIfAvailable();
    EmbeddedDatabase embedded =
        start != null ? start.take() : EmbeddedDatabase.start(properties.dataDir());
    return new DatabaseServer(
        embedded.jdbcUrl(),
        new DatabaseServer.Credentials(embedded.username(), embedded.password()),
        new DatabaseServer.Credentials(embedded.runtimeUsername(), embedded.runtimePassword()),
        embedded);
  }

  /**
   * Flyway migrates as the owner (issue 11, item 6), with a connection of its own that it closes
   * when done; the application's pools below use the runtime role.
   */
  @Bean
  FlywayConfigurationCustomizer migrateAsOwner(DatabaseServer server) {
    return configuration ->
        configuration.dataSource(
            server.jdbcUrl(), server.owner().username(), server.owner().password());
  }

  /** Grants the runtime role its privileges after every migration (issue 11, item 6). */
  @Bean
  RuntimeGrants runtimeGrants(DatabaseServer server) {
    return new RuntimeGrants(server);
  }

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(DatabaseServer server) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.jdbcUrl());
    config.setUsername(server.runtime().username());
    config.setPassword(server.runtime().password());
    config.setMaximumPoolSize(10);
    // Two connections kept open when idle rather than ten (issue 12 §6: memory): each one is a
    // PostgreSQL backend process; the pool still grows to ten under load and shrinks back after
    // Hikari's idle timeout (10 minutes).
    config.setMinimumIdle(2);
    // A request waits in line for a connection rather than fail: with more concurrent writers
    // than connections (issue 11, item 4) a 5 s limit answered 500 on a busy machine although
    // nothing was wrong. Bounded by the statements' own timeout
    // (spring.jdbc.template.query-timeout).
    // A closed pool (shutdown) still fails at once.
    config.setConnectionTimeout(30_000);
    config.setPoolName("palermo");
    config.addDataSourceProperty("ApplicationName", "palermo");
    return new HikariDataSource(config);
  }

  /**
   * The audit trail's own small pool (issue 11, item 4). An audit entry is appended in a
   * transaction of its own, so that it stays recorded when the business transaction rolls back (a
   * DENIED read, a failed write); taking that second connection from the main pool while the
   * request already holds one exhausted the pool under load (20 concurrent writes on 10 connections
   * waited on each other until the 5 s timeout). The audit pool is never held while a main
   * connection is awaited, so no request can wait on itself; appends are serialised by the chain's
   * lock anyway, so four connections keep the database busy without more backends.
   */
  @Bean(destroyMethod = "close")
  AuditConnections auditConnections(DatabaseServer server) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.jdbcUrl());
    config.setUsername(server.runtime().username());
    config.setPassword(server.runtime().password());
    config.setMaximumPoolSize(AuditConnections.SIZE);
    config.setMinimumIdle(1);
    // Appends are short; a caller waits for its turn rather than fail (bounded all the same).
    config.setConnectionTimeout(30_000);
    config.setPoolName("palermo-audit");
    config.addDataSourceProperty("ApplicationName", "palermo-audit");
    return new AuditConnections(new HikariDataSource(config));
  }

  /**
   * The embedded server being started on its own thread (issue 12 §6). {@link #take} hands it to
   * the {@link DatabaseServer}, which stops it; one never taken is stopped when the context closes.
   */
  static final class EmbeddedStart implements DisposableBean {
    static final String BEAN = "palermoEmbeddedDatabaseStart";
    private final CompletableFuture<EmbeddedDatabase> started;
    private boolean taken;

    private EmbeddedStart(CompletableFuture<EmbeddedDatabase> started) {
      this.started = started;
    }

    static EmbeddedStart begin(Path dataDir) {
      CompletableFuture<EmbeddedDatabase> started = new CompletableFuture<>();
      Thread thread =
          new Thread(
              () -> {
                try {
                  started.complete(EmbeddedDatabase.start(dataDir));
                } catch (Throwable e) {
                  started.completeExceptionally(e);
                }
              },
              "palermo-database-start");
      thread.setDaemon(true);
      thread.start();
      return new EmbeddedStart(started);
    }

    /** Waits for the server; its start-up failure is thrown as it was. */
    synchronized EmbeddedDatabase take() {
      try {
        EmbeddedDatabase database = started.join();
        taken = true;
        return database;
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw e;
      }
    }

    @Override
    public synchronized void destroy() {
      if (taken) {
        return;
      }
      try {
        started.join().close();
      } catch (CompletionException failed) {
        // It never started: nothing to stop.
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
