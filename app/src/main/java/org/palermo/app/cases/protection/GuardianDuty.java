package org.palermo.app.cases.protection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
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
  private final Clock clock;

  GuardianDuty(
      JdbcClient jdbc,
      CaseLookup cases,
      CaseStore store,
      CaseTimeline timeline,
      ChildSafeguards children,
      Notifications notifications,
      Clock clock) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.store = store;
    this.timeline = timeline;
    this.children = children;
    this.notifications = notifications;
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
    return Optional.of(task);
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
