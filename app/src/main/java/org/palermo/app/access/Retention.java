package org.palermo.app.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.crypto.DataKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention (SECURITY.md rule 8; GDPR Art. 5(1)(e) storage limitation; IOM Data Protection
 * Principle 9, "Retention of personal data"). Rules per record type and status, each a property
 * with a documented default (docs/security.md):
 *
 * <ul>
 *   <li>{@code palermo.retention.closed-case} (P5Y): the person of a case closed that long ago is
 *       anonymised (crypto-shredded, {@link PersonEraser}); the case row remains, its rows in the
 *       statistics read model do not.
 *   <li>{@code palermo.retention.draft-screening} (P90D): a screening still a draft after that long
 *       without change is erased (by {@code identification}, through {@link ExpiringRecords}).
 *   <li>{@code palermo.retention.notification} (P1Y): notifications are erased.
 * </ul>
 *
 * The cases due come from {@link ClosedCases} ({@code cases}); each rule reads and deletes
 * set-based, one statement per table for all the records due. Legal holds block the first rule. The
 * job runs daily ({@code palermo.retention.cron}, default 02:30) and from {@code palermo retention
 * run}; every run and every record it touches is audited.
 */
@Service
public class Retention {
  static final String ACTOR = "retention";
  private final JdbcClient jdbc;
  private final PersonEraser eraser;
  private final ClosedCases closedCases;
  private final Optional<ExpiringRecords> draftScreenings;
  private final DataKeys dataKeys;
  private final AuditLog audit;
  private final Clock clock;
  private final Period closedCase;
  private final Period draftScreening;
  private final Period notification;

  Retention(
      JdbcClient jdbc,
      PersonEraser eraser,
      ClosedCases closedCases,
      List<ExpiringRecords> expiring,
      DataKeys dataKeys,
      AuditLog audit,
      Clock clock,
      @Value("${palermo.retention.closed-case:P5Y}") Period closedCase,
      @Value("${palermo.retention.draft-screening:P90D}") Period draftScreening,
      @Value("${palermo.retention.notification:P1Y}") Period notification) {
    this.jdbc = jdbc;
    this.eraser = eraser;
    this.closedCases = closedCases;
    this.draftScreenings =
        expiring.stream().filter(r -> r.rule().equals("draft-screening")).findFirst();
    this.dataKeys = dataKeys;
    this.audit = audit;
    this.clock = clock;
    this.closedCase = closedCase;
    this.draftScreening = draftScreening;
    this.notification = notification;
  }

  /**
   * How long the person of a closed case is kept ({@code palermo.retention.closed-case}): the
   * rights pages tell the person (issue 18 item 1; GDPR art. 13(2)(a)).
   */
  public Period closedCasePeriod() {
    return closedCase;
  }

  /** What one run did (or, in a dry run, would do). */
  public record Report(
      boolean dryRun,
      List<UUID> anonymisedCases,
      List<UUID> heldCases,
      List<UUID> erasedScreenings,
      int erasedNotifications) {}

  /** The daily run. */
  @Scheduled(cron = "${palermo.retention.cron:0 30 2 * * *}")
  public void scheduled() {
    run(false);
  }

  /** Applies every rule (or, with {@code dryRun}, only reports what it would do). */
  @Transactional
  public Report run(boolean dryRun) {
    Instant now = clock.instant();
    java.time.ZonedDateTime today = now.atZone(clock.getZone());
    List<UUID> expired = closedCases.closedBefore(today.minus(closedCase).toInstant());
    Set<UUID> blocked = eraser.held(expired);
    List<UUID> held = expired.stream().filter(blocked::contains).toList();
    List<UUID> due = expired.stream().filter(id -> !blocked.contains(id)).toList();
    Instant draftCutoff = today.minus(draftScreening).toInstant();
    List<UUID> drafts = draftScreenings.map(rule -> rule.due(draftCutoff)).orElse(List.of());
    Timestamp noticeCutoff = Timestamp.from(today.minus(notification).toInstant());
    int notices =
        jdbc.sql("SELECT count(*) FROM notification WHERE created_at < ?")
            .param(noticeCutoff)
            .query(Integer.class)
            .single();
    if (!dryRun) {
      Map<UUID, Integer> keys = eraser.anonymise(new LinkedHashSet<>(due), now);
      for (UUID caseId : due) {
        record(
            "retention.anonymise", "case:" + caseId, "rule=closed-case keys=" + keys.get(caseId));
      }
      for (UUID caseId : held) {
        record("retention.held", "case:" + caseId, "legal hold");
      }
      if (!drafts.isEmpty()) {
        Set<UUID> erased = draftScreenings.orElseThrow().purge(drafts);
        dataKeys.eraseAll(erased);
        for (UUID s : drafts) {
          if (erased.contains(s)) {
            record("retention.erase", "screening:" + s, "rule=draft-screening");
          }
        }
      }
      jdbc.sql("DELETE FROM notification WHERE created_at < ?").param(noticeCutoff).update();
    }
    Report report = new Report(dryRun, due, held, drafts, notices);
    record(
        dryRun ? "retention.dry-run" : "retention.run",
        "instance",
        "anonymised="
            + due.size()
            + " held="
            + held.size()
            + " screenings="
            + drafts.size()
            + " notifications="
            + notices);
    return report;
  }

  private void record(String action, String target, String detail) {
    audit.record(new AuditEntry(ACTOR, "-", action, target, Outcome.SUCCESS, detail));
  }
}
