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
 * Data keys do not change, so no sealed field is re-encrypted. An interrupted rotation resumes with
 * the same new key.
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

  /** Rotates the master key and re-wraps every data key. */
  public synchronized Result rotate() {
    String from = ring.current().id();
    MasterKey next = ring.beginRotation();
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
    ring.finishRotation(next);
    return new Result(from, next.id(), done);
  }
}
