package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application serves as a least-privileged role (issue 11, item 6): PostgreSQL itself, not only
 * the append-only triggers, refuses it to rewrite the audit trail, change the schema or switch the
 * triggers off, and every table the application uses is usable by it. The statements run on the
 * application's own pools (the {@link DataSource} bean and the audit pool).
 */
@PalermoIntegrationTest
class DatabaseRolesIT {
  /** PostgreSQL's SQLSTATE for "permission denied" / "must be owner". */
  static final String INSUFFICIENT_PRIVILEGE = "42501";

  @Autowired DataSource dataSource;
  @Autowired AuditConnections auditConnections;
  @Autowired DatabaseServer server;
  @Autowired AuditLog audit;
  @Autowired JdbcClient jdbc;

  @Test
  void both_application_pools_connect_as_the_runtime_role_that_is_no_superuser() throws Exception {
    for (DataSource pool : List.of(dataSource, auditConnections.dataSource())) {
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement()) {
        assertThat(single(s, "SHOW is_superuser")).isEqualTo("off");
        assertThat(single(s, "SELECT current_user")).isEqualTo(EmbeddedDatabase.RUNTIME);
        assertThat(
                single(
                    s,
                    "SELECT rolcreatedb OR rolcreaterole OR rolbypassrls OR rolreplication"
                        + " FROM pg_roles WHERE rolname = current_user"))
            .isEqualTo("f");
        // Owns nothing: no table, sequence, function or schema, not the database.
        assertThat(
                single(
                    s,
                    "SELECT (SELECT count(*) FROM pg_class WHERE relowner = r.oid)"
                        + " + (SELECT count(*) FROM pg_proc WHERE proowner = r.oid)"
                        + " + (SELECT count(*) FROM pg_namespace WHERE nspowner = r.oid)"
                        + " + (SELECT count(*) FROM pg_database WHERE datdba = r.oid)"
                        + " FROM pg_roles r WHERE rolname = current_user"))
            .isEqualTo("0");
      }
    }
    assertThat(server.separateRoles()).isTrue();
    assertThat(server.owner().username()).isNotEqualTo(EmbeddedDatabase.RUNTIME);
  }

  @Test
  void postgresql_refuses_the_runtime_role_to_rewrite_the_audit_trail() {
    long seq =
        audit.record(
            new AuditEntry("dbrole", "-", "test.read", "case:1", AuditEntry.Outcome.SUCCESS, ""));
    for (DataSource pool : List.of(dataSource, auditConnections.dataSource())) {
      for (String sql :
          List.of(
              "UPDATE audit_event SET actor = 'mallory' WHERE seq = " + seq,
              "DELETE FROM audit_event WHERE seq = " + seq,
              "TRUNCATE audit_event CASCADE",
              "UPDATE audit_subject SET audit_seq = audit_seq",
              "DELETE FROM audit_subject",
              "TRUNCATE audit_subject",
              // Switching the append-only triggers off, or the whole trigger machinery.
              "ALTER TABLE audit_event DISABLE TRIGGER USER",
              "DROP TRIGGER audit_event_no_update ON audit_event",
              "SET session_replication_role = replica",
              "ALTER TABLE audit_event ADD COLUMN forged text",
              "CREATE TABLE audit_event_copy (seq bigint)",
              "CREATE FUNCTION forge() RETURNS int LANGUAGE sql AS 'SELECT 1'")) {
        assertThatThrownBy(() -> execute(pool, sql))
            .as(sql)
            .isInstanceOf(SQLException.class)
            .satisfies(
                e ->
                    assertThat(((SQLException) e).getSQLState())
                        .as(sql + ": " + e.getMessage())
                        .isEqualTo(INSUFFICIENT_PRIVILEGE));
      }
    }
    assertThat(
            jdbc.sql("SELECT actor FROM audit_event WHERE seq = ?")
                .param(seq)
                .query(String.class)
                .single())
        .isEqualTo("dbrole");
  }

  @Test
  void every_table_is_usable_by_the_runtime_role_and_the_audit_tables_only_for_appending() {
    List<String> tables =
        jdbc.sql(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v')"
                    + " ORDER BY 1")
            .query(String.class)
            .list();
    assertThat(tables).contains("audit_event", "audit_subject", "person", "flyway_schema_history");
    for (String table : tables) {
      Set<String> privileges = privileges(table);
      if (RuntimeGrants.APPEND_ONLY.contains(table)) {
        assertThat(privileges).as(table).containsExactlyInAnyOrder("SELECT", "INSERT");
      } else if (table.equals("flyway_schema_history")) {
        assertThat(privileges).as(table).containsExactly("SELECT");
      } else {
        assertThat(privileges)
            .as("a table the runtime role cannot use (or may do more with): " + table)
            .containsExactlyInAnyOrder("SELECT", "INSERT", "UPDATE", "DELETE");
      }
    }
    List<String> sequencesNotUsable =
        jdbc.sql(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND c.relkind = 'S'"
                    + " AND NOT has_sequence_privilege(current_user, c.oid, 'USAGE')")
            .query(String.class)
            .list();
    assertThat(sequencesNotUsable).isEmpty();
    assertThat(
            jdbc.sql("SELECT has_schema_privilege(current_user, 'public', 'CREATE')")
                .query(Boolean.class)
                .single())
        .isFalse();
  }

  @Test
  void a_table_a_later_migration_creates_as_the_owner_is_usable_by_the_runtime_role()
      throws Exception {
    DataSource owner = server.ownerDataSource();
    execute(owner, "CREATE TABLE dbrole_later_migration (id bigserial PRIMARY KEY, v text)");
    try {
      jdbc.sql("INSERT INTO dbrole_later_migration (v) VALUES ('x')").update();
      jdbc.sql("UPDATE dbrole_later_migration SET v = 'y'").update();
      assertThat(jdbc.sql("SELECT v FROM dbrole_later_migration").query(String.class).single())
          .isEqualTo("y");
      jdbc.sql("DELETE FROM dbrole_later_migration").update();
      assertThatThrownBy(() -> execute(dataSource, "TRUNCATE dbrole_later_migration"))
          .satisfies(
              e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    } finally {
      execute(owner, "DROP TABLE dbrole_later_migration");
    }
  }

  private Set<String> privileges(String table) {
    return Set.copyOf(
        jdbc.sql(
                "SELECT p FROM unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE',"
                    + " 'REFERENCES', 'TRIGGER']) p"
                    + " WHERE has_table_privilege(current_user, ?::regclass, p)")
            .param("public." + table)
            .query(String.class)
            .list());
  }

  private static void execute(DataSource pool, String sql) throws SQLException {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String single(Statement s, String sql) throws SQLException {
    try (var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
