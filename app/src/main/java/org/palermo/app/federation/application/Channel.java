package org.palermo.app.federation.application;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.palermo.app.federation.FederationProperties;
import org.palermo.app.federation.protocol.Envelope;
import org.palermo.app.federation.protocol.Messages;
import org.palermo.app.federation.protocol.PayloadSchemas;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The channel between this instance and its partners, for the inbox, the outbox and the {@code
 * transnational} use cases: seals a payload to a trusted partner, and opens what arrives with this
 * instance's keys, the trusted partners' keys and the configured limits.
 */
@Service
public class Channel {
  private final OwnIdentity own;
  private final Partners partners;
  private final Clock clock;
  private final FederationProperties properties;
  private final PayloadSchemas schemas = new PayloadSchemas();

  Channel(OwnIdentity own, Partners partners, Clock clock, FederationProperties properties) {
    this.own = own;
    this.partners = partners;
    this.clock = clock;
    this.properties = properties;
  }

  /**
   * A message of {@code type} to partner {@code to}, following {@code previous} in a conversation
   * (or null), valid for {@code ttl}; the payload is checked against its schema before it leaves.
   *
   * @throws IllegalArgumentException when the payload does not match its type's schema
   */
  public Sealed seal(UUID to, String type, UUID previous, Duration ttl, JsonNode payload) {
    if (!schemas.knows(type) || !schemas.errors(type, payload).isEmpty()) {
      throw new IllegalArgumentException("the payload does not match the schema of " + type);
    }
    var card = partners.sendable(to);
    Envelope e =
        Envelope.create(
            own.recipient().instance(), to, type, clock.instant(), ttl, previous, payload);
    return new Sealed(e.id(), Messages.seal(e, own.signingKey(), card.encryptionKey()));
  }

  /** A sealed message and its id. */
  public record Sealed(UUID id, String message) {}

  /**
   * Opens a message that arrived.
   *
   * @throws org.palermo.app.federation.protocol.FederationRefused with the reason
   */
  public Messages.Opened open(String message, Messages.Seen seen) {
    return Messages.open(
        message, own.recipient(), partners.senders(), seen, schemas, limits(), clock.instant());
  }

  /** The limits in force. */
  public Messages.Limits limits() {
    return new Messages.Limits(
        properties.maxMessageSize().toBytes(), properties.replayWindow(), properties.clockSkew());
  }
}
