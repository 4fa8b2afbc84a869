package org.palermo.app.federation.application;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.federation.FederationProperties;
import org.palermo.app.federation.InstanceIdentity;
import org.palermo.app.federation.persistence.IdentityStore;
import org.palermo.app.federation.persistence.IdentityStore.KeyPair;
import org.palermo.app.federation.protocol.Keys;
import org.palermo.app.federation.protocol.MechanismRole;
import org.palermo.app.federation.protocol.Messages;
import org.palermo.app.federation.protocol.PartnerCard;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * This instance's identity (issue 15 §1): established once with its two key pairs, its card signed
 * on demand, its keys rotated (the previous pair stays usable for {@code
 * palermo.federation.key-grace} so messages already encrypted to it still open).
 */
@Service
public class OwnIdentity {
  private final IdentityStore store;
  private final AuditLog audit;
  private final Clock clock;
  private final FederationProperties properties;

  OwnIdentity(IdentityStore store, AuditLog audit, Clock clock, FederationProperties properties) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.properties = properties;
  }

  /** The identity, if this instance has one. */
  public Optional<InstanceIdentity> identity() {
    return store.identity();
  }

  /**
   * Establishes this instance's identity with new key pairs, or changes its details (country,
   * organisation, role, inbox) and issues the next card version with the same keys.
   *
   * @throws IllegalArgumentException when a detail is not valid (the card's rules)
   */
  @Transactional
  public InstanceIdentity establish(
      String country, String organisation, MechanismRole role, URI inbox, String actor) {
    Instant now = clock.instant();
    Optional<InstanceIdentity> existing = store.identity();
    InstanceIdentity next =
        new InstanceIdentity(
            existing.map(InstanceIdentity::instance).orElseGet(UUID::randomUUID),
            country,
            organisation == null ? null : organisation.strip(),
            role,
            inbox,
            existing.map(i -> i.cardVersion() + 1).orElse(1),
            now,
            now.plus(properties.cardValidity()));
    ECKey signing = existing.map(i -> current(KeyUse.SIGNATURE)).orElseGet(Keys::newSigningKey);
    ECKey encryption =
        existing.map(i -> current(KeyUse.ENCRYPTION)).orElseGet(Keys::newEncryptionKey);
    card(next, signing, encryption); // checks every detail before anything is stored
    if (existing.isPresent()) {
      store.update(next, now);
    } else {
      store.insert(next, now);
      store.addKey(KeyUse.SIGNATURE, signing, next.cardVersion(), now);
      store.addKey(KeyUse.ENCRYPTION, encryption, next.cardVersion(), now);
    }
    audit.record(
        new AuditEntry(
            actor,
            null,
            existing.isPresent() ? "federation.identity.change" : "federation.identity.establish",
            "federation_identity/" + next.instance(),
            AuditEntry.Outcome.SUCCESS,
            "cardVersion=" + next.cardVersion()));
    return next;
  }

  /**
   * Rotates both key pairs: new current keys and the next card version; the previous keys stay
   * usable until the end of the grace period.
   */
  @Transactional
  public InstanceIdentity rotateKeys(String actor) {
    Instant now = clock.instant();
    InstanceIdentity i = required();
    store.dropExpiredKeys(now);
    store.retireCurrentKeys(now.plus(properties.keyGrace()));
    InstanceIdentity next =
        new InstanceIdentity(
            i.instance(),
            i.country(),
            i.organisation(),
            i.role(),
            i.inbox(),
            i.cardVersion() + 1,
            now,
            now.plus(properties.cardValidity()));
    store.update(next, now);
    store.addKey(KeyUse.SIGNATURE, Keys.newSigningKey(), next.cardVersion(), now);
    store.addKey(KeyUse.ENCRYPTION, Keys.newEncryptionKey(), next.cardVersion(), now);
    audit.record(
        new AuditEntry(
            actor,
            null,
            "federation.keys.rotate",
            "federation_identity/" + i.instance(),
            AuditEntry.Outcome.SUCCESS,
            "cardVersion=" + next.cardVersion() + ", graceDays=" + properties.keyGrace().toDays()));
    return next;
  }

  /** This instance's card, signed (compact JWS), to hand to partners out of band. */
  public String signedCard() {
    InstanceIdentity i = required();
    ECKey signing = current(KeyUse.SIGNATURE);
    return card(i, signing, current(KeyUse.ENCRYPTION)).sign(signing);
  }

  /** This instance's card, unsigned view (for its fingerprint and details). */
  public PartnerCard card() {
    return card(required(), current(KeyUse.SIGNATURE), current(KeyUse.ENCRYPTION));
  }

  /** The current private signing key (to sign messages and receipts). */
  public ECKey signingKey() {
    return current(KeyUse.SIGNATURE);
  }

  /** This instance as a recipient: its id and every encryption key still usable. */
  public Messages.Recipient recipient() {
    InstanceIdentity i = required();
    List<ECKey> keys =
        store.usableKeys(KeyUse.ENCRYPTION, clock.instant()).stream()
            .map(KeyPair::privateKey)
            .toList();
    return new Messages.Recipient(i.instance(), keys);
  }

  private InstanceIdentity required() {
    return store
        .identity()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "This instance has no federation identity yet: palermo federation identity"
                        + " --establish."));
  }

  private ECKey current(KeyUse use) {
    return store.usableKeys(use, clock.instant()).stream()
        .filter(k -> k.usableUntil() == null)
        .findFirst()
        .map(KeyPair::privateKey)
        .orElseThrow(() -> new IllegalStateException("no current " + use.identifier() + " key"));
  }

  private static PartnerCard card(InstanceIdentity i, ECKey signing, ECKey encryption) {
    return new PartnerCard(
        i.instance(),
        i.country(),
        i.organisation(),
        i.role(),
        i.inbox(),
        i.cardVersion(),
        i.notBefore(),
        i.notAfter(),
        signing.toPublicJWK(),
        encryption.toPublicJWK());
  }
}
