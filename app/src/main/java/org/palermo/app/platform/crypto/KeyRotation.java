package org.palermo.app.platform.crypto;

import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Rotates the master key without downtime (ASVS V6.2.4): a new master key is written beside the old
 * one and made current, every data key is re-wrapped in small batches (each row independently, so
 * readers always find a key that opens it), and only then does the new key replace the old file.
 * Data keys do not change, so no sealed field is re-encrypted: whatever a module seals under a data
 * key (names, attachments, TOTP secrets, screening answers, notes…) is covered without knowing it.
 * An interrupted rotation resumes with the same new key.
 *
 * <p>With the master key from the environment the operator has already put the new key in {@code
 * PALERMO_MASTER_KEY} and the old one(s) in {@code PALERMO_MASTER_KEY_PREVIOUS}; the rotation then
 * re-wraps every data key not under the current key, and {@link #status()} tells when no data key
 * needs a previous key any more. Before anything is changed, a rotation checks that every data key
 * can be unwrapped by a key of the ring, and refuses (naming how many cannot) otherwise.
 */
@Service
public class KeyRotation {
  private static final int BATCH = 500;
  private final JdbcClient jdbc;
  private final KeyRing ring;

  KeyRotation(JdbcClient jdbc, KeyRing ring) {
    this.jdbc = jdbc;
    this.ring = ring;
  }

  /** What a rotation did. */
  public record Result(String fromKeyId, String toKeyId, int rewrapped) {}

  private record Row(UUID recordId, String masterKeyId, byte[] wrapped) {}

  /** How many data keys each master key wraps, and whether this instance holds that key. */
  public record KeyCount(String masterKeyId, long dataKeys, boolean current, boolean loaded) {}

  /**
   * The data keys per master key: the current key first, then every other key of the ring (0 when
   * it wraps none any more) and every key id found in {@code data_key}.
   */
  public List<KeyCount> status() {
    String current = ring.current().id();
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    ring.ids().forEach(id -> counts.put(id, 0L));
    jdbc.sql("SELECT master_key_id, count(*) AS n FROM data_key GROUP BY master_key_id")
        .query((rs, n) -> counts.put(rs.getString("master_key_id"), rs.getLong("n")))
        .list();
    List<KeyCount> out = new java.util.ArrayList<>();
    out.add(new KeyCount(current, counts.remove(current), true, true));
    counts.forEach((id, n) -> out.add(new KeyCount(id, n, false, ring.byId(id).isPresent())));
    return out;
  }

  /**
   * Fails, naming how many data keys and which master-key ids, when some data key is wrapped by a
   * master key this instance does not hold (nothing is changed).
   *
   * @throws InvalidMasterKeyException if so
   */
  public void requireEveryKeyLoaded() {
    List<KeyCount> missing = status().stream().filter(k -> !k.loaded()).toList();
    if (missing.isEmpty()) {
      return;
    }
    long n = missing.stream().mapToLong(KeyCount::dataKeys).sum();
    String ids = String.join(", ", missing.stream().map(KeyCount::masterKeyId).toList());
    throw new InvalidMasterKeyException(
        n
            + " data keys (records) are wrapped by master key "
            + ids
            + ", which this instance does not hold, so they cannot be unwrapped. "
            + (ring.fromEnvironment()
                ? "Put the key they were wrapped with in PALERMO_MASTER_KEY_PREVIOUS"
                    + " (comma-separated) beside PALERMO_MASTER_KEY, then run 'palermo keys"
                    + " rotate' (or POST /api/v1/admin/keys/rotate on the running server)."
                : "Restore <data-dir>/keys/master.key from the backup of the keys.")
            + " Nothing was changed.");
  }

  /** Rotates the master key and re-wraps every data key. */
  public synchronized Result rotate() {
    requireEveryKeyLoaded();
    if (ring.fromEnvironment()) {
      return rewrapUnderCurrent();
    }
    String from = ring.current().id();
    MasterKey next = ring.beginRotation();
    int done = rewrap(next);
    ring.finishRotation(next);
    return new Result(from, next.id(), done);
  }

  /** The environment case: the current key is already the new one; re-wrap the rest under it. */
  private Result rewrapUnderCurrent() {
    MasterKey current = ring.current();
    List<String> from =
        status().stream()
            .filter(k -> !k.current() && k.dataKeys() > 0)
            .map(KeyCount::masterKeyId)
            .toList();
    int done = rewrap(current);
    return new Result(from.isEmpty() ? current.id() : String.join(",", from), current.id(), done);
  }

  private int rewrap(MasterKey next) {
    int done = 0;
    while (true) {
      List<Row> rows =
          jdbc.sql(
                  "SELECT record_id, master_key_id, wrapped FROM data_key"
                      + " WHERE master_key_id <> ? LIMIT ?")
              .params(next.id(), BATCH)
              .query(
                  (rs, n) ->
                      new Row(
                          rs.getObject("record_id", UUID.class),
                          rs.getString("master_key_id"),
                          rs.getBytes("wrapped")))
              .list();
      if (rows.isEmpty()) {
        break;
      }
      for (Row r : rows) {
        MasterKey old =
            ring.byId(r.masterKeyId())
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "Master key " + r.masterKeyId() + " is not in the key ring"));
        SecretKey dek = DataKeys.unwrap(old, r.recordId(), r.wrapped());
        done +=
            jdbc.sql(
                    "UPDATE data_key SET master_key_id = ?, wrapped = ?"
                        + " WHERE record_id = ? AND master_key_id = ?")
                .params(next.id(), DataKeys.wrap(next, r.recordId(), dek), r.recordId(), old.id())
                .update();
      }
    }
    return done;
  }
}
