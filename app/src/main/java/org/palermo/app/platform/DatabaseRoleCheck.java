package org.palermo.app.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Warns at start when the application's database role can rewrite the audit trail (issue 11, item
 * 6): a superuser bypasses the append-only triggers, and the owner of {@code audit_event} can drop
 * them. The keyed chain and the checkpoints detect such a rewrite ({@code palermo audit verify});
 * only a runtime role without UPDATE, DELETE and TRUNCATE on the table prevents it
 * (docs/operations.md, "An external PostgreSQL server"). The embedded database always serves with
 * such a role ({@link EmbeddedDatabase#RUNTIME}); an external one does when it is configured with
 * separate owner credentials ({@link DatabaseServer}).
 */
@Component
class DatabaseRoleCheck {
  private static final Logger log = LoggerFactory.getLogger(DatabaseRoleCheck.class);
  private final JdbcClient jdbc;

  DatabaseRoleCheck(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnAboutAPowerfulRole() {
    boolean superuser =
        jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            .query(Boolean.class)
            .optional()
            .orElse(false);
    boolean owner =
        jdbc.sql(
                "SELECT pg_has_role(current_user, relowner, 'USAGE') FROM pg_class"
                    + " WHERE oid = to_regclass('public.audit_event')")
            .query(Boolean.class)
            .optional()
            .orElse(false);
    // A role that is neither but was granted too much (by hand) can rewrite the trail as well.
    boolean rewrites =
        jdbc.sql(
                "SELECT has_table_privilege(current_user, 'public.audit_event',"
                    + " 'UPDATE, DELETE, TRUNCATE') FROM pg_class"
                    + " WHERE oid = to_regclass('public.audit_event')")
            .query(Boolean.class)
            .optional()
            .orElse(false);
    boolean creates =
        jdbc.sql("SELECT has_schema_privilege(current_user, 'public', 'CREATE')")
            .query(Boolean.class)
            .optional()
            .orElse(false);
    if (superuser || owner || rewrites) {
      log.warn(
          "The application connects to the database as {}: with these credentials the audit"
              + " trail can be rewritten (a rewrite is detected by 'palermo audit verify' and"
              + " by checkpoints kept elsewhere, not prevented). Give the owner's credentials"
              + " as PALERMO_DATABASE_OWNER_USERNAME/_PASSWORD and a runtime role's as"
              + " PALERMO_DATABASE_USERNAME/_PASSWORD: see docs/operations.md.",
          superuser
              ? "a superuser"
              : owner
                  ? "the owner of the audit table"
                  : "a role that may update, delete or truncate the audit table");
    } else if (creates) {
      log.warn(
          "The application's database role may create objects in the public schema; revoke it"
              + " (REVOKE CREATE ON SCHEMA public FROM PUBLIC, <role>): see docs/operations.md.");
    }
  }
}
