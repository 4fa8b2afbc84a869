package org.palermo.app.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of a Palermo instance, bound from {@code palermo.*} properties (command-line options,
 * environment variables such as {@code PALERMO_DATABASE_URL}, or application.properties).
 *
 * @param dataDir where the embedded database, keys and demo credentials live
 * @param demo whether this instance runs with synthetic demo data
 * @param database an external PostgreSQL server; when its URL is blank the embedded one is used
 * @param security authentication settings
 */
@ConfigurationProperties("palermo")
public record PalermoProperties(
    Path dataDir, boolean demo, Database database, Security security, boolean deleteDataDirOnExit) {

  public PalermoProperties {
    if (dataDir == null) {
      dataDir = Path.of(System.getProperty("user.home"), ".palermo");
    }
    dataDir = dataDir.toAbsolutePath().normalize();
    database = database == null ? new Database(null, null, null, null) : database;
    security = security == null ? Security.defaults() : security;
  }

  /** True when an external PostgreSQL server is configured. */
  public boolean externalDatabase() {
    return database.url() != null && !database.url().isBlank();
  }

  /**
   * Connection to an external PostgreSQL server (issue 11, item 6; docs/operations.md, "An external
   * PostgreSQL server").
   *
   * @param url the JDBC URL
   * @param username the runtime role the application serves with ({@code
   *     PALERMO_DATABASE_USERNAME}): owns nothing, may only insert into and read the audit tables
   * @param password the runtime role's password
   * @param owner the role that owns the schema ({@code PALERMO_DATABASE_OWNER_USERNAME} and {@code
   *     _PASSWORD}), used only at start-up for the Flyway migrations and by {@code palermo backup
   *     create|restore}; when not given the runtime credentials migrate too, and the application
   *     warns that it connects as the owner
   */
  public record Database(String url, String username, String password, Owner owner) {

    /** True when the owner is configured apart from the runtime role. */
    public boolean separateOwner() {
      return owner != null && owner.username() != null && !owner.username().isBlank();
    }
  }

  /** The schema owner's credentials. */
  public record Owner(String username, String password) {}

  /**
   * Authentication settings.
   *
   * @param mfaRequiredRoles roles whose users must use a TOTP second factor
   * @param maxFailedLogins failed attempts before an account is locked
   * @param lockout how long a locked account stays locked
   * @param loginAttemptsPerMinute login attempts allowed from one address per minute
   */
  public record Security(
      Set<String> mfaRequiredRoles,
      int maxFailedLogins,
      Duration lockout,
      int loginAttemptsPerMinute) {
    public Security {
      mfaRequiredRoles = mfaRequiredRoles == null ? Set.of() : Set.copyOf(mfaRequiredRoles);
      maxFailedLogins = maxFailedLogins <= 0 ? 5 : maxFailedLogins;
      lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
      loginAttemptsPerMinute = loginAttemptsPerMinute <= 0 ? 20 : loginAttemptsPerMinute;
    }

    static Security defaults() {
      return new Security(null, 0, null, 0);
    }
  }
}
