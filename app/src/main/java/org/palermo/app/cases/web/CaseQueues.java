package org.palermo.app.cases.web;

import java.util.Comparator;
import java.util.List;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Role;
import org.palermo.app.access.WorkQueue;
import org.palermo.app.cases.CaseList;
import org.palermo.app.cases.application.CaseTasks;
import org.palermo.app.cases.protection.GuardianDuty;
import org.palermo.app.cases.protection.Residence;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The case module's work queues on the home page (issue 14 item 7), each read through the module's
 * own API ({@link CaseTasks}, {@link Residence}), which checks {@link
 * org.palermo.app.access.AccessPolicy} row by row and audits the read.
 */
@Configuration(proxyBeanMethods = false)
class CaseQueues {

  /** Open tasks assigned to the user, soonest due first. */
  @Bean
  WorkQueue myTasksQueue(CaseTasks tasks) {
    return new WorkQueue.Base("myTasks", 10, null, CaseList::lists, "/cases") {
      @Override
      public List<Item> items(PalermoPrincipal who) {
        return tasks.open(who).stream()
            .filter(t -> who.userId().equals(t.assignee()))
            .map(
                t ->
                    new Item(
                        t.caseReference() + " · " + t.title(),
                        "/cases/" + t.caseId() + "/tasks",
                        t.dueOn(),
                        t.overdue()))
            .toList();
      }
    };
  }

  /** Open tasks past their due date on the agency's open cases. */
  @Bean
  WorkQueue overdueTasksQueue(CaseTasks tasks) {
    return new WorkQueue.Base("overdueTasks", 20, "/cases/tasks/overdue", CaseList::lists) {
      @Override
      public List<Item> items(PalermoPrincipal who) {
        return tasks.overdue(who).stream()
            .map(
                t ->
                    new Item(
                        t.caseReference() + " · " + t.title(),
                        "/cases/" + t.caseId() + "/tasks",
                        t.dueOn(),
                        true,
                        null,
                        null,
                        tasks.colleagueName(who, t.assignee())))
            .toList();
      }
    };
  }

  /** The supervisor's view: the team's caseload, by assignee. */
  @Bean
  WorkQueue caseloadQueue(CaseTasks tasks) {
    return new WorkQueue.Base("caseload", 15, "/cases", who -> who.hasRole(Role.CASE_SUPERVISOR)) {
      @Override
      public List<Item> items(PalermoPrincipal who) {
        return tasks.caseload(who).stream()
            .map(
                c ->
                    new Item(
                        c.name(),
                        "/cases",
                        null,
                        false,
                        c.name() == null ? "home.caseload.unassigned" : "home.caseload.cases",
                        String.valueOf(c.cases()),
                        null))
            .toList();
      }
    };
  }

  /** The supervisor's view: overdue work grouped by assignee. */
  @Bean
  WorkQueue teamOverdueQueue(CaseTasks tasks) {
    return new WorkQueue.Base(
        "teamOverdue", 16, "/cases/tasks/overdue", who -> who.hasRole(Role.CASE_SUPERVISOR)) {
      @Override
      public List<Item> items(PalermoPrincipal who) {
        java.util.Map<String, Integer> byAssignee = new java.util.TreeMap<>();
        int nobody = 0;
        for (CaseTasks.TaskView t : tasks.overdue(who)) {
          String name = tasks.colleagueName(who, t.assignee());
          if (name == null) {
            nobody++;
          } else {
            byAssignee.merge(name, 1, Integer::sum);
          }
        }
        List<Item> out = new java.util.ArrayList<>();
        byAssignee.entrySet().stream()
            .sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed())
            .forEach(
                e ->
                    out.add(
                        new Item(
                            e.getKey(),
                            "/cases/tasks/overdue",
                            null,
                            true,
                            "home.teamOverdue.tasks",
                            String.valueOf(e.getValue()),
                            null)));
        if (nobody > 0) {
          out.add(
              new Item(
                  null,
                  "/cases/tasks/overdue",
                  null,
                  true,
                  "home.teamOverdue.unassigned",
                  String.valueOf(nobody),
                  null));
        }
        return out;
      }
    };
  }

  /**
   * Children without a guardian (issue 14 item 7): for child-protection officers and the agencies
   * whose function is child protection, the agency's children who need a guardian and have none,
   * oldest first (CETS 197 art. 10(4); Directive 2011/36/EU arts. 14(2), 16(3)).
   */
  @Bean
  WorkQueue guardianlessChildrenQueue(GuardianDuty guardians) {
    return new WorkQueue.Base(
        "guardianlessChildren",
        12,
        null,
        who ->
            CaseList.lists(who)
                && (who.hasRole(Role.CHILD_PROTECTION_OFFICER)
                    || who.agencyType() == org.palermo.app.access.AgencyType.CHILD_PROTECTION),
        "/cases") {
      @Override
      public List<Item> items(PalermoPrincipal who) {
        return guardians.waiting(who).stream()
            .map(
                w ->
                    new Item(
                        w.reference(),
                        "/cases/" + w.caseId() + "/child",
                        w.since(),
                        false,
                        "home.guardianless.needs",
                        null,
                        null))
            .toList();
      }
    };
  }

  /** Residence permits and reflection periods of the agency's cases that end soon. */
  @Bean
  WorkQueue expiringPermitsQueue(Residence residence) {
    return new WorkQueue.Base("expiringPermits", 60, "/residence", CaseList::lists) {
      @Override
      public List<Item> items(PalermoPrincipal who) {
        return residence.expiringSoon(who).stream()
            .sorted(Comparator.comparing(Residence.Expiring::validTo))
            .map(
                e ->
                    new Item(
                        e.reference(),
                        "/cases/" + e.caseId() + "/residence",
                        e.validTo(),
                        false,
                        "caseProtection.permit." + e.kind().name(),
                        null,
                        null))
            .toList();
      }
    };
  }
}
