package org.palermo.app.federation.protocol;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Sealing and opening messages, protocol version 1 (docs/federation.md): the envelope is signed
 * (JWS, ES256, {@code kid} = the sender's signing-key thumbprint) and the compact JWS is encrypted
 * (JWE, ECDH-ES with A256GCM, {@code kid} = the recipient's encryption-key thumbprint, {@code cty}
 * {@code JOSE}) to the recipient's encryption key. Only these algorithms are accepted when opening,
 * and compressed JWEs are refused (no decompression bombs).
 */
public final class Messages {
  /** The JWS {@code typ} of a signed envelope. */
  public static final JOSEObjectType ENVELOPE_TYPE = new JOSEObjectType("palermo-envelope+jws");

  /** The JWE {@code typ} of a message. */
  public static final JOSEObjectType MESSAGE_TYPE = new JOSEObjectType("palermo-message+jwe");

  private Messages() {}

  /**
   * The limits applied when opening.
   *
   * @param maxMessageBytes the largest compact message accepted, in bytes (checked before any
   *     decryption; the payload is smaller than the message)
   * @param replayWindow how far in the past a message may have been created (and how long its id
   *     must be remembered)
   * @param clockSkew how far in the future a message may have been created
   */
  public record Limits(long maxMessageBytes, Duration replayWindow, Duration clockSkew) {
    public Limits {
      if (maxMessageBytes < 1024 || replayWindow.isNegative() || clockSkew.isNegative()) {
        throw new IllegalArgumentException("limits out of range");
      }
    }
  }

  /** A trusted partner's signing key, as the partner directory knows it. */
  public record SenderKey(
      UUID instance, ECKey key, boolean revoked, Instant cardNotAfter, Instant usableUntil) {}

  /** Looks a sender's signing key up by its {@code kid}. */
  @FunctionalInterface
  public interface Senders {
    Optional<SenderKey> byKid(String kid);
  }

  /** Whether a message id was received before (replay protection). */
  @FunctionalInterface
  public interface Seen {
    boolean seen(UUID messageId);
  }

  /**
   * This instance as a recipient: its id, and its private encryption keys still usable (the current
   * one and those of the grace period after a rotation).
   */
  public record Recipient(UUID instance, List<ECKey> encryptionKeys) {}

  /**
   * An opened message.
   *
   * @param envelope the verified envelope
   * @param senderKid the kid of the key that signed it
   * @param signed the compact JWS (kept as the sender's signature, non-repudiation)
   * @param digest SHA-256 of the message as received, hexadecimal
   */
  public record Opened(Envelope envelope, String senderKid, String signed, String digest) {}

  /** The message (compact JWE) carrying {@code envelope}, signed by {@code senderSigningKey}. */
  public static String seal(
      Envelope envelope, ECKey senderSigningKey, ECKey recipientEncryptionKey) {
    try {
      JWSObject jws =
          new JWSObject(
              new JWSHeader.Builder(JWSAlgorithm.ES256)
                  .type(ENVELOPE_TYPE)
                  .keyID(senderSigningKey.getKeyID())
                  .build(),
              new Payload(Json.MAPPER.writeValueAsString(envelope.json())));
      jws.sign(new ECDSASigner(senderSigningKey));
      JWEObject jwe =
          new JWEObject(
              new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM)
                  .type(MESSAGE_TYPE)
                  .contentType("JOSE")
                  .keyID(recipientEncryptionKey.getKeyID())
                  .build(),
              new Payload(jws.serialize()));
      jwe.encrypt(new ECDHEncrypter(recipientEncryptionKey.toPublicJWK()));
      return jwe.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("ES256 or ECDH-ES is not available", e);
    }
  }

  /**
   * Opens a message: decrypts, verifies, checks the envelope, its time and its payload.
   *
   * @throws FederationRefused with the {@link MessageRefusal} of the first check that fails
   */
  public static Opened open(
      String compact,
      Recipient me,
      Senders senders,
      Seen seen,
      PayloadSchemas schemas,
      Limits limits,
      Instant now) {
    if (compact.length() > limits.maxMessageBytes()) {
      throw refused(MessageRefusal.OVERSIZED_PAYLOAD, "larger than " + limits.maxMessageBytes());
    }
    JWEObject jwe;
    try {
      jwe = JWEObject.parse(compact);
    } catch (ParseException e) {
      throw refused(MessageRefusal.MALFORMED_MESSAGE, "not a compact JWE");
    }
    JWEHeader h = jwe.getHeader();
    if (!JWEAlgorithm.ECDH_ES.equals(h.getAlgorithm())
        || !EncryptionMethod.A256GCM.equals(h.getEncryptionMethod())
        || h.getCompressionAlgorithm() != null
        || !MESSAGE_TYPE.equals(h.getType())) {
      throw refused(MessageRefusal.MALFORMED_MESSAGE, "only ECDH-ES with A256GCM, uncompressed");
    }
    ECKey mine =
        me.encryptionKeys().stream()
            .filter(k -> k.getKeyID().equals(h.getKeyID()))
            .findFirst()
            .orElseThrow(
                () -> refused(MessageRefusal.NOT_FOR_THIS_INSTANCE, "unknown encryption key"));
    try {
      jwe.decrypt(new ECDHDecrypter(mine));
    } catch (JOSEException | RuntimeException e) {
      throw refused(MessageRefusal.ALTERED_CIPHERTEXT, "decryption failed");
    }
    JWSObject jws;
    try {
      jws = JWSObject.parse(jwe.getPayload().toString());
    } catch (ParseException e) {
      throw refused(MessageRefusal.MALFORMED_MESSAGE, "no compact JWS inside");
    }
    if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())
        || !ENVELOPE_TYPE.equals(jws.getHeader().getType())
        || jws.getHeader().getKeyID() == null) {
      throw refused(MessageRefusal.MALFORMED_MESSAGE, "only ES256 with a kid");
    }
    String kid = jws.getHeader().getKeyID();
    SenderKey sender =
        senders
            .byKid(kid)
            .orElseThrow(() -> refused(MessageRefusal.UNKNOWN_SENDER, "no trusted key " + kid));
    if (sender.revoked()) {
      throw refused(MessageRefusal.REVOKED_SENDER, "partner " + sender.instance() + " revoked");
    }
    if (!now.isBefore(sender.cardNotAfter())
        || (sender.usableUntil() != null && !now.isBefore(sender.usableUntil()))) {
      throw refused(MessageRefusal.SENDER_KEY_EXPIRED, "key " + kid + " no longer valid");
    }
    try {
      if (!jws.verify(new ECDSAVerifier(sender.key()))) {
        throw refused(MessageRefusal.FORGED_SIGNATURE, "signature does not verify");
      }
    } catch (JOSEException e) {
      throw refused(MessageRefusal.FORGED_SIGNATURE, "signature cannot be checked");
    }
    JsonNode doc;
    try {
      doc = Json.MAPPER.readTree(jws.getPayload().toString());
    } catch (JacksonException e) {
      throw refused(MessageRefusal.MALFORMED_MESSAGE, "the envelope is not JSON");
    }
    List<String> envelopeErrors = schemas.errors(PayloadSchemas.ENVELOPE, doc);
    if (!envelopeErrors.isEmpty()) {
      throw refused(MessageRefusal.MALFORMED_MESSAGE, "envelope: " + envelopeErrors);
    }
    Envelope e;
    try {
      e = Envelope.fromJson(doc);
    } catch (java.time.DateTimeException | IllegalArgumentException bad) {
      // A time the schema's date-time accepts but Instant does not, or expiry before creation.
      throw refused(
          MessageRefusal.MALFORMED_MESSAGE, "envelope: " + bad.getClass().getSimpleName());
    }
    if (!e.from().equals(sender.instance())) {
      throw refused(MessageRefusal.SENDER_MISMATCH, "signed by " + sender.instance());
    }
    if (!e.to().equals(me.instance())) {
      throw refused(MessageRefusal.NOT_FOR_THIS_INSTANCE, "addressed to " + e.to());
    }
    if (!now.isBefore(e.expires())) {
      throw refused(MessageRefusal.EXPIRED_MESSAGE, "expired at " + e.expires());
    }
    if (e.created().isBefore(now.minus(limits.replayWindow()))
        || e.created().isAfter(now.plus(limits.clockSkew()))) {
      throw refused(MessageRefusal.REPLAYED_MESSAGE, "created outside the replay window");
    }
    if (seen.seen(e.id())) {
      throw refused(MessageRefusal.REPLAYED_MESSAGE, "message " + e.id() + " seen before");
    }
    if (!schemas.knows(e.type())) {
      throw refused(MessageRefusal.UNKNOWN_TYPE, "no schema for " + e.type());
    }
    List<String> payloadErrors = schemas.errors(e.type(), e.payload());
    if (!payloadErrors.isEmpty()) {
      throw refused(MessageRefusal.SCHEMA_MISMATCH, e.type() + ": " + payloadErrors);
    }
    return new Opened(e, kid, jws.serialize(), sha256(compact));
  }

  /** SHA-256 of a compact message, hexadecimal. */
  public static String sha256(String compact) {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(compact.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static FederationRefused refused(MessageRefusal reason, String detail) {
    return new FederationRefused(reason, detail);
  }
}
