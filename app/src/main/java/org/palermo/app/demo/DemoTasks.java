package org.palermo.app.demo;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Demo tasks (the {@code case_task} table of V11): on the first open cases of each agency that has
 * demo caseworkers, a few tasks created and assigned by such a user, with their timeline entries.
 * Some were due before the demo epoch and are overdue (so the overdue dashboard at {@code
 * /cases/tasks/overdue} shows something), some fall due in the weeks after the day of seeding, and
 * one of each case is done. Written straight to the table, like {@link DemoCare}: the task use case
 * is internal to the {@code cases} module and asks for a signed-in user. A fixed number of cases,
 * whatever {@code --cases} is.
 */
final class DemoTasks {
  static final int PER_AGENCY = 4;

  private DemoTasks() {}

  /** A demo case and a user of its owning agency who works on cases. */
  private record Work(UUID caseId, UUID userId, String agency, LocalDate opened, boolean child) {}

  private static final String[] ADULT_TASKS = {
    "Book an interpreter for the legal-aid appointment",
    "Follow up on the shelter placement",
    "Check the residence permit application",
    "Arrange the medical check-up",
    "Review the support plan with the person",
    "Confirm the psychosocial counselling sessions",
    "Ask the consulate about replacement identity documents"
  };

  private static final String[] CHILD_TASKS = {
    "Call the guardian about school enrolment",
    "Prepare the best-interests review",
    "Arrange the family tracing interview",
    "Check the foster placement"
  };

  /** Records the demo tasks; returns how many were made. */
  static int record(JdbcClient jdbc, LocalDate epoch, LocalDate today, SplittableRandom random) {
    List<Work> work =
        jdbc.sql(
                """
                SELECT id, user_id, name, opened_at, minor FROM (
                  SELECT c.id, u.id AS user_id, a.name, c.opened_at, p.minor, c.reference,
                    row_number() OVER (PARTITION BY c.owner_agency_id ORDER BY c.reference) AS n
                  FROM case_file c JOIN person p ON p.id = c.person_id
                  JOIN agency a ON a.id = c.owner_agency_id
                  JOIN LATERAL (
                    SELECT u.id FROM app_user u JOIN user_role r ON r.user_id = u.id
                    WHERE u.agency_id = c.owner_agency_id
                      AND r.role IN ('CASEWORKER', 'CHILD_PROTECTION_OFFICER')
                    ORDER BY u.username LIMIT 1) u ON TRUE
                  WHERE c.status NOT IN ('IDENTIFIED', 'CLOSED') AND c.opened_at < ?) x
                WHERE n <= ? ORDER BY reference""")
            .params(at(epoch.minusDays(90)), PER_AGENCY)
            .query(
                (rs, n) ->
                    new Work(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant().atZone(ZoneOffset.UTC).toLocalDate(),
                        rs.getBoolean(5)))
            .list();
    int made = 0;
    for (Work w : work) {
      String[] titles = w.child() ? CHILD_TASKS : ADULT_TASKS;
      int first = random.nextInt(titles.length);
      // Overdue: due a few days to weeks before the demo epoch, never done. The case was opened
      // at least 90 days before the epoch, so every task is created after it.
      LocalDate created = w.opened().plusDays(1);
      LocalDate overdue = epoch.minusDays(1 + random.nextInt(30));
      task(jdbc, w, titles[first], created, overdue, null);
      // Done: due and completed before the epoch.
      LocalDate doneOn = epoch.minusDays(35 + random.nextInt(20));
      task(jdbc, w, titles[(first + 1) % titles.length], created, doneOn, doneOn.minusDays(1));
      // Upcoming: due after the day of seeding.
      task(
          jdbc,
          w,
          titles[(first + 2) % titles.length],
          epoch,
          today.plusDays(3 + random.nextInt(28)),
          null);
      made += 3;
    }
    return made;
  }

  private static void task(
      JdbcClient jdbc,
      Work w,
      String title,
      LocalDate created,
      LocalDate due,
      LocalDate completed) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO case_task (id, case_id, title, due_on, assignee, created_by, created_at,"
                + " completed_at, completed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            w.caseId(),
            title,
            due,
            w.userId(),
            w.userId(),
            at(created),
            completed == null ? null : at(completed),
            completed == null ? null : w.userId())
        .update();
    timeline(jdbc, w, created, "task.created", "task:" + id + " due=" + due);
    if (completed != null) {
      timeline(jdbc, w, completed, "task.completed", "task:" + id);
    }
  }

  private static void timeline(JdbcClient jdbc, Work w, LocalDate on, String kind, String detail) {
    jdbc.sql(
            "INSERT INTO case_timeline (case_id, at, actor, agency, kind, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(w.caseId(), at(on), DemoSeeder.ACTOR, w.agency(), kind, detail)
        .update();
  }

  private static Timestamp at(LocalDate day) {
    return Timestamp.from(day.atTime(9, 0).toInstant(ZoneOffset.UTC));
  }
}
