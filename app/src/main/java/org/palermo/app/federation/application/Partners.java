package org.palermo.app.federation.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.federation.FederationProperties;
import org.palermo.app.federation.Partner;
import org.palermo.app.federation.persistence.PartnerStore;
import org.palermo.app.federation.protocol.CardRefusal;
import org.palermo.app.federation.protocol.FederationRefused;
import org.palermo.app.federation.protocol.Keys;
import org.palermo.app.federation.protocol.Messages;
import org.palermo.app.federation.protocol.PartnerCard;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner instances this one trusts (issue 15 §1): a card is read and its fingerprint shown
 * ({@link #read}), then trusted once the operator confirmed that fingerprint ({@link #trust}); a
 * newer card of a known partner replaces the older one, whose keys stay valid for the grace period;
 * a partner can be revoked. Every change is audited.
 */
@Service
public class Partners {
  private final PartnerStore store;
  private final OwnIdentity own;
  private final AuditLog audit;
  private final Clock clock;
  private final FederationProperties properties;

  Partners(
      PartnerStore store,
      OwnIdentity own,
      AuditLog audit,
      Clock clock,
      FederationProperties properties) {
    this.store = store;
    this.own = own;
    this.audit = audit;
    this.clock = clock;
    this.properties = properties;
  }

  /**
   * The card in {@code signed}, verified (its own signature, its validity now), with nothing
   * stored: what the operator checks before trusting it.
   *
   * @throws FederationRefused with a {@link CardRefusal}
   */
  public PartnerCard read(String signed) {
    return PartnerCard.verify(signed, clock.instant());
  }

  /**
   * Trusts the card in {@code signed} after the operator confirmed its fingerprint.
   *
   * @throws FederationRefused with a {@link CardRefusal} when the card does not verify or has
   *     expired, the fingerprint differs, it is this instance's own, it is not newer than the
   *     trusted card of the same partner, or the partner was revoked
   */
  @Transactional
  public PartnerCard trust(String signed, String confirmedFingerprint, String actor) {
    Instant now = clock.instant();
    PartnerCard card = read(signed);
    if (!Keys.sameFingerprint(card.fingerprint(), confirmedFingerprint)) {
      refuse(card, actor, CardRefusal.FINGERPRINT_MISMATCH);
    }
    if (own.identity().map(i -> i.instance().equals(card.instance())).orElse(false)) {
      refuse(card, actor, CardRefusal.OWN_CARD);
    }
    Optional<Partner> known = store.partner(card.instance());
    if (known.isPresent() && known.get().revoked()) {
      refuse(card, actor, CardRefusal.PARTNER_REVOKED);
    }
    if (known.isPresent() && known.get().cardVersion() >= card.version()) {
      refuse(card, actor, CardRefusal.OLDER_CARD);
    }
    if (store.kidTakenByAnother(card.signingKey().getKeyID(), card.instance())
        || store.kidTakenByAnother(card.encryptionKey().getKeyID(), card.instance())) {
      // the same key under two identities: one of them is not who it says it is
      refuse(card, actor, CardRefusal.FORGED_CARD);
    }
    store.trust(card, signed.strip(), actor, now, now.plus(properties.keyGrace()));
    audit.record(
        new AuditEntry(
            actor,
            null,
            known.isPresent() ? "federation.partner.renew" : "federation.partner.trust",
            "federation_partner/" + card.instance(),
            AuditEntry.Outcome.SUCCESS,
            "country=" + card.country() + ", cardVersion=" + card.version()));
    return card;
  }

  private void refuse(PartnerCard card, String actor, CardRefusal reason) {
    audit.record(
        new AuditEntry(
            actor,
            null,
            "federation.partner.trust",
            "federation_partner/" + card.instance(),
            AuditEntry.Outcome.DENIED,
            "reason=" + reason.code()));
    throw new FederationRefused(reason, "card of " + card.instance() + " not trusted");
  }

  /** Revokes a partner: from now on its messages are refused ({@code REVOKED_SENDER}). */
  @Transactional
  public boolean revoke(UUID instance, String actor) {
    boolean done = store.revoke(instance, actor, clock.instant());
    audit.record(
        new AuditEntry(
            actor,
            null,
            "federation.partner.revoke",
            "federation_partner/" + instance,
            done ? AuditEntry.Outcome.SUCCESS : AuditEntry.Outcome.FAILURE,
            done ? "" : "unknown or already revoked"));
    return done;
  }

  /** Every partner, revoked ones included. */
  public List<Partner> list() {
    return store.partners();
  }

  /** One partner. */
  public Optional<Partner> partner(UUID instance) {
    return store.partner(instance);
  }

  /** The partners' signing keys, as {@link Messages#open} looks them up. */
  public Messages.Senders senders() {
    return kid ->
        store
            .signingKey(kid)
            .map(
                k ->
                    new Messages.SenderKey(
                        k.instance(), k.key(), k.revoked(), k.cardNotAfter(), k.usableUntil()));
  }

  /**
   * The current card of a partner one may send to: trusted, not revoked, valid now.
   *
   * @throws FederationRefused when there is none
   */
  public PartnerCard sendable(UUID instance) {
    Partner p =
        store
            .partner(instance)
            .orElseThrow(() -> new FederationRefused(CardRefusal.NOT_A_PARTNER, "no such partner"));
    if (p.revoked()) {
      throw new FederationRefused(CardRefusal.PARTNER_REVOKED, "partner " + instance);
    }
    return PartnerCard.verify(p.card(), clock.instant());
  }
}
