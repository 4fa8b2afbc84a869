package org.palermo.app.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Free text sealed into a {@code bytea} column (SECURITY.md rule 6; issue 5 §4): case notes,
 * assessments, plans, referral notes, risk-assessment sources and the like. Sealed with the data
 * key of the record the text belongs to (the case, or the person for a person's own rows), so
 * master-key rotation re-wraps it with every other data key and erasing that one key shreds it. The
 * associated data binds the value to its column and row ({@link #context}): a value copied to
 * another row or column does not open.
 *
 * <p>Convention, read by the subject-access export: the sealed column of {@code x} is {@code
 * x_sealed}, and the row key is the row's {@code id} unless a table says otherwise.
 */
@Component
public class SealedText {
  /** What a read returns for a text whose data key was erased (crypto-shredded). */
  public static final String ERASED = "";

  private final FieldCipher cipher;
  private final DataKeys keys;

  SealedText(FieldCipher cipher, DataKeys keys) {
    this.cipher = cipher;
    this.keys = keys;
  }

  /** The sealed form of {@code text} in {@code table.column} of row {@code rowKey}. */
  public byte[] seal(UUID recordId, String table, String column, Object rowKey, String text) {
    if (text == null) {
      return null;
    }
    return cipher.sealBytes(
        recordId, context(table, column, rowKey), text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The text of a sealed column; {@code legacy} (the old plaintext column) when nothing is sealed
   * yet, i.e. a row stored before the column was sealed and not yet migrated. {@link #ERASED} when
   * the record's data key was erased.
   *
   * @throws SealedDataException when the value was altered or belongs to another row
   */
  public String open(
      UUID recordId, String table, String column, Object rowKey, byte[] sealed, String legacy) {
    if (sealed == null) {
      return legacy;
    }
    try {
      keys.forOpening(recordId);
    } catch (SealedDataException erased) {
      return ERASED;
    }
    return new String(
        cipher.openBytes(recordId, context(table, column, rowKey), sealed), StandardCharsets.UTF_8);
  }

  /**
   * The text, if {@code recordId}'s data key exists and opens {@code sealed} for this column and
   * row; empty otherwise (for callers that try several candidate records, such as the export).
   */
  public Optional<String> tryOpen(
      UUID recordId, String table, String column, Object rowKey, byte[] sealed) {
    try {
      return Optional.of(
          new String(
              cipher.openBytes(recordId, context(table, column, rowKey), sealed),
              StandardCharsets.UTF_8));
    } catch (SealedDataException e) {
      return Optional.empty();
    }
  }

  /** The associated-data context of one column of one row. */
  public static String context(String table, String column, Object rowKey) {
    return "text:" + table + "." + column + ":" + rowKey;
  }
}
