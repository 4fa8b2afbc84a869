package org.palermo.app.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The chain's hash over the previous entry's hash and every field of the entry, each field
 * length-prefixed so that no two different entries serialise alike.
 *
 * <ul>
 *   <li>Version 1 (entries written before issue 11): SHA-256, which anyone holding the database can
 *       recompute after rewriting an entry.
 *   <li>Version 2 (every entry since): HMAC-SHA-256 under the chain key, derived (HKDF, label
 *       {@link #CHAIN_LABEL}) from a data key that the master key wraps, so that someone holding
 *       the database but not the master key cannot recompute it.
 * </ul>
 */
final class AuditHash {
  /** The previous hash of the first entry. */
  static final String GENESIS = "0".repeat(64);

  /** The unkeyed SHA-256 chain of the entries written before issue 11. */
  static final int UNKEYED = 1;

  /** The keyed (HMAC-SHA-256) chain. */
  static final int KEYED = 2;

  /** The record whose data key is the root of the audit keys. */
  static final UUID KEY_ROOT = UUID.fromString("00000000-0000-0000-0000-0000000a0d17");

  /** The HKDF label of the chain key. */
  static final String CHAIN_LABEL = "palermo audit chain hmac-sha256 v2";

  /** The HKDF label of the seed of the checkpoint signing key. */
  static final String CHECKPOINT_LABEL = "palermo audit checkpoint ed25519 v1";

  private AuditHash() {}

  /** The unkeyed (version 1) hash. */
  static String of(long seq, Instant at, AuditEntry e, String prevHash) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
    for (String field : fields(seq, at, e, prevHash)) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
      digest.update((byte) ':');
      digest.update(bytes);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The keyed (version 2) hash: HMAC-SHA-256 under {@code chainKey}. */
  static String keyed(byte[] chainKey, long seq, Instant at, AuditEntry e, String prevHash) {
    Mac mac;
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(chainKey, "HmacSHA256"));
    } catch (GeneralSecurityException ex) {
      throw new IllegalStateException(ex);
    }
    mac.update("palermo-audit-v2;".getBytes(StandardCharsets.US_ASCII));
    for (String field : fields(seq, at, e, prevHash)) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      mac.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) ':');
      mac.update(bytes);
    }
    return HexFormat.of().formatHex(mac.doFinal());
  }

  private static String[] fields(long seq, Instant at, AuditEntry e, String prevHash) {
    return new String[] {
      prevHash,
      Long.toString(seq),
      at.toString(),
      e.actor(),
      e.agency(),
      e.action(),
      e.target(),
      e.outcome().name(),
      e.detail()
    };
  }
}
