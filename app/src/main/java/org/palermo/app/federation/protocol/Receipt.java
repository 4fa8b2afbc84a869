package org.palermo.app.federation.protocol;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The signed receipt a recipient answers for every message it stored (docs/federation.md,
 * "Receipts"): a JWS (ES256, {@code typ} {@code palermo-receipt+jws}) by the recipient's signing
 * key over the message id, the digest of the message as received, who received it and when. The
 * same message delivered again gets a receipt with the same content.
 */
public record Receipt(UUID message, String digest, UUID from, UUID by, Instant receivedAt) {
  public static final JOSEObjectType TYPE = new JOSEObjectType("palermo-receipt+jws");

  /** The receipt signed with {@code signingKey} (compact JWS). */
  public String sign(ECKey signingKey) {
    ObjectNode n = Json.MAPPER.createObjectNode();
    n.put("v", 1);
    n.put("message", message.toString());
    n.put("digest", digest);
    n.put("from", from.toString());
    n.put("by", by.toString());
    n.put("receivedAt", receivedAt.toString());
    try {
      JWSObject jws =
          new JWSObject(
              new JWSHeader.Builder(JWSAlgorithm.ES256)
                  .type(TYPE)
                  .keyID(signingKey.getKeyID())
                  .build(),
              new Payload(Json.MAPPER.writeValueAsString(n)));
      jws.sign(new ECDSASigner(signingKey));
      return jws.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("ES256 is not available", e);
    }
  }

  /**
   * The receipt in {@code compact} if it verifies with {@code recipientSigningKey}.
   *
   * @throws IllegalArgumentException when it is not a receipt or its signature does not verify
   */
  public static Receipt verify(String compact, ECKey recipientSigningKey) {
    try {
      JWSObject jws = JWSObject.parse(compact.strip());
      if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())
          || !TYPE.equals(jws.getHeader().getType())
          || !jws.verify(new ECDSAVerifier(recipientSigningKey.toPublicJWK()))) {
        throw new IllegalArgumentException("not a receipt signed by that key");
      }
      JsonNode n = Json.MAPPER.readTree(jws.getPayload().toString());
      return new Receipt(
          UUID.fromString(n.get("message").asString()),
          n.get("digest").asString(),
          UUID.fromString(n.get("from").asString()),
          UUID.fromString(n.get("by").asString()),
          Instant.parse(n.get("receivedAt").asString()));
    } catch (ParseException | JOSEException | JacksonException | NullPointerException e) {
      throw new IllegalArgumentException("not a receipt", e);
    }
  }
}
