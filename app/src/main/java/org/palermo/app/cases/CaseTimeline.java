package org.palermo.app.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case timeline: every step taken on a case (opening, assessments, referrals and their answers,
 * services, transfers, returns), shown on the case page. Any module may append within its own
 * transaction; reading it is the caller's business to authorise through the access policy.
 *
 * <p>{@code kind} is a message-key suffix: the page shows {@code timeline.<kind>}, so each module
 * adds its labels to its own bundle. {@code detail} must hold no personal data: identifiers,
 * service types, reasons codes.
 */
@Service
public class CaseTimeline {
  private final JdbcClient jdbc;
  private final Clock clock;

  CaseTimeline(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One step on the timeline. */
  public record Entry(
      long id, UUID caseId, Instant at, String actor, String agency, String kind, String detail) {}

  /** Appends a step by {@code by} (or by the system, when {@code by} is {@code null}). */
  @Transactional
  public void append(UUID caseId, PalermoPrincipal by, String kind, String detail) {
    jdbc.sql(
            "INSERT INTO case_timeline (case_id, at, actor, agency, kind, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            caseId,
            Timestamp.from(clock.instant()),
            by == null ? "system" : by.username(),
            by == null ? "-" : by.agencyName(),
            kind,
            detail == null ? "" : detail)
        .update();
  }

  /** The case's steps, oldest first. */
  public List<Entry> entries(UUID caseId) {
    return jdbc.sql(
            "SELECT id, case_id, at, actor, agency, kind, detail FROM case_timeline"
                + " WHERE case_id = ? ORDER BY at, id")
        .param(caseId)
        .query(
            (rs, n) ->
                new Entry(
                    rs.getLong("id"),
                    rs.getObject("case_id", UUID.class),
                    rs.getTimestamp("at").toInstant(),
                    rs.getString("actor"),
                    rs.getString("agency"),
                    rs.getString("kind"),
                    rs.getString("detail")))
        .list();
  }
}
