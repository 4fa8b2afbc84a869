package org.palermo.app.cases.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.palermo.app.cases.domain.Cooperation;
import org.palermo.app.cases.domain.Cooperation.Statement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code cooperation_record} table: the one record of where a case's cooperation with the
 * authorities stands, appended to, never updated; the newest row is the current value (no row:
 * {@code NOT_ASKED}). Callers check access; nothing that decides assistance reads it (CoE
 * Convention art. 12(6)).
 */
@Repository
public class CooperationStore {
  private final JdbcClient jdbc;

  CooperationStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Appends a statement to the case's record. */
  public void append(UUID caseId, Cooperation status, String recordedBy, Instant at) {
    jdbc.sql(
            "INSERT INTO cooperation_record (id, case_id, status, recorded_by, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(UUID.randomUUID(), caseId, status.name(), recordedBy, Timestamp.from(at))
        .update();
  }

  /** The case's statements, newest first; empty when nothing was ever recorded. */
  public List<Statement> history(UUID caseId) {
    return jdbc.sql(
            "SELECT status, recorded_by, recorded_at FROM cooperation_record WHERE case_id = ?"
                + " ORDER BY recorded_at DESC, id")
        .param(caseId)
        .query(
            (rs, n) ->
                new Statement(
                    Cooperation.valueOf(rs.getString("status")),
                    rs.getString("recorded_by"),
                    rs.getTimestamp("recorded_at").toInstant()))
        .list();
  }
}
