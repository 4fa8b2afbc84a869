package org.palermo.app.cases.protection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.Notifications;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.cases.CaseLookup.CaseFacts;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.cases.persistence.CaseStore;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A guardian is appointed as soon as the child is identified (CETS 197 art. 10(4); Directive
 * 2011/36/EU art. 16(3); CRC GC 6 §§ 33–38), and for a child exploited by a parent or caregiver
 * whatever the migration status (Directive 2011/36/EU art. 14(2)). When a person is registered or
 * becomes a child or a presumed child (age disputed: CETS 197 art. 10(3)) who needs a guardian and
 * has none in office, an "appoint a guardian" task is opened on the case at once, due the same day,
 * and the owning agency is notified; the guardian-missing alert of the child page stays until a
 * guardian is recorded, and recording one completes the task ({@link ChildSafeguards}).
 */
@Service
public class GuardianDuty {
  /** The task's title: case work, no personal data. */
  static final String APPOINT_TITLE =
      "Appoint a guardian for the child now (CETS 197 art. 10(4); Directive 2011/36/EU arts."
          + " 14(2), 16(3))";

  private final JdbcClient jdbc;
  private final CaseLookup cases;
  private final CaseStore store;
  private final CaseTimeline timeline;
  private final ChildSafeguards children;
  private final Notifications notifications;
  private final AccessPolicy policy;
  private final ProtectionAccess access;
  private final Clock clock;

  GuardianDuty(
      JdbcClient jdbc,
      CaseLookup cases,
      CaseStore store,
      CaseTimeline timeline,
      ChildSafeguards children,
      Notifications notifications,
      AccessPolicy policy,
      ProtectionAccess access,
      Clock clock) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.store = store;
    this.timeline = timeline;
    this.children = children;
    this.notifications = notifications;
    this.policy = policy;
    this.access = access;
    this.clock = clock;
  }

  @EventListener
  void on(ChildFactsChanged e) {
    openIfNeeded(e.by(), e.caseId());
  }

  /**
   * Opens the "appoint a guardian" task when the case's child needs a guardian, has none in office
   * and no such task is open yet; runs in the caller's transaction. Returns the task opened.
   */
  public Optional<UUID> openIfNeeded(PalermoPrincipal by, UUID caseId) {
    CaseFacts f = cases.facts(caseId).orElse(null);
    if (f == null || !children.guardianMissing(caseId, f) || openTask(caseId).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(open(by, caseId, f));
  }

  /**
   * The rules engine, classifying a screening linked to the case, finds the person a child or
   * presumes one (ChildStatus YES or PRESUMED: reported unaccompanied or separated, or the age
   * disputed), whatever the person record says of the age yet: a presumed child is treated as a
   * child until an age assessment concludes otherwise (CETS 197 art. 10(3); Directive 2011/36/EU
   * art. 13(2)), so a guardian is appointed now when the child needs one ({@code withoutCaregiver}:
   * the screening reports the child unaccompanied or separated; or the case says so, or a parent or
   * caregiver is a suspected exploiter) and has none in office (CETS 197 art. 10(4); Directive
   * 2011/36/EU arts. 14(2), 16(3)). Once: no task is opened when the case ever had one, so a
   * screening classified again or linked again opens nothing more. Runs in the caller's
   * transaction; returns the task opened.
   */
  public Optional<UUID> presumedChild(PalermoPrincipal by, UUID caseId, boolean withoutCaregiver) {
    CaseFacts f = cases.facts(caseId).orElse(null);
    if (f == null
        || !children.guardianNeededForPresumedChild(caseId, withoutCaregiver)
        || everHadTask(caseId)) {
      return Optional.empty();
    }
    return Optional.of(open(by, caseId, f));
  }

  private boolean everHadTask(UUID caseId) {
    return jdbc.sql(
                "SELECT count(*) FROM child_protection_task WHERE case_id = ?"
                    + " AND purpose = 'APPOINT_GUARDIAN'")
            .param(caseId)
            .query(Long.class)
            .single()
        > 0;
  }

  private UUID open(PalermoPrincipal by, UUID caseId, CaseFacts f) {
    UUID task = UUID.randomUUID();
    LocalDate today = LocalDate.now(clock);
    store.addTask(task, caseId, APPOINT_TITLE, today, null, by.userId(), clock.instant());
    jdbc.sql(
            "INSERT INTO child_protection_task (task_id, case_id, purpose)"
                + " VALUES (?, ?, 'APPOINT_GUARDIAN')")
        .params(task, caseId)
        .update();
    timeline.append(caseId, by, "protection.guardianTaskOpened", "task:" + task + " due=" + today);
    notifications.notify(f.ownerAgencyId(), "guardianNeeded", caseId, "case " + f.reference());
    return task;
  }

  /** A child of the agency's open cases who needs a guardian and has none yet (no name). */
  public record Waiting(UUID caseId, String reference, LocalDate since) {}

  /**
   * The children without a guardian (issue 14 item 7): the agency's open cases whose "appoint a
   * guardian" task is still open and that have no guardian in office, of a person who is a child
   * today (the law's age of majority, or age disputed: CETS 197 art. 10(3)–(4); Directive
   * 2011/36/EU arts. 14–16), oldest first. Read with the policy's one answer for the agency's own
   * cases ({@link AccessPolicy#groupsOnOwnCases}), asking row by row only for a case with a consent
   * scope; audited as one agency read.
   */
  public java.util.List<Waiting> waiting(PalermoPrincipal who) {
    LocalDate today = LocalDate.now(clock);
    boolean ownReadable =
        policy.groupsOnOwnCases(who, Access.READ).contains(FieldGroup.CASE_NARRATIVE);
    java.util.List<Waiting> out =
        jdbc
            .sql(
                """
                SELECT c.id, c.reference, c.consent_scope IS NOT NULL AS scoped,
                  MIN(t.created_at) AS since
                FROM child_protection_task p
                JOIN case_task t ON t.id = p.task_id
                JOIN case_file c ON c.id = p.case_id
                WHERE c.owner_agency_id = ? AND c.status <> 'CLOSED'
                  AND p.purpose = 'APPOINT_GUARDIAN' AND t.completed_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM child_guardian g WHERE g.case_id = c.id
                    AND g.appointed_on <= ? AND (g.ended_on IS NULL OR g.ended_on > ?))
                GROUP BY c.id, c.reference, c.consent_scope
                ORDER BY since, c.reference""")
            .params(who.agencyId(), java.sql.Date.valueOf(today), java.sql.Date.valueOf(today))
            .query(
                (rs, n) ->
                    rs.getBoolean("scoped")
                        ? (policy.allows(
                                who,
                                rs.getObject("id", UUID.class),
                                FieldGroup.CASE_NARRATIVE,
                                Access.READ)
                            ? waiting(rs, clock)
                            : null)
                        : (ownReadable ? waiting(rs, clock) : null))
            .list()
            .stream()
            .filter(java.util.Objects::nonNull)
            .filter(w -> cases.facts(w.caseId()).map(CaseFacts::child).orElse(false))
            .toList();
    // Which children were shown, not only how many (SECURITY.md: every read of personal data is
    // audited per subject): one entry naming each, its index written in one statement.
    access.recordShown(
        who,
        "protection.guardianless.read",
        "rows=" + out.size(),
        cases.persons(out.stream().map(Waiting::caseId).toList()));
    return out;
  }

  private static Waiting waiting(java.sql.ResultSet rs, Clock clock) throws java.sql.SQLException {
    return new Waiting(
        rs.getObject("id", UUID.class),
        rs.getString("reference"),
        rs.getTimestamp("since").toInstant().atZone(clock.getZone()).toLocalDate());
  }

  /** The open "appoint a guardian" task of the case, if any. */
  Optional<UUID> openTask(UUID caseId) {
    return jdbc
        .sql(
            "SELECT p.task_id FROM child_protection_task p JOIN case_task t ON t.id = p.task_id"
                + " WHERE p.case_id = ? AND p.purpose = 'APPOINT_GUARDIAN'"
                + " AND t.completed_at IS NULL")
        .param(caseId)
        .query(UUID.class)
        .list()
        .stream()
        .findFirst();
  }
}
