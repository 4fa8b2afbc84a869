package org.palermo.app.platform;

import javax.sql.DataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The running database server: its address, the two roles Palermo uses on it (issue 11, item 6)
 * and, when embedded, the server itself.
 *
 * <ul>
 *   <li>The <b>owner</b> owns the schema and every table. Flyway migrates with it at start-up
 *       ({@link RuntimeGrants} then grants the runtime role its privileges), and {@code palermo
 *       backup create|restore} use it from the command line (a restore empties tables, sets
 *       sequences and loads rows with the triggers off). Never used while serving requests.
 *   <li>The <b>runtime</b> role is what the application's connection pools use: not a superuser,
 *       owner of nothing, no CREATE on the schema, and only INSERT and SELECT on the audit tables.
 * </ul>
 *
 * When an external database is configured with one set of credentials, both are the same role (and
 * {@code DatabaseRoleCheck} warns).
 *
 * @param jdbcUrl the server and database
 * @param owner the owner's credentials
 * @param runtime the runtime role's credentials
 * @param embedded the embedded server, or null for an external one
 */
public record DatabaseServer(
    String jdbcUrl, Credentials owner, Credentials runtime, EmbeddedDatabase embedded)
    implements AutoCloseable {

  /** A role's name and password; the password never appears in {@link #toString()}. */
  public record Credentials(String username, String password) {
    @Override
    public String toString() {
      return "Credentials[" + username + "]";
    }
  }

  /** True when the application serves with a role other than the owner. */
  public boolean separateRoles() {
    return !owner.username().equals(runtime.username());
  }

  /**
   * A data source (one new connection per call, no pool) for the owner: for the command line's
   * maintenance (backup, restore), never for request handling.
   */
  public DataSource ownerDataSource() {
    return new SimpleDriverDataSource(
        new org.postgresql.Driver(), jdbcUrl, owner.username(), owner.password());
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
