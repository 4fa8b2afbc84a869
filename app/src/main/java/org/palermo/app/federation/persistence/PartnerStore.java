package org.palermo.app.federation.persistence;

import static org.palermo.app.federation.persistence.IdentityStore.ts;

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
import org.palermo.app.federation.Partner;
import org.palermo.app.federation.protocol.Keys;
import org.palermo.app.federation.protocol.MechanismRole;
import org.palermo.app.federation.protocol.PartnerCard;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The trusted partner instances and their keys ({@code federation_partner}, {@code _key}). */
@Repository
public class PartnerStore {
  private final JdbcClient jdbc;

  PartnerStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A partner's key with what is needed to decide whether it is still good. */
  public record PartnerKey(
      UUID instance,
      ECKey key,
      int cardVersion,
      Instant usableUntil,
      Instant cardNotAfter,
      boolean revoked) {}

  public Optional<Partner> partner(UUID instance) {
    return jdbc.sql(SELECT + " WHERE instance_id = ?")
        .param(instance)
        .query(PartnerStore::row)
        .optional();
  }

  public List<Partner> partners() {
    return jdbc.sql(SELECT + " ORDER BY country, organisation").query(PartnerStore::row).list();
  }

  /**
   * Trusts {@code card} (signed form {@code signed}): a new partner, or a newer card of a known
   * one, whose earlier keys stay usable until {@code graceUntil}.
   */
  public void trust(
      PartnerCard card, String signed, String actor, Instant now, Instant graceUntil) {
    int updated =
        jdbc.sql(
                "UPDATE federation_partner SET country = ?, organisation = ?, role = ?,"
                    + " inbox_url = ?, card = ?, card_version = ?, fingerprint = ?, not_before = ?,"
                    + " not_after = ?, trusted_at = ?, trusted_by = ? WHERE instance_id = ?")
            .params(
                card.country(),
                card.organisation(),
                card.role().name(),
                card.inbox().toString(),
                signed,
                card.version(),
                card.fingerprint(),
                ts(card.notBefore()),
                ts(card.notAfter()),
                ts(now),
                actor,
                card.instance())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO federation_partner (instance_id, country, organisation, role, inbox_url,"
                  + " card, card_version, fingerprint, not_before, not_after, trusted_at,"
                  + " trusted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              card.instance(),
              card.country(),
              card.organisation(),
              card.role().name(),
              card.inbox().toString(),
              signed,
              card.version(),
              card.fingerprint(),
              ts(card.notBefore()),
              ts(card.notAfter()),
              ts(now),
              actor)
          .update();
    } else {
      jdbc.sql(
              "UPDATE federation_partner_key SET usable_until = ? WHERE instance_id = ?"
                  + " AND usable_until IS NULL")
          .params(ts(graceUntil), card.instance())
          .update();
    }
    addKey(card, card.signingKey(), KeyUse.SIGNATURE);
    addKey(card, card.encryptionKey(), KeyUse.ENCRYPTION);
  }

  private void addKey(PartnerCard card, ECKey key, KeyUse use) {
    jdbc.sql(
            "INSERT INTO federation_partner_key (kid, instance_id, purpose, public_jwk,"
                + " card_version) VALUES (?, ?, ?, ?, ?) ON CONFLICT (kid) DO UPDATE SET"
                + " card_version = EXCLUDED.card_version, usable_until = NULL"
                + " WHERE federation_partner_key.instance_id = EXCLUDED.instance_id")
        .params(
            key.getKeyID(),
            card.instance(),
            IdentityStore.purpose(use),
            key.toPublicJWK().toJSONString(),
            card.version())
        .update();
  }

  /** Whether {@code kid} belongs to another partner than {@code instance}. */
  public boolean kidTakenByAnother(String kid, UUID instance) {
    return jdbc.sql(
                "SELECT count(*) FROM federation_partner_key WHERE kid = ? AND instance_id <> ?")
            .params(kid, instance)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Revokes a partner: none of its keys is accepted any more. */
  public boolean revoke(UUID instance, String actor, Instant now) {
    return jdbc.sql(
                "UPDATE federation_partner SET revoked_at = ?, revoked_by = ? WHERE instance_id = ?"
                    + " AND revoked_at IS NULL")
            .params(ts(now), actor, instance)
            .update()
        > 0;
  }

  /** The partner signing key {@code kid}, whatever its state (the caller decides). */
  public Optional<PartnerKey> signingKey(String kid) {
    return jdbc.sql(
            "SELECT k.instance_id, k.public_jwk, k.card_version, k.usable_until, p.not_after,"
                + " p.revoked_at FROM federation_partner_key k JOIN federation_partner p"
                + " USING (instance_id) WHERE k.kid = ? AND k.purpose = 'SIGNING'")
        .param(kid)
        .query(
            (rs, n) -> {
              Timestamp until = rs.getTimestamp("usable_until");
              return new PartnerKey(
                  rs.getObject("instance_id", UUID.class),
                  Keys.publicKey(rs.getString("public_jwk"), KeyUse.SIGNATURE),
                  rs.getInt("card_version"),
                  until == null ? null : until.toInstant(),
                  rs.getTimestamp("not_after").toInstant(),
                  rs.getTimestamp("revoked_at") != null);
            })
        .optional();
  }

  private static final String SELECT =
      "SELECT instance_id, country, organisation, role, inbox_url, card_version, fingerprint,"
          + " not_before, not_after, trusted_at, trusted_by, revoked_at, card FROM"
          + " federation_partner";

  private static Partner row(ResultSet rs, int n) throws SQLException {
    Timestamp revoked = rs.getTimestamp("revoked_at");
    return new Partner(
        rs.getObject("instance_id", UUID.class),
        rs.getString("country"),
        rs.getString("organisation"),
        MechanismRole.valueOf(rs.getString("role")),
        URI.create(rs.getString("inbox_url")),
        rs.getInt("card_version"),
        rs.getString("fingerprint"),
        rs.getTimestamp("not_before").toInstant(),
        rs.getTimestamp("not_after").toInstant(),
        rs.getTimestamp("trusted_at").toInstant(),
        rs.getString("trusted_by"),
        revoked == null ? null : revoked.toInstant(),
        rs.getString("card"));
  }
}
