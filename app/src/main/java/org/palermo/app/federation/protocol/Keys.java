package org.palermo.app.federation.protocol;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The key pairs of an instance: ECDSA P-256 for signatures (ES256, RFC 7518 §3.4) and P-256 for
 * ECDH-ES key agreement (RFC 7518 §4.6), each identified by its RFC 7638 thumbprint (SHA-256) as
 * {@code kid}.
 */
public final class Keys {
  private Keys() {}

  /** A new signing key pair (private). */
  public static ECKey newSigningKey() {
    return generate(KeyUse.SIGNATURE);
  }

  /** A new encryption key pair (private). */
  public static ECKey newEncryptionKey() {
    return generate(KeyUse.ENCRYPTION);
  }

  private static ECKey generate(KeyUse use) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyUse(use).keyIDFromThumbprint(true).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("P-256 is not available", e);
    }
  }

  /**
   * A public P-256 key of {@code use} from its JWK text; an {@link IllegalArgumentException} if it
   * is not one, holds a private part, or its {@code kid} is not its thumbprint.
   */
  public static ECKey publicKey(String jwk, KeyUse use) {
    ECKey key = parse(jwk);
    if (key.isPrivate()) {
      throw new IllegalArgumentException("a published key must not hold its private part");
    }
    check(key, use);
    return key;
  }

  /** A private P-256 key of {@code use} from its JWK text (read back from the sealed column). */
  public static ECKey privateKey(String jwk, KeyUse use) {
    ECKey key = parse(jwk);
    if (!key.isPrivate()) {
      throw new IllegalArgumentException("not a private key");
    }
    check(key, use);
    return key;
  }

  private static ECKey parse(String jwk) {
    try {
      JWK parsed = JWK.parse(jwk);
      if (!(parsed instanceof ECKey ec)) {
        throw new IllegalArgumentException("not an EC key");
      }
      return ec;
    } catch (ParseException e) {
      throw new IllegalArgumentException("not a JWK", e);
    }
  }

  private static void check(ECKey key, KeyUse use) {
    if (!Curve.P_256.equals(key.getCurve())) {
      throw new IllegalArgumentException("the key is not on P-256");
    }
    if (key.getKeyUse() != null && !use.equals(key.getKeyUse())) {
      throw new IllegalArgumentException("the key is not for " + use.identifier());
    }
    if (key.getKeyID() == null || !key.getKeyID().equals(thumbprint(key).toString())) {
      throw new IllegalArgumentException("the key id is not the key's RFC 7638 thumbprint");
    }
  }

  /** The RFC 7638 thumbprint (SHA-256) of a key: its {@code kid}. */
  public static Base64URL thumbprint(ECKey key) {
    try {
      return key.computeThumbprint("SHA-256");
    } catch (JOSEException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * The fingerprint an operator compares out of band before trusting a card: the RFC 7638 SHA-256
   * thumbprint of the card's signing key, in 16 groups of 4 upper-case hexadecimal digits.
   */
  public static String fingerprint(ECKey signingKey) {
    String hex = HexFormat.of().formatHex(thumbprint(signingKey).decode()).toUpperCase(Locale.ROOT);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < hex.length(); i += 4) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(hex, i, i + 4);
    }
    return out.toString();
  }

  /** A typed fingerprint, compared ignoring case, spaces and colons. */
  public static boolean sameFingerprint(String a, String b) {
    return normalise(a).equals(normalise(b));
  }

  private static String normalise(String f) {
    return f == null ? "" : f.replaceAll("[\\s:]", "").toUpperCase(Locale.ROOT);
  }
}
