package org.palermo.app.cases.care;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code Idempotency-Key} for the calls that create something (issue 4 §8): the key is claimed in
 * the same transaction as the creation, so a retried request (a lost answer, a double submit) gets
 * the identifier of what the first one created and nothing is created or published twice. A
 * concurrent duplicate waits on the key's row and then reads the first result. Keys are per user.
 */
@Component
class IdempotencyKeys {
  static final int KEY_MAX = 200;

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;

  IdempotencyKeys(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.clock = clock;
  }

  /** Runs {@code create} once per key and scope; without a key, simply runs it. */
  UUID once(PalermoPrincipal who, String key, String scope, Supplier<UUID> create) {
    if (key == null) {
      return create.get();
    }
    if (key.isBlank() || key.length() > KEY_MAX) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "Idempotency-Key must be 1 to " + KEY_MAX + " characters.",
          Map.of("field", "Idempotency-Key", "reason", "invalid"));
    }
    return tx.execute(
        status -> {
          int claimed =
              jdbc.sql(
                      "INSERT INTO care_idempotency (user_id, idem_key, scope, created_at)"
                          + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                  .params(who.userId(), key, scope, Timestamp.from(clock.instant()))
                  .update();
          if (claimed == 0) {
            record Earlier(String scope, UUID result) {}
            Earlier earlier =
                jdbc.sql(
                        "SELECT scope, result_id FROM care_idempotency"
                            + " WHERE user_id = ? AND idem_key = ?")
                    .params(who.userId(), key)
                    .query((rs, n) -> new Earlier(rs.getString(1), rs.getObject(2, UUID.class)))
                    .single();
            if (!earlier.scope().equals(scope) || earlier.result() == null) {
              throw new PalermoException(
                  ErrorCode.CONFLICT,
                  "This Idempotency-Key was used for another request.",
                  Map.of("field", "Idempotency-Key", "reason", "keyReused"));
            }
            return earlier.result();
          }
          UUID id = create.get();
          jdbc.sql("UPDATE care_idempotency SET result_id = ? WHERE user_id = ? AND idem_key = ?")
              .params(id, who.userId(), key)
              .update();
          return id;
        });
  }
}
