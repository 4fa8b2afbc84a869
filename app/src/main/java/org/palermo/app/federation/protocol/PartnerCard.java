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
import com.nimbusds.jose.jwk.KeyUse;
import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A partner card, version 1 (docs/federation.md, "Partner cards"): an instance's identity, its two
 * public keys and the card's validity, signed (JWS, ES256) by the signing key it carries, so that
 * whoever has checked the fingerprint out of band knows the whole card came from the holder of that
 * key. A higher {@code version} of the same {@code instance} replaces a lower one (key rotation).
 */
public record PartnerCard(
    UUID instance,
    String country,
    String organisation,
    MechanismRole role,
    URI inbox,
    int version,
    Instant notBefore,
    Instant notAfter,
    ECKey signingKey,
    ECKey encryptionKey) {

  /** The {@code format} member of a version-1 card. */
  public static final String FORMAT = "palermo-card/1";

  /** The JWS {@code typ} of a card. */
  public static final JOSEObjectType TYPE = new JOSEObjectType("palermo-card+jws");

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  public PartnerCard {
    if (instance == null || role == null || inbox == null || notBefore == null) {
      throw new IllegalArgumentException("instance, role, inbox and validity are required");
    }
    if (country == null || !COUNTRIES.contains(country)) {
      throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-2 code");
    }
    if (organisation == null || organisation.isBlank() || organisation.length() > 200) {
      throw new IllegalArgumentException("organisation must have 1 to 200 characters");
    }
    // No control or format characters (terminal escapes, bidirectional overrides): a card is read
    // by an operator on a terminal before trusting it, and must not be able to redraw the
    // fingerprint shown beside it.
    if (organisation.codePoints().anyMatch(PartnerCard::hidden)) {
      throw new IllegalArgumentException(
          "organisation must not hold control or formatting characters");
    }
    if (!inboxAllowed(inbox)) {
      throw new IllegalArgumentException("the inbox must be an https URL (http only on loopback)");
    }
    if (version < 1) {
      throw new IllegalArgumentException("version starts at 1");
    }
    if (notAfter == null || !notAfter.isAfter(notBefore)) {
      throw new IllegalArgumentException("not-after must follow not-before");
    }
    if (signingKey == null
        || signingKey.isPrivate()
        || encryptionKey == null
        || encryptionKey.isPrivate()) {
      throw new IllegalArgumentException("a card carries the two public keys only");
    }
  }

  /** Whether {@code inbox} is an https URL, or http on the loopback interface (tests, demo). */
  public static boolean inboxAllowed(URI inbox) {
    if (inbox == null || !inbox.isAbsolute() || inbox.getHost() == null) {
      return false;
    }
    String scheme = inbox.getScheme().toLowerCase(Locale.ROOT);
    String host = inbox.getHost();
    return scheme.equals("https")
        || (scheme.equals("http")
            && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]")));
  }

  /** The fingerprint to confirm before trusting this card ({@link Keys#fingerprint}). */
  public String fingerprint() {
    return Keys.fingerprint(signingKey);
  }

  /** The card as JSON (the JWS payload). */
  public ObjectNode json() {
    ObjectNode card = Json.MAPPER.createObjectNode();
    card.put("format", FORMAT);
    card.put("instance", instance.toString());
    card.put("country", country);
    card.put("organisation", organisation);
    card.put("role", role.name());
    card.put("inbox", inbox.toString());
    card.put("version", version);
    card.put("notBefore", notBefore.toString());
    card.put("notAfter", notAfter.toString());
    ObjectNode keys = card.putObject("keys");
    keys.set("signing", Json.MAPPER.readTree(signingKey.toPublicJWK().toJSONString()));
    keys.set("encryption", Json.MAPPER.readTree(encryptionKey.toPublicJWK().toJSONString()));
    return card;
  }

  /** The signed card (compact JWS), signed with the private half of {@link #signingKey}. */
  public String sign(ECKey privateSigningKey) {
    if (!privateSigningKey.toPublicJWK().equals(signingKey)) {
      throw new IllegalArgumentException("a card is signed by the signing key it carries");
    }
    try {
      JWSObject jws =
          new JWSObject(
              new JWSHeader.Builder(JWSAlgorithm.ES256)
                  .type(TYPE)
                  .keyID(signingKey.getKeyID())
                  .build(),
              new Payload(Json.MAPPER.writeValueAsString(json())));
      jws.sign(new ECDSASigner(privateSigningKey));
      return jws.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("ES256 is not available", e);
    }
  }

  /**
   * The card a compact JWS holds, once its self-signature verified and its validity holds at {@code
   * now}.
   *
   * @throws FederationRefused with a {@link CardRefusal}
   */
  public static PartnerCard verify(String compact, Instant now) {
    JWSObject jws;
    PartnerCard card;
    try {
      jws = JWSObject.parse(compact.strip());
      if (!JWSAlgorithm.ES256.equals(jws.getHeader().getAlgorithm())
          || !TYPE.equals(jws.getHeader().getType())) {
        throw new FederationRefused(CardRefusal.MALFORMED_CARD, "not an ES256 partner card");
      }
      card = fromJson(Json.MAPPER.readTree(jws.getPayload().toString()));
    } catch (ParseException | JacksonException | IllegalArgumentException e) {
      throw new FederationRefused(CardRefusal.MALFORMED_CARD, "not a version-1 partner card");
    }
    try {
      if (!card.signingKey.getKeyID().equals(jws.getHeader().getKeyID())
          || !jws.verify(new ECDSAVerifier(card.signingKey))) {
        throw new FederationRefused(
            CardRefusal.FORGED_CARD, "the card's signature does not verify with its own key");
      }
    } catch (JOSEException e) {
      throw new FederationRefused(
          CardRefusal.FORGED_CARD, "the card's signature cannot be checked");
    }
    if (now.isBefore(card.notBefore)) {
      throw new FederationRefused(CardRefusal.CARD_NOT_YET_VALID, "valid from " + card.notBefore);
    }
    if (!now.isBefore(card.notAfter)) {
      throw new FederationRefused(CardRefusal.CARD_EXPIRED, "expired at " + card.notAfter);
    }
    return card;
  }

  private static PartnerCard fromJson(JsonNode n) {
    if (!FORMAT.equals(n.path("format").asString(""))) {
      throw new IllegalArgumentException("format");
    }
    try {
      return new PartnerCard(
          UUID.fromString(text(n, "instance")),
          text(n, "country"),
          text(n, "organisation"),
          MechanismRole.valueOf(text(n, "role")),
          new URI(text(n, "inbox")),
          n.path("version").asInt(0),
          Instant.parse(text(n, "notBefore")),
          Instant.parse(text(n, "notAfter")),
          Keys.publicKey(n.path("keys").path("signing").toString(), KeyUse.SIGNATURE),
          Keys.publicKey(n.path("keys").path("encryption").toString(), KeyUse.ENCRYPTION));
    } catch (java.net.URISyntaxException | DateTimeParseException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isString()) {
      throw new IllegalArgumentException(field);
    }
    return v.asString();
  }

  private static boolean hidden(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL || type == Character.FORMAT;
  }
}
