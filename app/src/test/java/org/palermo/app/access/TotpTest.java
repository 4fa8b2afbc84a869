package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {
  /** The RFC 6238 appendix B secret "12345678901234567890" in Base32. */
  static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  private final Totp totp = new Totp();

  @Test
  void matches_the_rfc_6238_test_vectors_truncated_to_six_digits() {
    // RFC 6238 appendix B, SHA-1: 94287082 at T=59, 07081804 at T=1111111109.
    assertThat(totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
    assertThat(totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
  }

  @Test
  void accepts_one_step_of_clock_drift_and_no_more() {
    Instant now = Instant.ofEpochSecond(1_800_000_000L);
    String previous = totp.codeAt(RFC_SECRET, now.minusSeconds(30));
    String old = totp.codeAt(RFC_SECRET, now.minusSeconds(90));
    assertThat(totp.matchingStep(RFC_SECRET, previous, now)).isPresent();
    assertThat(totp.matchingStep(RFC_SECRET, old, now)).isEmpty();
    assertThat(totp.matchingStep(RFC_SECRET, "12345", now)).isEmpty();
    assertThat(totp.matchingStep(RFC_SECRET, null, now)).isEmpty();
  }

  @Test
  void new_secrets_are_160_bits_and_make_an_otpauth_uri() {
    String secret = totp.newSecret();
    assertThat(secret).matches("[A-Z2-7]{32}");
    assertThat(totp.uri(secret, "maria")).startsWith("otpauth://totp/Palermo%3Amaria?secret=");
  }
}
