package org.palermo.app.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime role's privileges (issue 11, item 6; OWASP ASVS 8.1.x, least privilege), set by the
 * owner after every Flyway migration, in one transaction, on the migration's own connection:
 *
 * <ul>
 *   <li>USAGE on the schema, and no CREATE (revoked from PUBLIC when the owner owns the schema);
 *   <li>SELECT, INSERT, UPDATE, DELETE on every table, and nothing else (no TRUNCATE, REFERENCES,
 *       TRIGGER or MAINTAIN): whatever it held before is revoked first, so the grants are exactly
 *       these on every start, also for a data directory or database made by an older version;
 *   <li>only SELECT and INSERT on {@code audit_event} and {@code audit_subject}: the audit trail is
 *       append-only for the application by PostgreSQL's privileges, not only by the append-only
 *       triggers (which the owner could drop);
 *   <li>only SELECT on Flyway's history;
 *   <li>USAGE and SELECT on every sequence (nextval, and reading one in a backup);
 *   <li>default privileges of the owner in the schema, so that a table or sequence a later
 *       migration creates is usable by the runtime role even before this pass runs (a migration run
 *       by hand).
 * </ul>
 *
 * Nothing is done when the owner and the runtime role are the same (one set of external
 * credentials); {@code DatabaseRoleCheck} warns then.
 */
final class RuntimeGrants implements Callback {
  /** Tables the application may only append to and read. */
  static final List<String> APPEND_ONLY = List.of("audit_event", "audit_subject");

  private static final Logger log = LoggerFactory.getLogger(RuntimeGrants.class);
  private final DatabaseServer server;

  RuntimeGrants(DatabaseServer server) {
    this.server = server;
  }

  @Override
  public boolean supports(Event event, Context context) {
    return event == Event.AFTER_MIGRATE;
  }

  @Override
  public boolean canHandleInTransaction(Event event, Context context) {
    return true;
  }

  @Override
  public String getCallbackName() {
    return "palermo-runtime-grants";
  }

  @Override
  public void handle(Event event, Context context) {
    if (!server.separateRoles()) {
      return;
    }
    String table = context.getConfiguration().getTable();
    try {
      apply(context.getConnection(), quote(server.runtime().username()), table);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot grant the runtime database role its privileges: " + e.getMessage(), e);
    }
  }

  private static void apply(Connection c, String runtime, String flywayTable) throws SQLException {
    List<String> sql = new ArrayList<>();
    sql.add("GRANT USAGE ON SCHEMA public TO " + runtime);
    sql.add("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM " + runtime);
    sql.add("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + runtime);
    for (String appendOnly : APPEND_ONLY) {
      if (exists(c, appendOnly)) {
        sql.add("REVOKE UPDATE, DELETE ON public." + appendOnly + " FROM " + runtime);
      }
    }
    if (exists(c, flywayTable)) {
      sql.add("REVOKE INSERT, UPDATE, DELETE ON public." + quote(flywayTable) + " FROM " + runtime);
    }
    sql.add("REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM " + runtime);
    sql.add("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + runtime);
    sql.add(
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES"
            + " TO "
            + runtime);
    sql.add(
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO " + runtime);
    if (ownsSchema(c)) {
      // PostgreSQL 15 and later no longer let PUBLIC create in the public schema; older ones did.
      sql.add("REVOKE CREATE ON SCHEMA public FROM PUBLIC, " + runtime);
    }
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      for (String statement : sql) {
        s.execute(statement);
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
    log.debug("Granted the runtime role its privileges");
  }

  private static boolean exists(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
      ps.setString(1, "public." + quote(table));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private static boolean ownsSchema(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT pg_has_role(current_user, nspowner, 'USAGE')"
                    + " OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)"
                    + " FROM pg_namespace WHERE nspname = 'public'")) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  /** A quoted SQL identifier. */
  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
