package org.palermo.app.cases.protection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.Notifications;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.cases.CaseLookup.CaseFacts;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.crypto.SealedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Missing-child alerts: a child who leaves care without notice is at once at risk of being
 * trafficked again (CRC GC 6 § 24; Directive 2011/36/EU art. 16(1); CoE Convention art. 10(4)). The
 * alert is recorded on the case and its timeline, and escalated at once: a notification to the
 * case's own agency (its supervisors and the caseworkers who contact the guardian) and to every
 * agency the case is referred to and not yet closed. Notices name the case, never the child.
 */
@Service
public class MissingChildren {
  private final JdbcClient jdbc;
  private final CaseLookup cases;
  private final CaseTimeline timeline;
  private final ProtectionAccess access;
  private final Notifications notifications;
  private final SealedText sealed;
  private final Clock clock;

  MissingChildren(
      JdbcClient jdbc,
      CaseLookup cases,
      CaseTimeline timeline,
      ProtectionAccess access,
      Notifications notifications,
      SealedText sealed,
      Clock clock) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.timeline = timeline;
    this.access = access;
    this.notifications = notifications;
    this.sealed = sealed;
    this.clock = clock;
  }

  /** One alert; {@code foundAt} is null while the child is missing. */
  public record Alert(
      UUID id, Instant missingSince, String circumstances, String reportedBy, Instant foundAt) {}

  /** Raise an alert: since when, and what is known (optional). */
  public record AlertCommand(Instant missingSince, String circumstances) {}

  /** The case's alerts, after asking the access policy (case narrative). */
  public List<Alert> view(PalermoPrincipal who, UUID caseId) {
    access.read(who, caseId, FieldGroup.CASE_NARRATIVE, "protection.missing.read");
    return alerts(caseId);
  }

  /** Raises the alert and escalates it; the agencies notified are returned. */
  @Transactional
  public Set<UUID> raise(PalermoPrincipal who, UUID caseId, AlertCommand c) {
    access.write(who, caseId, FieldGroup.CASE_NARRATIVE);
    CaseFacts f = facts(caseId);
    String action = "protection.missing";
    if (!f.child()) {
      throw access.refuse(
          who, caseId, action, "NOT_A_CHILD", "Missing-child alerts are for children.");
    }
    Instant now = Instant.now(clock);
    if (c.missingSince() == null || c.missingSince().isAfter(now)) {
      throw ProtectionAccess.invalid("missingSince", "Say since when the child is missing.");
    }
    if (alerts(caseId).stream().anyMatch(a -> a.foundAt() == null)) {
      throw access.refuse(
          who, caseId, action, "ALERT_OPEN", "An alert for this child is already open.");
    }
    String text = ProtectionAccess.optional(c.circumstances(), "circumstances", 2000);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO missing_child_alert (id, case_id, missing_since, circumstances_sealed,
              reported_by, reported_at) VALUES (?, ?, ?, ?, ?, ?)""")
        .params(
            id,
            caseId,
            Timestamp.from(c.missingSince()),
            sealed.seal(caseId, "missing_child_alert", "circumstances", id, text),
            who.username(),
            Timestamp.from(now))
        .update();
    Set<UUID> notified = new LinkedHashSet<>();
    notified.add(f.ownerAgencyId());
    notified.addAll(
        jdbc.sql(
                "SELECT DISTINCT to_agency_id FROM referral WHERE case_id = ?"
                    + " AND status IN ('PENDING', 'ACCEPTED')")
            .param(caseId)
            .query(UUID.class)
            .list());
    for (UUID agency : notified) {
      notifications.notify(agency, "missingChild", caseId, "case " + f.reference());
    }
    timeline.append(caseId, who, "protection.missingChild", "alert:" + id);
    access.record(
        who, caseId, action, Outcome.SUCCESS, "alert:" + id + " notified=" + notified.size());
    return notified;
  }

  /** The child is found: closes the open alert. */
  @Transactional
  public void found(PalermoPrincipal who, UUID caseId) {
    access.write(who, caseId, FieldGroup.CASE_NARRATIVE);
    facts(caseId);
    int n =
        jdbc.sql(
                "UPDATE missing_child_alert SET found_at = ? WHERE case_id = ? AND found_at IS NULL")
            .params(Timestamp.from(Instant.now(clock)), caseId)
            .update();
    if (n == 0) {
      throw access.refuse(
          who, caseId, "protection.missing", "NO_OPEN_ALERT", "No alert for this child is open.");
    }
    timeline.append(caseId, who, "protection.childFound", "");
    access.record(who, caseId, "protection.missing", Outcome.SUCCESS, "found");
  }

  List<Alert> alerts(UUID caseId) {
    return jdbc.sql(
            "SELECT id, missing_since, circumstances, circumstances_sealed, reported_by, found_at"
                + " FROM missing_child_alert WHERE case_id = ? ORDER BY reported_at")
        .param(caseId)
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              Timestamp found = rs.getTimestamp("found_at");
              return new Alert(
                  id,
                  rs.getTimestamp("missing_since").toInstant(),
                  sealed.open(
                      caseId,
                      "missing_child_alert",
                      "circumstances",
                      id,
                      rs.getBytes("circumstances_sealed"),
                      rs.getString("circumstances")),
                  rs.getString("reported_by"),
                  found == null ? null : found.toInstant());
            })
        .list();
  }

  private CaseFacts facts(UUID caseId) {
    return cases
        .facts(caseId)
        .orElseThrow(() -> new PalermoException(ErrorCode.NOT_FOUND, "No such case."));
  }
}
