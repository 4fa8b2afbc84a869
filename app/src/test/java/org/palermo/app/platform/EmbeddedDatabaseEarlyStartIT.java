package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL server is started on a thread of its own while the context is built
 * (issue 12 §6). Whatever happens to the context, no server is left running on the data directory,
 * and a server that cannot start fails the start-up with the error it always gave.
 */
class EmbeddedDatabaseEarlyStartIT {
  @TempDir Path dataDir;

  private boolean running() {
    return Files.exists(dataDir.resolve("pg").resolve("postmaster.pid"));
  }

  @Test
  void a_server_no_database_bean_took_over_is_stopped_when_the_context_closes() {
    DatabaseConfiguration.EmbeddedStart start = DatabaseConfiguration.EmbeddedStart.begin(dataDir);

    start.destroy(); // what a context that failed before the DatabaseServer bean does

    assertThat(dataDir.resolve("pg").resolve("PG_VERSION")).exists(); // it had started
    assertThat(running()).isFalse();
  }

  @Test
  void a_server_taken_by_the_database_bean_is_stopped_by_that_bean_only() {
    DatabaseConfiguration.EmbeddedStart start = DatabaseConfiguration.EmbeddedStart.begin(dataDir);
    EmbeddedDatabase database = start.take();
    try {
      start.destroy();
      assertThat(running()).isTrue();
      assertThat(database.jdbcUrl()).contains("localhost:" + database.port());
    } finally {
      database.close();
    }
    assertThat(running()).isFalse();
  }

  @Test
  void a_server_that_cannot_start_fails_with_the_error_of_a_start_on_the_main_thread()
      throws Exception {
    Path notADirectory = Files.createFile(dataDir.resolve("plain-file"));
    DatabaseConfiguration.EmbeddedStart start =
        DatabaseConfiguration.EmbeddedStart.begin(notADirectory);

    assertThatThrownBy(start::take).isInstanceOf(UncheckedIOException.class);
    start.destroy(); // nothing to stop, and no error
  }
}
