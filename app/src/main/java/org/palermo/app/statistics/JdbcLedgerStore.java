package org.palermo.app.statistics;

import java.sql.Timestamp;
import java.util.List;
import org.palermo.privacy.ledger.DatasetId;
import org.palermo.privacy.ledger.LedgerConflictException;
import org.palermo.privacy.ledger.LedgerEntry;
import org.palermo.privacy.ledger.LedgerStore;
import org.palermo.privacy.ledger.PrivacyCost;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The privacy-budget ledger in table {@code privacy_ledger}: its primary key on (dataset, sequence)
 * makes a second charge with the same number fail, which the privacy module's ledger turns into a
 * re-read and re-check.
 */
@Component
class JdbcLedgerStore implements LedgerStore {
  private final JdbcClient jdbc;

  JdbcLedgerStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<LedgerEntry> entries(DatasetId dataset) {
    return jdbc.sql(
            """
            SELECT sequence, epsilon, delta, purpose, released_by, charged_at
            FROM privacy_ledger WHERE dataset_id = ? ORDER BY sequence""")
        .param(dataset.value())
        .query(
            (rs, n) ->
                new LedgerEntry(
                    dataset,
                    rs.getLong("sequence"),
                    new PrivacyCost(rs.getBigDecimal("epsilon"), rs.getBigDecimal("delta")),
                    rs.getString("purpose"),
                    rs.getString("released_by"),
                    rs.getTimestamp("charged_at").toInstant()))
        .list();
  }

  @Override
  public void append(LedgerEntry entry) {
    try {
      jdbc.sql(
              """
              INSERT INTO privacy_ledger
                (dataset_id, sequence, epsilon, delta, purpose, released_by, charged_at)
              VALUES (?, ?, ?, ?, ?, ?, ?)""")
          .params(
              entry.dataset().value(),
              entry.sequence(),
              entry.cost().epsilon(),
              entry.cost().delta(),
              entry.purpose(),
              entry.releasedBy(),
              Timestamp.from(entry.chargedAt()))
          .update();
    } catch (DuplicateKeyException e) {
      throw new LedgerConflictException(
          "dataset " + entry.dataset() + " already has a ledger entry " + entry.sequence());
    }
  }
}
