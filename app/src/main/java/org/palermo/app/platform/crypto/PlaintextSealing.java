package org.palermo.app.platform.crypto;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seals the free text stored in plaintext before V17 (issue 5 §4; SECURITY.md rule 6). At start-up,
 * for every {@link SealedColumn} a module declares, rows whose plaintext column is still set are
 * sealed into the {@code _sealed} column and the plaintext set to {@code NULL}, in batches of 500,
 * each row in one statement (nothing is lost if the process stops half-way: the next start
 * resumes). Readers fall back to the plaintext column while a row is not yet sealed. The key is
 * outside the database, so SQL alone (the V17 migration) cannot do this, as for person names (V15).
 */
@Component
public class PlaintextSealing {
  private static final Logger LOG = LoggerFactory.getLogger(PlaintextSealing.class);
  private static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final SealedText sealed;
  private final List<SealedColumn> columns;

  PlaintextSealing(JdbcClient jdbc, SealedText sealed, List<SealedColumn> columns) {
    this.jdbc = jdbc;
    this.sealed = sealed;
    this.columns = columns;
  }

  private record Row(String tid, UUID recordId, String rowKey, String text) {}

  /**
   * At start-up. Only a command can start without every master key (the server refuses to): {@code
   * palermo keys status} must still start to count the data keys it cannot open, so nothing is
   * changed then and the next start with every key does the work.
   */
  @EventListener(ApplicationReadyEvent.class)
  void sealAtStart() {
    try {
      sealAll();
    } catch (InvalidMasterKeyException missing) {
      LOG.warn("Start-up sealing of case text skipped: a master key is not given.");
    }
  }

  /** Seals every row still in plaintext; returns how many. */
  public int sealAll() {
    int total = 0;
    for (SealedColumn c : columns) {
      int n;
      int column = 0;
      do {
        n = sealBatch(c);
        column += n;
      } while (n > 0);
      if (column > 0) {
        LOG.info("Sealed {} rows of {}.{}", column, c.table(), c.column());
      }
      total += column;
    }
    return total;
  }

  /** The plaintext rows left in all declared columns (0 once everything is sealed). */
  public long plaintextLeft() {
    long left = 0;
    for (SealedColumn c : columns) {
      left +=
          jdbc.sql(
                  "SELECT count(*) FROM " + c.table() + " t WHERE t." + c.column() + " IS NOT NULL")
              .query(Long.class)
              .single();
    }
    return left;
  }

  private int sealBatch(SealedColumn c) {
    List<Row> rows =
        jdbc.sql(
                "SELECT t.ctid::text AS tid, ("
                    + c.recordId()
                    + ") AS record_id, ("
                    + c.rowKey()
                    + ") AS row_key, t."
                    + c.column()
                    + " AS text FROM "
                    + c.table()
                    + " t WHERE t."
                    + c.column()
                    + " IS NOT NULL AND ("
                    + c.recordId()
                    + ") IS NOT NULL LIMIT "
                    + BATCH)
            .query(
                (rs, i) ->
                    new Row(
                        rs.getString("tid"),
                        rs.getObject("record_id", UUID.class),
                        rs.getString("row_key"),
                        rs.getString("text")))
            .list();
    int done = 0;
    for (Row r : rows) {
      done +=
          jdbc.sql(
                  "UPDATE "
                      + c.table()
                      + " t SET "
                      + c.sealedColumn()
                      + " = ?, "
                      + c.column()
                      + " = NULL WHERE t.ctid = ?::tid AND ("
                      + c.rowKey()
                      + ") = ? AND t."
                      + c.column()
                      + " = ?")
              .params(
                  sealed.seal(r.recordId(), c.table(), c.column(), r.rowKey(), r.text()),
                  r.tid(),
                  r.rowKey(),
                  r.text())
              .update();
    }
    return done;
  }
}
