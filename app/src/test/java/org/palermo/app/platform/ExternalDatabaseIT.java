package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
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
 * .ci/run, which sets PALERMO_TEST_DATABASE_URL, the owner's PALERMO_TEST_DATABASE_OWNER_USERNAME
 * and _OWNER_PASSWORD, the runtime role's PALERMO_TEST_DATABASE_USERNAME and _PASSWORD, and
 * PALERMO_REQUIRE_EXTERNAL_DATABASE=true): migrated as the owner, served as the runtime role (issue
 * 11, item 6). Without a server it is reported as skipped with {@code -Dskip.e2e=true} and
 * otherwise fails, as the browser tests do.
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
    String owner = System.getenv("PALERMO_TEST_DATABASE_OWNER_USERNAME");
    String runtime = System.getenv("PALERMO_TEST_DATABASE_USERNAME");
    if (owner == null || owner.isBlank() || owner.equals(runtime)) {
      fail(
          "PALERMO_TEST_DATABASE_OWNER_USERNAME/_OWNER_PASSWORD must name the schema's owner,"
              + " apart from the runtime role of PALERMO_TEST_DATABASE_USERNAME (.ci/run)");
    }
    Path dataDir = Files.createTempDirectory("palermo-external-");
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(PalermoApplication.class)
            .web(WebApplicationType.NONE)
            .run(
                "--palermo.data-dir=" + dataDir,
                "--palermo.delete-data-dir-on-exit=true",
                "--palermo.database.url=" + url,
                "--palermo.database.owner.username=" + owner,
                "--palermo.database.owner.password="
                    + System.getenv("PALERMO_TEST_DATABASE_OWNER_PASSWORD"),
                "--palermo.database.username=" + runtime,
                "--palermo.database.password=" + System.getenv("PALERMO_TEST_DATABASE_PASSWORD"),
                "--logging.level.root=WARN")) {
      JdbcClient jdbc = context.getBean(JdbcClient.class);
      assertThat(
              jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success")
                  .query(Long.class)
                  .single())
          .isEqualTo(EmbeddedMigrationIT.migrationFiles());
      assertThat(Files.exists(dataDir.resolve("pg"))).as("no embedded server started").isFalse();
      // Migrated as the owner, served as the runtime role, which may not rewrite the audit trail.
      assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo(runtime);
      assertThat(jdbc.sql("SHOW is_superuser").query(String.class).single()).isEqualTo("off");
      assertThat(
              jdbc.sql(
                      "SELECT DISTINCT pg_get_userbyid(relowner) FROM pg_class c"
                          + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                          + " WHERE n.nspname = 'public'")
                  .query(String.class)
                  .list())
          .containsExactly(owner);
      for (String sql :
          List.of(
              "UPDATE audit_event SET actor = 'mallory'",
              "DELETE FROM audit_event",
              "TRUNCATE audit_event CASCADE",
              "CREATE TABLE forged (id int)",
              "SET session_replication_role = replica")) {
        assertThatThrownBy(() -> jdbc.sql(sql).update())
            .as(sql)
            .rootCause()
            .hasMessageContaining("permission denied");
      }
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
