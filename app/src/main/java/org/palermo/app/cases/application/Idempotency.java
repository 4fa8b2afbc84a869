package org.palermo.app.cases.application;

import java.nio.charset.StandardCharsets;
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
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code Idempotency-Key} of API requests that create (IETF draft "The Idempotency-Key HTTP
 * Header Field"): the first request with a key runs and its response is stored with a hash of the
 * request, per user, for 24 hours; a retry with the same key and the same request gets the stored
 * response without creating anything; the same key with another request is refused with 409. The
 * key row is written in the creating transaction, so two concurrent requests with one key create
 * once.
 */
@Service
public class Idempotency {
  static final Duration KEPT = Duration.ofHours(24);
  private final JdbcClient jdbc;
  private final Clock clock;

  Idempotency(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A response: status, Location (may be null) and JSON body. */
  public record Response(int status, String location, String body) {}

  /**
   * Runs {@code create} once per (user, key, request); without a key it simply runs. Returns the
   * stored response on a replay.
   */
  @Transactional
  public Response run(
      PalermoPrincipal who,
      String key,
      String method,
      String path,
      String body,
      Supplier<Response> create) {
    if (key == null) {
      return create.get();
    }
    if (key.isBlank() || key.length() > 200) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "Idempotency-Key must be 1 to 200 characters.",
          Map.of("field", "Idempotency-Key"));
    }
    Instant now = clock.instant();
    jdbc.sql("DELETE FROM idempotency_key WHERE created_at < ?")
        .param(Timestamp.from(now.minus(KEPT)))
        .update();
    String hash = hash(method + " " + path + "\n" + (body == null ? "" : body));
    int inserted =
        jdbc.sql(
                "INSERT INTO idempotency_key (user_id, key, request_hash, created_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .params(who.userId(), key, hash, Timestamp.from(now))
            .update();
    if (inserted == 0) {
      Stored s = stored(who.userId(), key).orElseThrow();
      if (!s.hash().equals(hash)) {
        throw new PalermoException(
            ErrorCode.CONFLICT,
            "This Idempotency-Key was used for another request.",
            Map.of("reason", "IDEMPOTENCY_KEY_REUSED"));
      }
      if (s.status() == null) {
        throw new PalermoException(
            ErrorCode.CONFLICT,
            "A request with this Idempotency-Key is still being processed.",
            Map.of("reason", "IDEMPOTENCY_KEY_IN_USE"));
      }
      return new Response(s.status(), s.location(), s.body());
    }
    Response r = create.get();
    jdbc.sql(
            "UPDATE idempotency_key SET status = ?, location = ?, body = ?"
                + " WHERE user_id = ? AND key = ?")
        .params(r.status(), r.location(), r.body(), who.userId(), key)
        .update();
    return r;
  }

  private record Stored(String hash, Integer status, String location, String body) {}

  private Optional<Stored> stored(UUID userId, String key) {
    return jdbc.sql(
            "SELECT request_hash, status, location, body FROM idempotency_key"
                + " WHERE user_id = ? AND key = ?")
        .params(userId, key)
        .query(
            (rs, n) ->
                new Stored(
                    rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  private static String hash(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
