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

/** Flyway owns the schema: every migration is applied to the embedded database. */
@PalermoIntegrationTest
class EmbeddedMigrationIT {
  @Autowired JdbcClient jdbc;

  static long migrationFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      return files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
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
}
