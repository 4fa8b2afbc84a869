package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoApplication;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.AgencyType;
import org.palermo.app.audit.AuditVerifier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A data directory made before the runtime role existed (issue 11, item 6) — every table owned by
 * the superuser, no role {@value EmbeddedDatabase#RUNTIME}, no {@code pg-app-secret} — upgrades on
 * its first start: the role is created with its own secret, granted its privileges, and the
 * application serves as it with the data it had.
 */
class RuntimeRoleUpgradeIT {

  @Test
  void a_data_directory_without_the_runtime_role_gets_it_on_start_and_keeps_its_data()
      throws Exception {
    Path dataDir = Files.createTempDirectory("palermo-upgrade-");
    String agency = "Upgraded agency " + System.nanoTime();
    try (ConfigurableApplicationContext first = start(dataDir, false)) {
      first.getBean(Accounts.class).addAgency(agency, AgencyType.COORDINATION, null, "test");
      // Back to what an older version left: no runtime role, no secret for it. The pools are
      // closed first, then the owner (superuser) removes the role and everything granted to it.
      first.getBean(HikariDataSource.class).close();
      first.getBean(AuditConnections.class).close();
      try (Connection c = first.getBean(DatabaseServer.class).ownerDataSource().getConnection();
          Statement s = c.createStatement()) {
        s.execute("DROP OWNED BY " + EmbeddedDatabase.RUNTIME);
        s.execute("DROP ROLE " + EmbeddedDatabase.RUNTIME);
        try (ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM pg_roles WHERE rolname = '"
                    + EmbeddedDatabase.RUNTIME
                    + "'")) {
          rs.next();
          assertThat(rs.getLong(1)).isZero();
        }
      }
    }
    Files.delete(dataDir.resolve("pg-app-secret"));

    try (ConfigurableApplicationContext upgraded = start(dataDir, true)) {
      JdbcClient jdbc = upgraded.getBean(JdbcClient.class);
      assertThat(jdbc.sql("SELECT current_user").query(String.class).single())
          .isEqualTo(EmbeddedDatabase.RUNTIME);
      assertThat(jdbc.sql("SHOW is_superuser").query(String.class).single()).isEqualTo("off");
      assertThat(Files.getPosixFilePermissions(dataDir.resolve("pg-app-secret")))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      Accounts accounts = upgraded.getBean(Accounts.class);
      assertThat(accounts.agencyByName(agency)).isPresent();
      accounts.addAgency(agency + " 2", AgencyType.COORDINATION, null, "test");
      assertThat(upgraded.getBean(AuditVerifier.class).verify().intact()).isTrue();
      assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event").update())
          .rootCause()
          .hasMessageContaining("permission denied");
    }
  }

  private static ConfigurableApplicationContext start(Path dataDir, boolean deleteOnExit) {
    return new SpringApplicationBuilder(PalermoApplication.class)
        .web(WebApplicationType.NONE)
        .run(
            "--palermo.data-dir=" + dataDir,
            "--palermo.delete-data-dir-on-exit=" + deleteOnExit,
            "--logging.level.root=WARN");
  }
}
