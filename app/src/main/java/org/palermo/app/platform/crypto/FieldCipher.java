package org.palermo.app.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Seals and opens one field of one record with the record's data key (AES-256-GCM; the record id is
 * associated data, so a value copied into another record does not open). Sealed values are text
 * {@code pal1:<base64url>}, fit a TEXT column or a JSON string, and never equal for equal
 * plaintexts. Seal every value of a record (a person, a case) under the same {@code recordId}, so
 * that erasing that one data key shreds the whole record.
 */
@Component
public class FieldCipher {
  /** The prefix of every sealed value. */
  public static final String PREFIX = "pal1:";

  private final DataKeys keys;

  FieldCipher(DataKeys keys) {
    this.keys = keys;
  }

  /**
   * A cipher outside the application context, for offline tools and tests that open a data
   * directory's database directly.
   */
  public static FieldCipher offline(
      org.springframework.jdbc.core.simple.JdbcClient jdbc, KeyRing ring) {
    return new FieldCipher(new DataKeys(jdbc, ring));
  }

  /** The sealed form of {@code plaintext}; {@code null} stays {@code null}. */
  public String seal(UUID recordId, String plaintext) {
    if (plaintext == null) {
      return null;
    }
    byte[] sealed =
        Aead.seal(
            keys.forSealing(recordId), plaintext.getBytes(StandardCharsets.UTF_8), aad(recordId));
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
  }

  /**
   * The plaintext of {@code sealed}; {@code null} stays {@code null}. A value without the prefix is
   * returned as it is (rows written before encryption was switched on).
   *
   * @throws SealedDataException when the value was altered, belongs to another record, or the
   *     record's data key was erased
   */
  public String open(UUID recordId, String sealed) {
    if (sealed == null || !isSealed(sealed)) {
      return sealed;
    }
    byte[] raw = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
    return new String(
        Aead.open(keys.forOpening(recordId), raw, aad(recordId)), StandardCharsets.UTF_8);
  }

  /** A date, sealed as its ISO text. */
  public String sealDate(UUID recordId, LocalDate date) {
    return date == null ? null : seal(recordId, date.toString());
  }

  /** A date sealed by {@link #sealDate}. */
  public LocalDate openDate(UUID recordId, String sealed) {
    String text = open(recordId, sealed);
    return text == null ? null : LocalDate.parse(text);
  }

  /**
   * Bytes sealed with the record's data key: nonce (12 bytes), ciphertext, tag (16 bytes). The
   * record id and {@code context} (what the bytes are, e.g. {@code "attachment:<id>:key"}) are the
   * associated data, so the value opens only for that record and that use.
   */
  public byte[] sealBytes(UUID recordId, String context, byte[] plaintext) {
    return Aead.seal(keys.forSealing(recordId), plaintext, aad(recordId, context));
  }

  /**
   * Bytes sealed by {@link #sealBytes}.
   *
   * @throws SealedDataException when altered, sealed for another record or context, or when the
   *     record's data key was erased
   */
  public byte[] openBytes(UUID recordId, String context, byte[] sealed) {
    return Aead.open(keys.forOpening(recordId), sealed, aad(recordId, context));
  }

  private static byte[] aad(UUID recordId, String context) {
    byte[] c = context.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(16 + c.length).put(aad(recordId)).put(c).array();
  }

  /** Whether {@code value} is a sealed value. */
  public static boolean isSealed(String value) {
    return value != null && value.startsWith(PREFIX);
  }

  private static byte[] aad(UUID recordId) {
    return ByteBuffer.allocate(16)
        .putLong(recordId.getMostSignificantBits())
        .putLong(recordId.getLeastSignificantBits())
        .array();
  }
}
