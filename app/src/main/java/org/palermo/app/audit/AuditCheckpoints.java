package org.palermo.app.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.palermo.app.platform.crypto.DataKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Signed checkpoints of the audit chain's head (issue 11, item 6), to be kept away from the
 * database (the operator's offline copy; later a partner instance): a short text statement of the
 * head's sequence number and hash, the time, and the public key, signed with Ed25519.
 *
 * <p>Ed25519 rather than an HMAC: anyone can check a checkpoint against the published public key
 * without being able to make one, so a copy can be handed to a partner or an auditor. The key pair
 * is derived (HKDF label {@link AuditHash#CHECKPOINT_LABEL}) from the data key that the master key
 * wraps, so it survives a master-key rotation and needs no key file of its own.
 *
 * <p>A checkpoint detects a rewrite of any entry up to its sequence number even by someone who
 * holds the database and the master key (who could recompute the keyed chain): the entry's hash no
 * longer equals the one in the copy kept elsewhere. It also detects the removal of entries (a chain
 * cut back below the checkpoint).
 */
@Service
public class AuditCheckpoints {
  static final String FORMAT = "palermo-audit-checkpoint-1";
  private static final String SIGNATURE = "signature: ";

  private final JdbcClient jdbc;
  private final DataKeys keys;
  private final AuditVerifier verifier;
  private final Clock clock;

  AuditCheckpoints(JdbcClient jdbc, DataKeys keys, AuditVerifier verifier, Clock clock) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.verifier = verifier;
    this.clock = clock;
  }

  /** The public key of this instance's checkpoints (X.509, base64), to publish. */
  public String publicKey() {
    return Base64.getEncoder().encodeToString(keyPair(true).getPublic().getEncoded());
  }

  /**
   * A signed statement of the current head, after verifying the whole chain.
   *
   * @throws IllegalStateException if the chain is broken or empty (a checkpoint of a broken chain
   *     would vouch for the break)
   */
  public String export() {
    AuditVerifier.Result result = verifier.verify();
    if (!result.intact()) {
      throw new IllegalStateException(
          "The audit chain is broken at entry "
              + result.firstBreak().orElseThrow().seq()
              + ": no checkpoint is made of a broken chain.");
    }
    if (result.verified() == 0) {
      throw new IllegalStateException("The audit trail is empty: there is no head to sign.");
    }
    Instant entryAt =
        jdbc.sql("SELECT at FROM audit_event WHERE seq = ?")
            .param(result.verified())
            .query((rs, n) -> rs.getTimestamp(1).toInstant())
            .single();
    KeyPair pair = keyPair(true);
    String body =
        FORMAT
            + "\n"
            + "seq: "
            + result.verified()
            + "\n"
            + "head: "
            + result.head()
            + "\n"
            + "entry-at: "
            + entryAt
            + "\n"
            + "signed-at: "
            + clock.instant()
            + "\n"
            + "public-key: "
            + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded())
            + "\n";
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(pair.getPrivate());
      signer.update(body.getBytes(StandardCharsets.UTF_8));
      return body + SIGNATURE + Base64.getEncoder().encodeToString(signer.sign()) + "\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Checks the database against a checkpoint: its signature under this instance's key, then that
   * entry {@code seq} exists, verifies, and has the checkpoint's hash. Empty when it holds.
   */
  public Optional<String> check(String checkpoint, AuditVerifier.Result chain) {
    int at = checkpoint.lastIndexOf(SIGNATURE);
    if (!checkpoint.startsWith(FORMAT + "\n") || at < 0) {
      return Optional.of("the checkpoint file is not a Palermo audit checkpoint");
    }
    String body = checkpoint.substring(0, at);
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : body.split("\n")) {
      int colon = line.indexOf(": ");
      if (colon > 0) {
        fields.put(line.substring(0, colon), line.substring(colon + 2).strip());
      }
    }
    try {
      Signature verify = Signature.getInstance("Ed25519");
      verify.initVerify(keyPair(false).getPublic());
      verify.update(body.getBytes(StandardCharsets.UTF_8));
      byte[] signature =
          Base64.getDecoder().decode(checkpoint.substring(at + SIGNATURE.length()).strip());
      if (!verify.verify(signature)) {
        return Optional.of(
            "the checkpoint's signature does not verify under this instance's key (altered, or"
                + " made by another instance)");
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.of("the checkpoint's signature cannot be read");
    } catch (java.util.NoSuchElementException e) {
      return Optional.of("the checkpoint key is missing from the database");
    }
    long seq;
    try {
      seq = Long.parseLong(fields.getOrDefault("seq", ""));
    } catch (NumberFormatException e) {
      return Optional.of("the checkpoint has no sequence number");
    }
    String head = fields.getOrDefault("head", "");
    if (chain.verified() < seq) {
      return Optional.of(
          "entry "
              + seq
              + " of the checkpoint does not verify (the chain breaks or ends at entry "
              + (chain.verified() + 1)
              + ")");
    }
    Optional<String> stored =
        jdbc.sql("SELECT hash FROM audit_event WHERE seq = ?")
            .param(seq)
            .query(String.class)
            .optional();
    if (stored.isEmpty() || !stored.get().equals(head)) {
      return Optional.of(
          "entry "
              + seq
              + "'s hash differs from the checkpoint's: the chain was rewritten up to the"
              + " checkpoint");
    }
    return Optional.empty();
  }

  private KeyPair keyPair(boolean create) {
    byte[] seed =
        keys.derivedKey(jdbc, AuditHash.KEY_ROOT, AuditHash.CHECKPOINT_LABEL, create).orElseThrow();
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Hands the derived seed to the key-pair generator as its 32 "random" bytes (RFC 8032 5.1.5). */
  private static final class SeedRandom extends SecureRandom {
    private final byte[] seed;

    SeedRandom(byte[] seed) {
      this.seed = seed;
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (bytes.length != seed.length) {
        throw new IllegalStateException("Ed25519 asked for " + bytes.length + " bytes");
      }
      System.arraycopy(seed, 0, bytes, 0, bytes.length);
    }
  }
}
