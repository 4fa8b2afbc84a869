package org.palermo.app.access;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), the format
 * authenticator apps expect. A code is accepted for the current step and one step either side.
 */
final class Totp {
  static final Duration STEP = Duration.ofSeconds(30);
  private static final Base32 BASE32 = new Base32();
  private final TimeBasedOneTimePasswordGenerator generator =
      new TimeBasedOneTimePasswordGenerator(STEP);
  private final SecureRandom random = new SecureRandom();

  /** A new 160-bit secret in Base32, as authenticator apps take it. */
  String newSecret() {
    byte[] bytes = new byte[20];
    random.nextBytes(bytes);
    return BASE32.encodeToString(bytes).replace("=", "");
  }

  /** The otpauth:// URI an authenticator app reads from the QR code. */
  String uri(String secret, String username) {
    String label = URLEncoder.encode("Palermo:" + username, StandardCharsets.UTF_8);
    return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=Palermo&digits=6&period=30";
  }

  /** The code for a moment; used by tests and by enrolment checks. */
  String codeAt(String secret, Instant at) {
    try {
      return String.format("%06d", generator.generateOneTimePassword(key(secret), at));
    } catch (InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The time step the code matches, if it matches the current step or a neighbour. */
  OptionalLong matchingStep(String secret, String code, Instant now) {
    if (code == null || !code.trim().matches("\\d{6}")) {
      return OptionalLong.empty();
    }
    String wanted = code.trim();
    long current = now.getEpochSecond() / STEP.getSeconds();
    for (long step = current - 1; step <= current + 1; step++) {
      if (codeAt(secret, Instant.ofEpochSecond(step * STEP.getSeconds())).equals(wanted)) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  private SecretKeySpec key(String secret) {
    return new SecretKeySpec(BASE32.decode(secret), generator.getAlgorithm());
  }
}
