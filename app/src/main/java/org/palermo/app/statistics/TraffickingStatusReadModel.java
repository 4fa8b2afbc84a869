package org.palermo.app.statistics;

import java.sql.Timestamp;
import java.util.UUID;
import org.palermo.app.cases.TraffickingStatusChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The derived trafficking status of each case in table {@code statistics_trafficking_status}, fed
 * by {@link TraffickingStatusChanged} (issue 13 §1): the one status {@code cases} owns, never a
 * hand-typed field. Upserted by time, so that a late or repeated event never overwrites a newer
 * one; a case with no row is {@code NOT_ASSESSED}.
 */
@Component
class TraffickingStatusReadModel {
  private final JdbcClient jdbc;
  private final ErasedCases erasedCases;

  TraffickingStatusReadModel(JdbcClient jdbc, ErasedCases erasedCases) {
    this.jdbc = jdbc;
    this.erasedCases = erasedCases;
  }

  @ApplicationModuleListener
  void on(TraffickingStatusChanged e) {
    for (UUID caseId : erasedCases.retained(e.caseIds())) {
      jdbc.sql(
              """
              INSERT INTO statistics_trafficking_status (case_id, status, at) VALUES (?, ?, ?)
              ON CONFLICT (case_id) DO UPDATE SET status = excluded.status, at = excluded.at
              WHERE statistics_trafficking_status.at <= excluded.at""")
          .params(caseId, e.status().name(), Timestamp.from(e.at()))
          .update();
    }
  }
}
