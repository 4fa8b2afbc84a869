package org.palermo.app.cases.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.Notifications;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.cases.persistence.CaseStore;
import org.palermo.app.cases.persistence.CaseStore.StoredCase;
import org.palermo.app.cases.persistence.CaseStore.Task;
import org.palermo.app.cases.persistence.Colleagues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks with due dates on a case, and the overdue dashboard of the agency. Task titles are case
 * narrative: reading and writing them needs that group; the dashboard lists only tasks of cases
 * whose narrative the user may read.
 */
@Service
public class CaseTasks {
  private final CaseStore cases;
  private final CaseWork work;
  private final Colleagues colleagues;
  private final CaseTimeline timeline;
  private final AccessPolicy policy;
  private final CaseAudit audit;
  private final Clock clock;
  private final Notifications notifications;

  CaseTasks(
      CaseStore cases,
      CaseWork work,
      Colleagues colleagues,
      CaseTimeline timeline,
      AccessPolicy policy,
      CaseAudit audit,
      Clock clock,
      Notifications notifications) {
    this.notifications = notifications;
    this.cases = cases;
    this.work = work;
    this.colleagues = colleagues;
    this.timeline = timeline;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  /** A task as the pages and the API show it. */
  public record TaskView(
      UUID id,
      UUID caseId,
      String caseReference,
      String title,
      LocalDate dueOn,
      UUID assignee,
      boolean done,
      boolean overdue) {}

  public List<TaskView> of(PalermoPrincipal who, UUID caseId) {
    work.readable(who, caseId);
    LocalDate today = LocalDate.now(clock);
    audit.caseAction(who, "cases.tasks.read", caseId, "");
    return cases.tasks(caseId).stream().map(t -> view(t, today)).toList();
  }

  @Transactional
  public UUID add(PalermoPrincipal who, UUID caseId, String title, LocalDate due, UUID assignee) {
    StoredCase c = work.writable(who, caseId);
    String t = title == null ? "" : title.strip();
    if (t.isEmpty() || t.length() > 200) {
      throw CaseErrors.invalid("title", "Give a title of 1 to 200 characters.");
    }
    if (due == null) {
      throw CaseErrors.invalid("dueOn", "Give the due date.");
    }
    if (assignee != null && colleagues.in(c.ownerAgencyId(), assignee).isEmpty()) {
      throw CaseErrors.invalid("assignee", "Assign a case worker of the agency that owns it.");
    }
    UUID id = UUID.randomUUID();
    cases.addTask(id, caseId, t, due, assignee, who.userId(), clock.instant());
    timeline.append(caseId, who, "task.created", "task:" + id + " due=" + due);
    if (assignee != null && !assignee.equals(who.userId())) {
      // A task given to someone else reaches the case owner's notifications (issue 14 item 9);
      // the detail names staff, never the person.
      notifications.notify(
          c.ownerAgencyId(),
          "taskAssigned",
          caseId,
          "task:" + id + " to:" + colleagues.in(c.ownerAgencyId(), assignee).get().username());
    }
    audit.caseAction(who, "cases.task.create", caseId, "task:" + id);
    return id;
  }

  @Transactional
  public void complete(PalermoPrincipal who, UUID caseId, UUID taskId) {
    work.writable(who, caseId);
    if (!cases.completeTask(caseId, taskId, who.userId(), clock.instant())) {
      throw new org.palermo.app.platform.PalermoException(
          org.palermo.app.platform.ErrorCode.NOT_FOUND, "No such open task on this case.");
    }
    timeline.append(caseId, who, "task.completed", "task:" + taskId);
    audit.caseAction(who, "cases.task.complete", caseId, "task:" + taskId);
  }

  /** Open tasks past their due date on the agency's cases that {@code who} may read. */
  public List<TaskView> overdue(PalermoPrincipal who) {
    LocalDate today = LocalDate.now(clock);
    java.util.Map<UUID, Boolean> allowed = new java.util.HashMap<>();
    List<TaskView> out =
        cases.overdue(who.agencyId(), today, 500).stream()
            .filter(
                t ->
                    allowed.computeIfAbsent(
                        t.caseId(),
                        id -> policy.allows(who, id, FieldGroup.CASE_NARRATIVE, Access.READ)))
            .map(t -> view(t, today))
            .toList();
    audit.agencyAction(who, "cases.tasks.overdue", Outcome.SUCCESS, "rows=" + out.size());
    return out;
  }

  /**
   * Open tasks on the agency's open cases that {@code who} may read (the home page's "my tasks" and
   * the team's overdue work), soonest due first; audited like the overdue list.
   */
  public List<TaskView> open(PalermoPrincipal who) {
    LocalDate today = LocalDate.now(clock);
    java.util.Map<UUID, Boolean> allowed = new java.util.HashMap<>();
    List<TaskView> out =
        cases.openTasks(who.agencyId(), 500).stream()
            .filter(
                t ->
                    allowed.computeIfAbsent(
                        t.caseId(),
                        id -> policy.allows(who, id, FieldGroup.CASE_NARRATIVE, Access.READ)))
            .map(t -> view(t, today))
            .toList();
    audit.agencyAction(who, "cases.tasks.open", Outcome.SUCCESS, "rows=" + out.size());
    return out;
  }

  /** One member of the team (or nobody, {@code name} null) and the open cases assigned to them. */
  public record Caseload(UUID assignee, String name, int cases) {}

  /**
   * The team's caseload: the agency's open cases that {@code who} may read, counted by assignee,
   * the heaviest first. For supervisors (the home page); audited as an agency read.
   */
  public List<Caseload> caseload(PalermoPrincipal who) {
    java.util.Map<UUID, String> names = new java.util.HashMap<>();
    colleagues.of(who.agencyId()).forEach(c -> names.put(c.id(), c.displayName()));
    java.util.Map<UUID, Integer> counts = new java.util.LinkedHashMap<>();
    int unassigned = 0;
    // One answer of the policy for the agency's own cases, and a question per case only for a case
    // with a consent scope (issue 14 item 7: the home page used to ask once per open case).
    boolean ownReadable =
        policy.groupsOnOwnCases(who, Access.READ).contains(FieldGroup.CASE_NARRATIVE);
    for (CaseStore.Assigned a : cases.openCasesByAssignee(who.agencyId())) {
      boolean readable =
          a.scoped()
              ? policy.allows(who, a.caseId(), FieldGroup.CASE_NARRATIVE, Access.READ)
              : ownReadable;
      if (!readable) {
        continue;
      }
      if (a.assignee() == null) {
        unassigned++;
      } else {
        counts.merge(a.assignee(), 1, Integer::sum);
      }
    }
    List<Caseload> out = new java.util.ArrayList<>();
    counts.forEach((id, n) -> out.add(new Caseload(id, names.getOrDefault(id, "?"), n)));
    out.sort(java.util.Comparator.comparingInt(Caseload::cases).reversed());
    if (unassigned > 0) {
      out.add(new Caseload(null, null, unassigned));
    }
    audit.agencyAction(who, "cases.caseload", Outcome.SUCCESS, "assignees=" + out.size());
    return out;
  }

  /** The display name of a colleague of {@code who}'s agency, or null. */
  public String colleagueName(PalermoPrincipal who, UUID userId) {
    return userId == null
        ? null
        : colleagues.in(who.agencyId(), userId).map(c -> c.displayName()).orElse(null);
  }

  private static TaskView view(Task t, LocalDate today) {
    return new TaskView(
        t.id(),
        t.caseId(),
        t.caseReference(),
        t.title(),
        t.dueOn(),
        t.assignee(),
        t.completedAt() != null,
        t.completedAt() == null && t.dueOn().isBefore(today));
  }
}
