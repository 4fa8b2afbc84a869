package org.palermo.app.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Notices to an agency (table {@code notification}): for now, that someone broke the glass on one
 * of its cases (SECURITY.md rule 5, "shown to the record's owner"). Details name staff and times,
 * never the person.
 */
@Service
public class Notifications {
  private final JdbcClient jdbc;
  private final Clock clock;

  Notifications(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** One notice. {@code kind} names the message {@code security.notification.<kind>}. */
  public record Notice(UUID id, String kind, UUID caseId, String detail, Instant createdAt) {}

  /** Notifies {@code agencyId}. */
  public void notify(UUID agencyId, String kind, UUID caseId, String detail) {
    jdbc.sql(
            "INSERT INTO notification (id, agency_id, kind, case_id, detail, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(UUID.randomUUID(), agencyId, kind, caseId, detail, Timestamp.from(clock.instant()))
        .update();
  }

  /** The newest notices of {@code who}'s agency. */
  public List<Notice> forAgency(PalermoPrincipal who, int limit) {
    return jdbc.sql(
            "SELECT id, kind, case_id, detail, created_at FROM notification WHERE agency_id = ?"
                + " ORDER BY created_at DESC, id LIMIT ?")
        .params(who.agencyId(), Math.max(1, Math.min(limit, 200)))
        .query(
            (rs, n) ->
                new Notice(
                    rs.getObject("id", UUID.class),
                    rs.getString("kind"),
                    rs.getObject("case_id", UUID.class),
                    rs.getString("detail"),
                    rs.getTimestamp("created_at").toInstant()))
        .list();
  }
}
