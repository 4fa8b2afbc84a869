package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoApplication;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same application on an external PostgreSQL server (Debian's postgresql package, started by
 * .ci/run, which sets PALERMO_TEST_DATABASE_URL/_USERNAME/_PASSWORD and
 * PALERMO_REQUIRE_EXTERNAL_DATABASE=true). Without a server it is reported as skipped with {@code
 * -Dskip.e2e=true} and otherwise fails, as the browser tests do.
 */
class ExternalDatabaseIT {

  @Test
  void migrates_and_serves_from_an_external_postgresql() throws Exception {
    String url = System.getenv("PALERMO_TEST_DATABASE_URL");
    if (url == null || url.isBlank()) {
      if ("true".equals(System.getenv("PALERMO_REQUIRE_EXTERNAL_DATABASE"))) {
        fail("PALERMO_TEST_DATABASE_URL is not set but an external database is required");
      }
      // Like the browser tests, it needs what .ci/run installs; only -Dskip.e2e=true skips it (a
      // skip not asked for fails the build: tools/NoUnaskedSkips.java).
      if (!"true".equalsIgnoreCase(System.getProperty("skip.e2e"))) {
        fail(
            "No external PostgreSQL configured (PALERMO_TEST_DATABASE_URL): run .ci/run, set"
                + " PALERMO_TEST_DATABASE_URL/_USERNAME/_PASSWORD, or skip this test with"
                + " -Dskip.e2e=true");
      }
      Assumptions.abort("No external PostgreSQL configured: skipped with -Dskip.e2e=true");
    }
    Path dataDir = Files.createTempDirectory("palermo-external-");
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(PalermoApplication.class)
            .web(WebApplicationType.NONE)
            .run(
                "--palermo.data-dir=" + dataDir,
                "--palermo.delete-data-dir-on-exit=true",
                "--palermo.database.url=" + url,
                "--palermo.database.username=" + System.getenv("PALERMO_TEST_DATABASE_USERNAME"),
                "--palermo.database.password=" + System.getenv("PALERMO_TEST_DATABASE_PASSWORD"),
                "--logging.level.root=WARN")) {
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      assertThat(
              jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success")
                  .query(Long.class)
                  .single())
          .isEqualTo(EmbeddedMigrationIT.migrationFiles());
      assertThat(Files.exists(dataDir.resolve("pg"))).as("no embedded server started").isFalse();
      Accounts accounts = context.getBean(Accounts.class);
      String name = "External agency " + System.nanoTime();
      var agency = accounts.addAgency(name, AgencyType.COORDINATION, null, "test");
      accounts.addUser(
          new Accounts.NewUser(
              "ext" + System.nanoTime(),
              "External",
              agency.id(),
              EnumSet.of(Role.ADMIN),
              "an external password".toCharArray()),
          "test");
      assertThat(accounts.agencyByName(name)).isPresent();
    }
  }
}
