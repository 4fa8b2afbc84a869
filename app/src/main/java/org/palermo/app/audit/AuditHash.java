package org.palermo.app.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The chain's hash: SHA-256 over the previous entry's hash and every field of the entry, each field
 * length-prefixed so that no two different entries serialise alike.
 */
final class AuditHash {
  /** The previous hash of the first entry. */
  static final String GENESIS = "0".repeat(64);

  private AuditHash() {}

  static String of(long seq, Instant at, AuditEntry e, String prevHash) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
    for (String field :
        new String[] {
          prevHash,
          Long.toString(seq),
          at.toString(),
          e.actor(),
          e.agency(),
          e.action(),
          e.target(),
          e.outcome().name(),
          e.detail()
        }) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
      digest.update((byte) ':');
      digest.update(bytes);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
