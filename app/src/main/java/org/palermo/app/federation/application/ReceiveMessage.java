package org.palermo.app.federation.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.federation.persistence.MessageStore;
import org.palermo.app.federation.protocol.FederationRefused;
import org.palermo.app.federation.protocol.MessageRefusal;
import org.palermo.app.federation.protocol.Messages;
import org.palermo.app.federation.protocol.Receipt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives a message at the inbox (issue 15 §3): opens it ({@link Channel#open}), stores it once
 * and answers a signed {@link Receipt}. The same message delivered again (a retry after a lost
 * receipt) is recognised by its digest and gets the receipt again, changing nothing; another
 * message with a known id is a replay. Every receipt and every refusal is a message-log entry in
 * the audit trail (action {@code federation.message.receive}: ids, type, digest and reason code,
 * never content), so the log is hash-chained with everything else.
 */
@Service
public class ReceiveMessage {
  static final String ACTION = "federation.message.receive";

  private final Channel channel;
  private final OwnIdentity own;
  private final MessageStore store;
  private final AuditLog audit;
  private final Clock clock;

  ReceiveMessage(
      Channel channel, OwnIdentity own, MessageStore store, AuditLog audit, Clock clock) {
    this.channel = channel;
    this.own = own;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  /** A stored message's receipt; {@code duplicate} when it had been received before. */
  public record Outcome(UUID message, String receipt, boolean duplicate) {}

  /**
   * @throws FederationRefused with the {@link MessageRefusal}
   * @throws IllegalStateException when this instance has no federation identity
   */
  @Transactional
  public Outcome receive(String compact) {
    String digest = Messages.sha256(compact);
    var known = store.byDigest(digest);
    if (known.isPresent()) {
      var k = known.get();
      log(
          AuditEntry.Outcome.SUCCESS,
          k.id(),
          "from=" + k.sender() + ", duplicate, digest=" + digest);
      return new Outcome(k.id(), receipt(k.id(), digest, k.sender(), k.receivedAt()), true);
    }
    Messages.Opened opened;
    try {
      opened = channel.open(compact, store::exists);
    } catch (FederationRefused r) {
      log(AuditEntry.Outcome.DENIED, null, "reason=" + r.reason().code() + ", digest=" + digest);
      throw r;
    }
    // the time as stored (PostgreSQL keeps microseconds), so a duplicate's receipt is the same
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    var e = opened.envelope();
    if (!store.insert(opened, now)) {
      // the same id arrived at the same moment on another connection
      log(AuditEntry.Outcome.DENIED, e.id(), "reason=REPLAYED_MESSAGE, digest=" + digest);
      throw new FederationRefused(MessageRefusal.REPLAYED_MESSAGE, "message " + e.id());
    }
    log(
        AuditEntry.Outcome.SUCCESS,
        e.id(),
        "from=" + e.from() + ", type=" + e.type() + ", digest=" + digest);
    return new Outcome(e.id(), receipt(e.id(), digest, e.from(), now), false);
  }

  private String receipt(UUID id, String digest, UUID from, Instant at) {
    return new Receipt(id, digest, from, own.recipient().instance(), at).sign(own.signingKey());
  }

  private void log(AuditEntry.Outcome outcome, UUID message, String detail) {
    audit.record(
        new AuditEntry(
            "federation",
            null,
            ACTION,
            message == null ? null : "federation_message/" + message,
            outcome,
            detail));
  }
}
