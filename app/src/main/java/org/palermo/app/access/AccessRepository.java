package org.palermo.app.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.palermo.app.platform.crypto.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Agencies, accounts, roles and tokens in PostgreSQL. Every write bumps {@link #generation()}, once
 * at once and once more when its transaction ends, so that what {@link Accounts} keeps of tokens in
 * memory is dropped by any change to accounts, roles, agencies or tokens.
 */
@Repository
class AccessRepository {
  private final JdbcClient jdbc;
  private final FieldCipher cipher;
  private final AtomicLong generation = new AtomicLong();

  AccessRepository(JdbcClient jdbc, FieldCipher cipher) {
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  /** Changes with every write of this repository (and again when the writing transaction ends). */
  long generation() {
    return generation.get();
  }

  /**
   * Bumps the generation now and, inside a transaction, again when it ends: a reader that loaded
   * the old rows while the write was not yet committed keeps them under a generation that is
   * already past.
   */
  private void changed() {
    generation.incrementAndGet();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              generation.incrementAndGet();
            }
          });
    }
  }

  // --- agencies

  void insertAgency(Agency agency, Instant now) {
    changed();
    jdbc.sql(
            "INSERT INTO agency (id, name, type, country, sits_in, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            agency.id(),
            agency.name(),
            agency.type().name(),
            agency.country(),
            agency.sitsIn() == null ? null : agency.sitsIn().name(),
            ts(now))
        .update();
  }

  Optional<Agency> agencyByName(String name) {
    return jdbc.sql("SELECT id, name, type, country, sits_in FROM agency WHERE name = ?")
        .param(name)
        .query(AccessRepository::agency)
        .optional();
  }

  Optional<Agency> agency(UUID id) {
    return jdbc.sql("SELECT id, name, type, country, sits_in FROM agency WHERE id = ?")
        .param(id)
        .query(AccessRepository::agency)
        .optional();
  }

  List<Agency> agencies() {
    return jdbc.sql("SELECT id, name, type, country, sits_in FROM agency ORDER BY name")
        .query(AccessRepository::agency)
        .list();
  }

  private static Agency agency(ResultSet rs, int n) throws SQLException {
    return new Agency(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        AgencyType.valueOf(rs.getString("type")),
        rs.getString("country"),
        rs.getString("sits_in") == null ? null : AgencyType.valueOf(rs.getString("sits_in")));
  }

  // --- users

  long countUsers() {
    return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
  }

  void insertUser(UserAccount u, Instant now) {
    changed();
    jdbc.sql(
            """
            INSERT INTO app_user (id, username, display_name, agency_id, password_hash, enabled,
                                  created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(
            u.id(),
            u.username(),
            u.displayName(),
            u.agencyId(),
            u.passwordHash(),
            u.enabled(),
            ts(now))
        .update();
    for (Role role : u.roles()) {
      jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, ?)")
          .params(u.id(), role.name())
          .update();
    }
  }

  Optional<UserAccount> userByUsername(String username) {
    return jdbc.sql(USER_SELECT + " WHERE u.username = ? GROUP BY u.id")
        .param(username)
        .query(this::userRow)
        .optional();
  }

  /** The account linked to an OIDC provider's subject (issuer and {@code sub}). */
  Optional<UserAccount> userByOidcSubject(String issuer, String subject) {
    return jdbc.sql(USER_SELECT + " WHERE u.oidc_issuer = ? AND u.oidc_subject = ? GROUP BY u.id")
        .params(issuer, subject)
        .query(this::userRow)
        .optional();
  }

  void linkOidc(UUID userId, String issuer, String subject) {
    changed();
    jdbc.sql("UPDATE app_user SET oidc_issuer = ?, oidc_subject = ? WHERE id = ?")
        .params(issuer, subject, userId)
        .update();
  }

  Optional<UserAccount> user(UUID id) {
    return jdbc.sql(USER_SELECT + " WHERE u.id = ? GROUP BY u.id")
        .param(id)
        .query(this::userRow)
        .optional();
  }

  List<UserAccount> users() {
    return jdbc.sql(USER_SELECT + " GROUP BY u.id ORDER BY u.username").query(this::userRow).list();
  }

  /** The accounts of one agency, without reading any other. */
  List<UserAccount> usersOf(UUID agencyId) {
    return jdbc.sql(USER_SELECT + " WHERE u.agency_id = ? GROUP BY u.id ORDER BY u.username")
        .param(agencyId)
        .query(this::userRow)
        .list();
  }

  void saveLoginState(UserAccount u) {
    changed();
    jdbc.sql("UPDATE app_user SET failed_attempts = ?, locked_until = ? WHERE id = ?")
        .params(u.failedAttempts(), u.lockedUntil() == null ? null : ts(u.lockedUntil()), u.id())
        .update();
    changed();
  }

  /** The TOTP secret is sealed with the user's data key (ASVS V2.9.1, V6.1). */
  void saveTotp(UUID userId, String secret, Long lastStep) {
    changed();
    jdbc.sql("UPDATE app_user SET totp_secret = ?, totp_last_step = ? WHERE id = ?")
        .params(cipher.seal(userId, secret), lastStep, userId)
        .update();
  }

  /** Records a used time step; false if that step (or a later one) was already used. */
  boolean claimTotpStep(UUID userId, long step) {
    changed();
    return jdbc.sql(
                "UPDATE app_user SET totp_last_step = ? WHERE id = ?"
                    + " AND (totp_last_step IS NULL OR totp_last_step < ?)")
            .params(step, userId, step)
            .update()
        == 1;
  }

  private static final String USER_SELECT =
      """
      SELECT u.id, u.username, u.display_name, u.agency_id, u.password_hash, u.totp_secret,
             u.totp_last_step, u.failed_attempts, u.locked_until, u.enabled,
             coalesce(string_agg(r.role, ','), '') AS roles
      FROM app_user u LEFT JOIN user_role r ON r.user_id = u.id""";

  private UserAccount userRow(ResultSet rs, int n) throws SQLException {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String r : rs.getString("roles").split(",")) {
      if (!r.isEmpty()) {
        roles.add(Role.valueOf(r));
      }
    }
    Timestamp locked = rs.getTimestamp("locked_until");
    long step = rs.getLong("totp_last_step");
    UUID id = rs.getObject("id", UUID.class);
    String sealedSecret = rs.getString("totp_secret");
    boolean noSecret = rs.wasNull();
    return new UserAccount(
        id,
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getObject("agency_id", UUID.class),
        roles,
        rs.getString("password_hash"),
        cipher.open(id, sealedSecret),
        noSecret ? null : step,
        rs.getInt("failed_attempts"),
        locked == null ? null : locked.toInstant(),
        rs.getBoolean("enabled"));
  }

  // --- API tokens

  void insertToken(ApiToken t, byte[] hash) {
    changed();
    jdbc.sql(
            """
            INSERT INTO api_token (id, user_id, name, token_hash, prefix, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(
            t.id(),
            t.userId(),
            t.name(),
            hash,
            t.prefix(),
            ts(t.createdAt()),
            t.expiresAt() == null ? null : ts(t.expiresAt()))
        .update();
  }

  Optional<ApiToken> tokenByHash(byte[] hash) {
    return jdbc.sql(TOKEN_SELECT + " WHERE token_hash = ?")
        .param(hash)
        .query(AccessRepository::token)
        .optional();
  }

  List<ApiToken> tokensOf(UUID userId) {
    return jdbc.sql(TOKEN_SELECT + " WHERE user_id = ? ORDER BY created_at DESC")
        .param(userId)
        .query(AccessRepository::token)
        .list();
  }

  boolean revokeToken(UUID tokenId, UUID userId, Instant now) {
    changed();
    boolean revoked =
        jdbc.sql(
                    "UPDATE api_token SET revoked_at = ? WHERE id = ? AND user_id = ?"
                        + " AND revoked_at IS NULL")
                .params(ts(now), tokenId, userId)
                .update()
            == 1;
    changed(); // and once more after the write, for a caller outside any transaction
    return revoked;
  }

  void touchToken(UUID tokenId, Instant now) {
    jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ?")
        .params(ts(now), tokenId)
        .update();
  }

  private static final String TOKEN_SELECT =
      "SELECT id, user_id, name, prefix, created_at, expires_at, last_used_at, revoked_at"
          + " FROM api_token";

  private static ApiToken token(ResultSet rs, int n) throws SQLException {
    return new ApiToken(
        rs.getObject("id", UUID.class),
        rs.getObject("user_id", UUID.class),
        rs.getString("name"),
        rs.getString("prefix"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("expires_at")),
        instant(rs.getTimestamp("last_used_at")),
        instant(rs.getTimestamp("revoked_at")));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant i) {
    return Timestamp.from(i);
  }
}
