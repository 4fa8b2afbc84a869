package org.palermo.app.federation.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.jwk.ECKey;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.platform.RefusalReason;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The envelope of issue 15 §2–3 with real keys: a message sealed by one instance opens at the
 * other, and every attack the issue lists is refused with its own reason, on a real forged or
 * altered message.
 */
class SealedMessagesTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");
  private static final Messages.Limits LIMITS =
      new Messages.Limits(64 * 1024, Duration.ofDays(7), Duration.ofMinutes(5));
  private static final PayloadSchemas SCHEMAS = new PayloadSchemas();

  private final UUID corvania = UUID.randomUUID();
  private final UUID ardenia = UUID.randomUUID();
  private final ECKey corvaniaSigning = Keys.newSigningKey();
  private final ECKey ardeniaEncryption = Keys.newEncryptionKey();
  private final Set<UUID> seen = new HashSet<>();
  private boolean revoked;

  private Optional<Messages.SenderKey> senders(String kid) {
    return kid.equals(corvaniaSigning.getKeyID())
        ? Optional.of(
            new Messages.SenderKey(
                corvania,
                corvaniaSigning.toPublicJWK(),
                revoked,
                NOW.plus(Duration.ofDays(300)),
                null))
        : Optional.empty();
  }

  private Messages.Opened open(String message) {
    return open(message, NOW);
  }

  private Messages.Opened open(String message, Instant at) {
    return Messages.open(
        message,
        new Messages.Recipient(ardenia, List.of(ardeniaEncryption)),
        this::senders,
        seen::contains,
        SCHEMAS,
        LIMITS,
        at);
  }

  private static JsonNode ping(String note) {
    return JSON.createObjectNode().put("note", note).put("lang", "en");
  }

  private Envelope envelope(JsonNode payload) {
    return Envelope.create(corvania, ardenia, "ping.v1", NOW, Duration.ofHours(1), null, payload);
  }

  private String sealed(Envelope e) {
    return Messages.seal(e, corvaniaSigning, ardeniaEncryption.toPublicJWK());
  }

  private void assertRefused(String message, RefusalReason reason) {
    assertThatThrownBy(() -> open(message))
        .isInstanceOfSatisfying(
            FederationRefused.class, r -> assertThat(r.reason()).isEqualTo(reason));
  }

  @Test
  void aSealedMessageOpensAtItsRecipientWithItsEnvelopeIntact() {
    UUID previous = UUID.randomUUID();
    Envelope e =
        Envelope.create(
            corvania, ardenia, "ping.v1", NOW, Duration.ofHours(1), previous, ping("hello"));
    String message = sealed(e);

    Messages.Opened opened = open(message);

    assertThat(opened.envelope()).isEqualTo(e);
    assertThat(opened.envelope().previous()).isEqualTo(previous);
    assertThat(opened.senderKid()).isEqualTo(corvaniaSigning.getKeyID());
    assertThat(message).doesNotContain("hello").hasSize(message.length());
    assertThat(message.split("\\.")).hasSize(5);
  }

  @Test
  void aSignatureByAnotherKeyUnderTheSendersKidIsForged() {
    ECKey attacker = Keys.newSigningKey();
    // the attacker's key, relabelled with Corvania's kid
    ECKey disguised = new ECKey.Builder(attacker).keyID(corvaniaSigning.getKeyID()).build();
    String forged = Messages.seal(envelope(ping("x")), disguised, ardeniaEncryption.toPublicJWK());
    assertRefused(forged, MessageRefusal.FORGED_SIGNATURE);
  }

  @Test
  void aByteChangedInTheCiphertextIsAltered() {
    String[] parts = sealed(envelope(ping("hello"))).split("\\.");
    char[] ct = parts[3].toCharArray();
    ct[ct.length / 2] = ct[ct.length / 2] == 'A' ? 'B' : 'A';
    parts[3] = new String(ct);
    assertRefused(String.join(".", parts), MessageRefusal.ALTERED_CIPHERTEXT);
  }

  @Test
  void aChangedTagIsAltered() {
    String[] parts = sealed(envelope(ping("hello"))).split("\\.");
    char[] tag = parts[4].toCharArray();
    tag[0] = tag[0] == 'A' ? 'B' : 'A';
    parts[4] = new String(tag);
    assertRefused(String.join(".", parts), MessageRefusal.ALTERED_CIPHERTEXT);
  }

  @Test
  void aSenderWhoseKeyIsNotTrustedIsUnknown() {
    ECKey stranger = Keys.newSigningKey();
    String message = Messages.seal(envelope(ping("x")), stranger, ardeniaEncryption.toPublicJWK());
    assertRefused(message, MessageRefusal.UNKNOWN_SENDER);
  }

  @Test
  void aRevokedSenderIsRefused() {
    String message = sealed(envelope(ping("x")));
    revoked = true;
    assertRefused(message, MessageRefusal.REVOKED_SENDER);
  }

  @Test
  void anExpiredMessageIsRefused() {
    String message = sealed(envelope(ping("x")));
    assertThatThrownBy(() -> open(message, NOW.plus(Duration.ofHours(2))))
        .isInstanceOfSatisfying(
            FederationRefused.class,
            r -> assertThat(r.reason()).isEqualTo(MessageRefusal.EXPIRED_MESSAGE));
  }

  @Test
  void theSameMessageTwiceIsAReplay() {
    String message = sealed(envelope(ping("x")));
    seen.add(open(message).envelope().id());
    assertRefused(message, MessageRefusal.REPLAYED_MESSAGE);
  }

  @Test
  void aMessageCreatedOutsideTheWindowIsAReplay() {
    Instant old = NOW.minus(Duration.ofDays(8));
    Envelope e =
        Envelope.create(corvania, ardenia, "ping.v1", old, Duration.ofDays(30), null, ping("x"));
    assertRefused(sealed(e), MessageRefusal.REPLAYED_MESSAGE);
    Envelope future =
        Envelope.create(
            corvania,
            ardenia,
            "ping.v1",
            NOW.plus(Duration.ofHours(1)),
            Duration.ofDays(1),
            null,
            ping("x"));
    assertRefused(sealed(future), MessageRefusal.REPLAYED_MESSAGE);
  }

  @Test
  void aMessageOverTheLimitIsRefusedBeforeDecryption() {
    String big = sealed(envelope(JSON.createObjectNode().put("note", "x".repeat(70_000))));
    assertRefused(big, MessageRefusal.OVERSIZED_PAYLOAD);
  }

  @Test
  void aPayloadThatDoesNotMatchItsSchemaIsRefused() {
    assertRefused(
        sealed(envelope(JSON.createObjectNode().put("note", "x".repeat(201)))),
        MessageRefusal.SCHEMA_MISMATCH);
    assertRefused(
        sealed(envelope(JSON.createObjectNode().put("note", "x").put("name", "someone"))),
        MessageRefusal.SCHEMA_MISMATCH);
    assertRefused(sealed(envelope(JSON.createObjectNode())), MessageRefusal.SCHEMA_MISMATCH);
  }

  @Test
  void aTypeWithoutASchemaIsRefused() {
    Envelope e =
        Envelope.create(
            corvania, ardenia, "unheard-of.v1", NOW, Duration.ofHours(1), null, ping("x"));
    assertRefused(sealed(e), MessageRefusal.UNKNOWN_TYPE);
  }

  @Test
  void aMessageForAnotherInstanceIsRefused() {
    ECKey otherEncryption = Keys.newEncryptionKey();
    String toOther =
        Messages.seal(envelope(ping("x")), corvaniaSigning, otherEncryption.toPublicJWK());
    assertRefused(toOther, MessageRefusal.NOT_FOR_THIS_INSTANCE);
    Envelope misaddressed =
        Envelope.create(
            corvania, UUID.randomUUID(), "ping.v1", NOW, Duration.ofHours(1), null, ping("x"));
    assertRefused(sealed(misaddressed), MessageRefusal.NOT_FOR_THIS_INSTANCE);
  }

  @Test
  void aPartnerSigningInAnotherPartnersNameIsRefused() {
    Envelope impersonating =
        Envelope.create(
            UUID.randomUUID(), ardenia, "ping.v1", NOW, Duration.ofHours(1), null, ping("x"));
    assertRefused(sealed(impersonating), MessageRefusal.SENDER_MISMATCH);
  }

  @Test
  void aCompressedMessageIsRefusedUnopened() throws Exception {
    JWEObject jwe =
        new JWEObject(
            new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM)
                .type(new JOSEObjectType("palermo-message+jwe"))
                .compressionAlgorithm(com.nimbusds.jose.CompressionAlgorithm.DEF)
                .keyID(ardeniaEncryption.getKeyID())
                .build(),
            new Payload("x".repeat(1000)));
    jwe.encrypt(new ECDHEncrypter(ardeniaEncryption.toPublicJWK()));
    assertRefused(jwe.serialize(), MessageRefusal.MALFORMED_MESSAGE);
  }

  @Test
  void aSenderKeyPastItsGracePeriodIsRefused() {
    String message = sealed(envelope(ping("x")));
    Messages.Senders afterGrace =
        kid ->
            Optional.of(
                new Messages.SenderKey(
                    corvania,
                    corvaniaSigning.toPublicJWK(),
                    false,
                    NOW.plus(Duration.ofDays(1)),
                    NOW.minus(Duration.ofMinutes(1))));
    assertThatThrownBy(
            () ->
                Messages.open(
                    message,
                    new Messages.Recipient(ardenia, List.of(ardeniaEncryption)),
                    afterGrace,
                    id -> false,
                    SCHEMAS,
                    LIMITS,
                    NOW))
        .isInstanceOfSatisfying(
            FederationRefused.class,
            r -> assertThat(r.reason()).isEqualTo(MessageRefusal.SENDER_KEY_EXPIRED));
  }

  @Test
  void aCardVerifiesWithItsOwnKeyAndShowsItsFingerprint() {
    ECKey encryption = Keys.newEncryptionKey();
    PartnerCard card =
        new PartnerCard(
            corvania,
            "PT",
            "Corvania NRM",
            MechanismRole.NATIONAL_COORDINATOR,
            URI.create("https://nrm.example/federation/v1/inbox"),
            1,
            NOW.minusSeconds(60),
            NOW.plus(Duration.ofDays(365)),
            corvaniaSigning.toPublicJWK(),
            encryption.toPublicJWK());
    String signed = card.sign(corvaniaSigning);

    PartnerCard read = PartnerCard.verify(signed, NOW);

    assertThat(read).isEqualTo(card);
    assertThat(read.fingerprint()).matches("([0-9A-F]{4} ){15}[0-9A-F]{4}");
    assertThat(
            Keys.sameFingerprint(
                read.fingerprint(), read.fingerprint().toLowerCase().replace(" ", ":")))
        .isTrue();
    assertThatThrownBy(() -> PartnerCard.verify(signed, NOW.plus(Duration.ofDays(366))))
        .isInstanceOfSatisfying(
            FederationRefused.class,
            r -> assertThat(r.reason()).isEqualTo(CardRefusal.CARD_EXPIRED));
  }

  @Test
  void aCardWhoseOrganisationCouldRedrawTheTerminalIsRefused() {
    // An escape sequence or a bidirectional override could hide the real fingerprint from the
    // operator who confirms the card (terminal injection).
    for (String name :
        new String[] {"Corvania NRM\u001b[8m", "Corvania\r\u001b[1A", "Corvania \u202eMRN"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  new PartnerCard(
                      corvania,
                      "PT",
                      name,
                      MechanismRole.NATIONAL_COORDINATOR,
                      URI.create("https://nrm.example/federation/v1/inbox"),
                      1,
                      NOW.minusSeconds(60),
                      NOW.plus(Duration.ofDays(365)),
                      corvaniaSigning.toPublicJWK(),
                      Keys.newEncryptionKey().toPublicJWK()))
          .as(name)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aCardWhoseContentWasChangedAfterSigningIsForged() {
    ECKey encryption = Keys.newEncryptionKey();
    PartnerCard card =
        new PartnerCard(
            corvania,
            "PT",
            "Corvania NRM",
            MechanismRole.NATIONAL_COORDINATOR,
            URI.create("https://nrm.example/federation/v1/inbox"),
            1,
            NOW.minusSeconds(60),
            NOW.plus(Duration.ofDays(365)),
            corvaniaSigning.toPublicJWK(),
            encryption.toPublicJWK());
    String[] parts = card.sign(corvaniaSigning).split("\\.");
    // the attacker swaps the encryption key for one of its own and keeps the signature
    PartnerCard swapped =
        new PartnerCard(
            corvania,
            "PT",
            "Corvania NRM",
            MechanismRole.NATIONAL_COORDINATOR,
            URI.create("https://nrm.example/federation/v1/inbox"),
            1,
            NOW.minusSeconds(60),
            NOW.plus(Duration.ofDays(365)),
            corvaniaSigning.toPublicJWK(),
            Keys.newEncryptionKey().toPublicJWK());
    parts[1] = com.nimbusds.jose.util.Base64URL.encode(swapped.json().toString()).toString();
    assertThatThrownBy(() -> PartnerCard.verify(String.join(".", parts), NOW))
        .isInstanceOfSatisfying(
            FederationRefused.class,
            r -> assertThat(r.reason()).isEqualTo(CardRefusal.FORGED_CARD));
  }
}
