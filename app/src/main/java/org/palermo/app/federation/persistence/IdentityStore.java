package org.palermo.app.federation.persistence;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.palermo.app.federation.InstanceIdentity;
import org.palermo.app.federation.protocol.Keys;
import org.palermo.app.federation.protocol.MechanismRole;
import org.palermo.app.platform.crypto.SealedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * This instance's identity and key pairs (tables {@code federation_identity}, {@code
 * federation_key}). A private key is stored only sealed ({@link SealedText}, the key row's own data
 * key wrapped by the master key), so the database alone never yields it.
 */
@Repository
public class IdentityStore {
  private static final String TABLE = "federation_key";
  private static final String COLUMN = "private_jwk";

  private final JdbcClient jdbc;
  private final SealedText sealed;

  IdentityStore(JdbcClient jdbc, SealedText sealed) {
    this.jdbc = jdbc;
    this.sealed = sealed;
  }

  /** One of this instance's key pairs, the private half opened. */
  public record KeyPair(
      UUID id, KeyUse use, ECKey privateKey, int cardVersion, Instant usableUntil) {}

  public Optional<InstanceIdentity> identity() {
    return jdbc.sql(
            "SELECT instance_id, country, organisation, role, inbox_url, card_version, not_before,"
                + " not_after FROM federation_identity")
        .query(IdentityStore::row)
        .optional();
  }

  public void insert(InstanceIdentity i, Instant now) {
    jdbc.sql(
            "INSERT INTO federation_identity (instance_id, country, organisation, role, inbox_url,"
                + " card_version, not_before, not_after, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            i.instance(),
            i.country(),
            i.organisation(),
            i.role().name(),
            i.inbox().toString(),
            i.cardVersion(),
            ts(i.notBefore()),
            ts(i.notAfter()),
            ts(now),
            ts(now))
        .update();
  }

  /** Replaces the identity's details and card version (rotation, a new inbox address). */
  public void update(InstanceIdentity i, Instant now) {
    jdbc.sql(
            "UPDATE federation_identity SET country = ?, organisation = ?, role = ?, inbox_url = ?,"
                + " card_version = ?, not_before = ?, not_after = ?, updated_at = ?"
                + " WHERE instance_id = ?")
        .params(
            i.country(),
            i.organisation(),
            i.role().name(),
            i.inbox().toString(),
            i.cardVersion(),
            ts(i.notBefore()),
            ts(i.notAfter()),
            ts(now),
            i.instance())
        .update();
  }

  /** Stores a new current key pair of {@code use}, sealed. */
  public void addKey(KeyUse use, ECKey privateKey, int cardVersion, Instant now) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO federation_key (id, purpose, kid, public_jwk, private_sealed, card_version,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            purpose(use),
            privateKey.getKeyID(),
            privateKey.toPublicJWK().toJSONString(),
            sealed.seal(id, TABLE, COLUMN, id, privateKey.toJSONString()),
            cardVersion,
            ts(now))
        .update();
  }

  /** Ends the current keys' life as current: they stay usable until {@code until}. */
  public void retireCurrentKeys(Instant until) {
    jdbc.sql("UPDATE federation_key SET usable_until = ? WHERE usable_until IS NULL")
        .param(ts(until))
        .update();
  }

  /** The key pairs of {@code use} still usable at {@code now}, the current one first. */
  public List<KeyPair> usableKeys(KeyUse use, Instant now) {
    return jdbc.sql(
            "SELECT id, private_sealed, card_version, usable_until FROM federation_key"
                + " WHERE purpose = ? AND (usable_until IS NULL OR usable_until > ?)"
                + " ORDER BY usable_until IS NOT NULL, card_version DESC")
        .params(purpose(use), ts(now))
        .query((rs, n) -> keyPair(rs, use))
        .list();
  }

  /** Forgets keys whose grace period is over. */
  public int dropExpiredKeys(Instant now) {
    return jdbc.sql(
            "DELETE FROM federation_key WHERE usable_until IS NOT NULL AND usable_until <= ?")
        .param(ts(now))
        .update();
  }

  private KeyPair keyPair(ResultSet rs, KeyUse use) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    String jwk = sealed.open(id, TABLE, COLUMN, id, rs.getBytes("private_sealed"), null);
    Timestamp until = rs.getTimestamp("usable_until");
    return new KeyPair(
        id,
        use,
        Keys.privateKey(jwk, use),
        rs.getInt("card_version"),
        until == null ? null : until.toInstant());
  }

  private static InstanceIdentity row(ResultSet rs, int n) throws SQLException {
    return new InstanceIdentity(
        rs.getObject("instance_id", UUID.class),
        rs.getString("country"),
        rs.getString("organisation"),
        MechanismRole.valueOf(rs.getString("role")),
        URI.create(rs.getString("inbox_url")),
        rs.getInt("card_version"),
        rs.getTimestamp("not_before").toInstant(),
        rs.getTimestamp("not_after").toInstant());
  }

  static String purpose(KeyUse use) {
    return KeyUse.SIGNATURE.equals(use) ? "SIGNING" : "ENCRYPTION";
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
