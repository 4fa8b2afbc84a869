package org.palermo.app.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.palermo.app.platform.crypto.DataKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one idempotency mechanism (issue #12 §2; IETF draft "The Idempotency-Key HTTP Header Field"):
 * the {@code Idempotency-Key} of every API call that creates, and the one-time submission token of
 * every page form ({@link SubmissionTokens}, issue #14 §1 item 1). One table, {@code
 * idempotency_record}; a key is 1 to {@value #KEY_MAX} characters, unique per signed-in user, and
 * kept {@link #KEPT} (24 hours).
 *
 * <ul>
 *   <li>the same key with the same request (method, path and body) gets the first answer again, and
 *       nothing is created a second time;
 *   <li>the same key with another request is refused with 422 {@link
 *       ErrorCode#IDEMPOTENCY_KEY_REUSED};
 *   <li>a key whose first request is still running is refused with 409 (reason {@code
 *       IDEMPOTENCY_KEY_IN_USE}) by the API; a page waits for it ({@link SubmissionTokens}).
 * </ul>
 *
 * For the API the key row is written in the creating transaction ({@link #run}), so two concurrent
 * requests with one key create once (the second waits on the first's row).
 *
 * <p>A key belongs to the user's stable id ({@link UserIdentity}), never to the username, which can
 * be renamed or reused. The request's fingerprint is stored as HMAC-SHA-256 under a key derived
 * from a data key that the master key wraps ({@link DataKeys#derivedKey}), so that the table does
 * not let someone holding the database test guesses of what a user sent. Expired rows are deleted
 * daily ({@link #purgeExpired}, {@code palermo.idempotency.purge-cron}).
 */
@Service
public class Idempotency {
  /** The longest key accepted, for the API's header and the pages' token alike. */
  public static final int KEY_MAX = 200;

  /** How long a key is remembered. */
  public static final Duration KEPT = Duration.ofHours(24);

  /** The record whose data key is the root of the fingerprint key. */
  static final UUID KEY_ROOT = UUID.fromString("00000000-0000-0000-0000-0000000001d3");

  /** The HKDF label of the fingerprint key. */
  static final String KEY_LABEL = "palermo idempotency fingerprint hmac-sha256 v1";

  private static final Logger log = LoggerFactory.getLogger(Idempotency.class);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final DataKeys keys;
  private final TransactionTemplate ownTransaction;
  private volatile byte[] fingerprintKey;

  Idempotency(
      JdbcClient jdbc, Clock clock, DataKeys keys, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.keys = keys;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** An answer: status, Location (may be null) and body (may be null). */
  public record Reply(int status, String location, String body) {}

  /** What the claim of a key found. */
  sealed interface Claim {}

  /** The key is new: this request runs. */
  record Claimed() implements Claim {}

  /** The key was used before for this request; the first answer, if it is known yet. */
  record Earlier(Optional<Reply> reply) implements Claim {}

  /**
   * Runs {@code create} once per (owner, key, request), in one transaction with the key's row;
   * without a key it simply runs. Returns the first answer on a replay.
   *
   * @param owner the signed-in user's id
   * @param fingerprint what identifies the request: method, path and body ({@link #fingerprint})
   */
  @Transactional
  public Reply run(UUID owner, String key, String fingerprint, Supplier<Reply> create) {
    if (key == null) {
      return create.get();
    }
    Claim claim = claim(owner, key, fingerprint);
    if (claim instanceof Earlier earlier) {
      return earlier
          .reply()
          .orElseThrow(
              () ->
                  new PalermoException(
                      ErrorCode.CONFLICT,
                      RequestRefusal.IDEMPOTENCY_KEY_IN_USE,
                      "A request with this Idempotency-Key is still being processed.",
                      Map.of("field", "Idempotency-Key")));
    }
    Reply r = create.get();
    complete(owner, key, r);
    return r;
  }

  /**
   * {@link #run} for a call whose answer is the identifier of what it created (the answer's body is
   * the identifier).
   */
  @Transactional
  public UUID runForId(UUID owner, String key, String fingerprint, Supplier<UUID> create) {
    return UUID.fromString(
        run(owner, key, fingerprint, () -> new Reply(201, null, create.get().toString())).body());
  }

  /**
   * Claims a key for a request (in the caller's transaction, or its own). Refuses a malformed key
   * (400) and a key used for another request (422).
   */
  @Transactional(propagation = Propagation.REQUIRED)
  Claim claim(UUID owner, String key, String fingerprint) {
    if (key.isBlank() || key.length() > KEY_MAX) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          RequestRefusal.IDEMPOTENCY_KEY_INVALID,
          "Idempotency-Key must be 1 to " + KEY_MAX + " characters.",
          Map.of("field", "Idempotency-Key"));
    }
    Instant now = clock.instant();
    // This key, if it expired, is forgotten now; all the others by the daily purge.
    jdbc.sql("DELETE FROM idempotency_record WHERE owner_id = ? AND key = ? AND created_at < ?")
        .params(owner, key, Timestamp.from(now.minus(KEPT)))
        .update();
    String hash = hash(fingerprint);
    int inserted =
        jdbc.sql(
                "INSERT INTO idempotency_record (owner_id, key, request_hash, created_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .params(owner, key, hash, Timestamp.from(now))
            .update();
    if (inserted == 1) {
      return new Claimed();
    }
    Optional<Stored> stored = stored(owner, key);
    if (stored.isEmpty()) {
      // Released between the insert and the read: the first request failed; try again.
      return claim(owner, key, fingerprint);
    }
    Stored s = stored.get();
    if (!s.hash().equals(hash)) {
      throw reused();
    }
    return new Earlier(
        s.status() == null
            ? Optional.empty()
            : Optional.of(new Reply(s.status(), s.location(), s.body())));
  }

  /** Records the first answer to a claimed key. */
  @Transactional(propagation = Propagation.REQUIRED)
  void complete(UUID owner, String key, Reply r) {
    jdbc.sql(
            "UPDATE idempotency_record SET status = ?, location = ?, body = ?"
                + " WHERE owner_id = ? AND key = ?")
        .params(r.status(), r.location(), r.body(), owner, key)
        .update();
  }

  /** Forgets a claimed key whose request did not create anything, so that a retry runs. */
  @Transactional(propagation = Propagation.REQUIRED)
  void release(UUID owner, String key) {
    jdbc.sql("DELETE FROM idempotency_record WHERE owner_id = ? AND key = ? AND status IS NULL")
        .params(owner, key)
        .update();
  }

  /** The first answer to a key, once its request has finished. */
  Optional<Reply> answer(UUID owner, String key) {
    return stored(owner, key)
        .filter(s -> s.status() != null)
        .map(s -> new Reply(s.status(), s.location(), s.body()));
  }

  /** Whether a key is still claimed (its first request running, or finished). */
  boolean known(UUID owner, String key) {
    return stored(owner, key).isPresent();
  }

  /**
   * Deletes every key older than {@link #KEPT} (daily, at {@code palermo.idempotency.purge-cron},
   * default 02:40), so that what users sent is not kept beyond the day the keys serve.
   *
   * @return how many were deleted
   */
  @Scheduled(cron = "${palermo.idempotency.purge-cron:0 40 2 * * *}")
  public int purgeExpired() {
    int purged =
        jdbc.sql("DELETE FROM idempotency_record WHERE created_at < ?")
            .param(Timestamp.from(clock.instant().minus(KEPT)))
            .update();
    log.info("Purged {} expired idempotency keys", purged);
    return purged;
  }

  /** The stored form of a fingerprint: HMAC-SHA-256 under the instance's fingerprint key. */
  String hash(String fingerprint) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(fingerprint.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] key() {
    byte[] k = fingerprintKey;
    if (k == null) {
      // Created, the first time, in a transaction of its own: a request that rolls back must not
      // take the root key with it after its hash was computed with it.
      k =
          ownTransaction.execute(
              s -> keys.derivedKey(jdbc, KEY_ROOT, KEY_LABEL, true).orElseThrow());
      fingerprintKey = k;
    }
    return k;
  }

  static PalermoException reused() {
    return new PalermoException(
        ErrorCode.IDEMPOTENCY_KEY_REUSED,
        RequestRefusal.IDEMPOTENCY_KEY_REUSED,
        "This Idempotency-Key was used for another request.",
        Map.of("field", "Idempotency-Key"));
  }

  /** The fingerprint of a request: its method, path and body (text, or bytes by their hash). */
  public static String fingerprint(String method, String path, Object body) {
    String b;
    if (body == null) {
      b = "";
    } else if (body instanceof byte[] bytes) {
      b = "sha256:" + sha256(bytes);
    } else {
      b = body.toString();
    }
    return method + " " + path + "\n" + b;
  }

  private record Stored(String hash, Integer status, String location, String body) {}

  private Optional<Stored> stored(UUID owner, String key) {
    return jdbc.sql(
            "SELECT request_hash, status, location, body FROM idempotency_record"
                + " WHERE owner_id = ? AND key = ?")
        .params(owner, key)
        .query(
            (rs, n) ->
                new Stored(
                    rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
