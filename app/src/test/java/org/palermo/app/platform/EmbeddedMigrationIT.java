package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Flyway owns the schema: every migration is applied to the embedded database, which is durable.
 */
@PalermoIntegrationTest
class EmbeddedMigrationIT {
  @Autowired JdbcClient jdbc;

  static long migrationFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      return files
          .filter(f -> f.getFileName().toString().matches("V\\d+(_\\d+)*__.+\\.sql"))
          .count();
    }
  }

  @Test
  void every_migration_is_applied_successfully() throws IOException {
    long applied =
        jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL")
            .query(Long.class)
            .single();
    assertThat(applied).isEqualTo(migrationFiles()).isPositive();
    assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
  }

  @Test
  void a_committed_transaction_waits_for_its_write_ahead_log_to_reach_the_disk() {
    // zonky's default is off: the last commits (audit entries too) could be lost if the machine
    // stopped. EmbeddedDatabase turns it on.
    assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
  }

  @Test
  void the_server_flushes_its_writes_to_the_disk_and_survives_a_torn_page() {
    // zonky starts the postmaster with -F (fsync=off): an operating-system crash or a power loss
    // could lose acknowledged writes (audit entries among them) or corrupt the cluster.
    assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
    assertThat(jdbc.sql("SHOW full_page_writes").query(String.class).single()).isEqualTo("on");
  }
}
