package org.palermo.app.cases.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.palermo.app.cases.CaseStatus;
import org.palermo.app.cases.domain.CaseFile;
import org.palermo.app.cases.domain.ClosureReason;
import org.palermo.app.cases.domain.Transition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code case_file}, {@code case_focal_point} and {@code case_task} tables. */
@Repository
public class CaseStore {
  private final JdbcClient jdbc;

  CaseStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored case: the lifecycle aggregate and what surrounds it. */
  public record StoredCase(
      CaseFile file,
      String reference,
      UUID personId,
      UUID ownerAgencyId,
      UUID assignedTo,
      Instant openedAt) {}

  /** One task of a case. */
  public record Task(
      UUID id,
      UUID caseId,
      String caseReference,
      String title,
      LocalDate dueOn,
      UUID assignee,
      Instant completedAt) {}

  public Optional<StoredCase> find(UUID id) {
    return jdbc.sql(
            """
            SELECT id, reference, person_id, owner_agency_id, status, opened_at, closed_at,
              version, assigned_to, pending_transition, pending_by, pending_at
            FROM case_file WHERE id = ?""")
        .param(id)
        .query(
            (rs, n) -> {
              Timestamp closed = rs.getTimestamp("closed_at");
              Timestamp pendingAt = rs.getTimestamp("pending_at");
              CaseFile f =
                  new CaseFile(
                      rs.getObject("id", UUID.class),
                      CaseStatus.valueOf(rs.getString("status")),
                      Sql.enumOf(Transition.class, rs.getString("pending_transition")),
                      rs.getObject("pending_by", UUID.class),
                      pendingAt == null ? null : pendingAt.toInstant(),
                      closed == null ? null : closed.toInstant(),
                      rs.getInt("version"));
              return new StoredCase(
                  f,
                  rs.getString("reference"),
                  rs.getObject("person_id", UUID.class),
                  rs.getObject("owner_agency_id", UUID.class),
                  rs.getObject("assigned_to", UUID.class),
                  rs.getTimestamp("opened_at").toInstant());
            })
        .optional();
  }

  /** Saves the lifecycle state if the version is unchanged; false when it is stale. */
  public boolean save(CaseFile f, Instant at) {
    return jdbc.sql(
                """
                UPDATE case_file SET status = ?, pending_transition = ?, pending_by = ?,
                  pending_at = ?, closed_at = ?, version = version + 1, updated_at = ?
                WHERE id = ? AND version = ?""")
            .params(
                f.status().name(),
                Sql.name(f.pending()),
                f.pendingBy(),
                f.pendingAt() == null ? null : Timestamp.from(f.pendingAt()),
                f.closedAt() == null ? null : Timestamp.from(f.closedAt()),
                Timestamp.from(at),
                f.id(),
                f.version())
            .update()
        == 1;
  }

  /** Records why the case is (being) closed, or clears it ({@code null}) when reopened. */
  public void closureReason(UUID caseId, ClosureReason reason) {
    jdbc.sql("UPDATE case_file SET closure_reason = ? WHERE id = ?")
        .params(Sql.name(reason), caseId)
        .update();
  }

  /** Why the case was closed, if it was and a reason was given. */
  public Optional<ClosureReason> closureReason(UUID caseId) {
    return jdbc
        .sql("SELECT closure_reason FROM case_file WHERE id = ?")
        .param(caseId)
        .query(String.class)
        .list()
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .map(v -> Sql.enumOf(ClosureReason.class, v));
  }

  /** Assigns the case if the version is unchanged; false when it is stale. */
  public boolean assign(UUID caseId, UUID userId, int expectedVersion, Instant at) {
    return jdbc.sql(
                "UPDATE case_file SET assigned_to = ?, version = version + 1, updated_at = ?"
                    + " WHERE id = ? AND version = ?")
            .params(userId, Timestamp.from(at), caseId, expectedVersion)
            .update()
        == 1;
  }

  /** Opens another case for a known person. */
  public void insert(
      UUID id, String reference, UUID personId, UUID owner, CaseStatus status, Instant at) {
    jdbc.sql(
            """
            INSERT INTO case_file (id, reference, person_id, owner_agency_id, status, opened_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(id, reference, personId, owner, status.name(), Timestamp.from(at))
        .update();
  }

  /**
   * A new unguessable reference for a case opened in {@code year} (issue #11 item 8), drawn again
   * in the rare case it is already taken.
   */
  public String newReference(int year) {
    return newReference(jdbc, year, null);
  }

  /** {@link #newReference(int)} for callers holding their own {@link JdbcClient}. */
  public static String newReference(
      JdbcClient jdbc, int year, java.util.random.RandomGenerator source) {
    while (true) {
      String candidate =
          source == null
              ? org.palermo.app.cases.domain.CaseReference.random(year)
              : org.palermo.app.cases.domain.CaseReference.random(year, source);
      boolean taken =
          jdbc.sql("SELECT count(*) FROM case_file WHERE reference = ?")
                  .param(candidate)
                  .query(Long.class)
                  .single()
              > 0;
      if (!taken) {
        return candidate;
      }
    }
  }

  public Optional<UUID> idByReference(String reference) {
    return jdbc.sql("SELECT id FROM case_file WHERE reference = ?")
        .param(reference)
        .query(UUID.class)
        .optional();
  }

  public List<UUID> focalPoints(UUID caseId) {
    return jdbc.sql(
            "SELECT user_id FROM case_focal_point WHERE case_id = ? ORDER BY added_at, user_id")
        .param(caseId)
        .query(UUID.class)
        .list();
  }

  public boolean addFocalPoint(UUID caseId, UUID userId, Instant at) {
    return jdbc.sql(
                "INSERT INTO case_focal_point (case_id, user_id, added_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")
            .params(caseId, userId, Timestamp.from(at))
            .update()
        == 1;
  }

  public boolean removeFocalPoint(UUID caseId, UUID userId) {
    return jdbc.sql("DELETE FROM case_focal_point WHERE case_id = ? AND user_id = ?")
            .params(caseId, userId)
            .update()
        == 1;
  }

  public void addTask(
      UUID id, UUID caseId, String title, LocalDate due, UUID assignee, UUID by, Instant at) {
    jdbc.sql(
            """
            INSERT INTO case_task (id, case_id, title, due_on, assignee, created_by, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(id, caseId, title, due, assignee, by, Timestamp.from(at))
        .update();
  }

  public boolean completeTask(UUID caseId, UUID taskId, UUID by, Instant at) {
    return jdbc.sql(
                "UPDATE case_task SET completed_at = ?, completed_by = ?"
                    + " WHERE id = ? AND case_id = ? AND completed_at IS NULL")
            .params(Timestamp.from(at), by, taskId, caseId)
            .update()
        == 1;
  }

  public List<Task> tasks(UUID caseId) {
    return jdbc.sql(TASKS + " WHERE t.case_id = ? ORDER BY t.completed_at NULLS FIRST, t.due_on")
        .param(caseId)
        .query(CaseStore::task)
        .list();
  }

  /**
   * Open tasks due before {@code today} on open cases of the agency, oldest due first. A closed
   * case is never overdue (issue 14 item 10): its open tasks wait for a reopening.
   */
  public List<Task> overdue(UUID agencyId, LocalDate today, int limit) {
    return jdbc.sql(
            TASKS
                + " WHERE c.owner_agency_id = ? AND c.status <> 'CLOSED'"
                + " AND t.completed_at IS NULL AND t.due_on < ?"
                + " ORDER BY t.due_on, c.reference LIMIT ?")
        .params(agencyId, today, limit)
        .query(CaseStore::task)
        .list();
  }

  /** Open tasks on open cases of the agency, soonest due first. */
  public List<Task> openTasks(UUID agencyId, int limit) {
    return jdbc.sql(
            TASKS
                + " WHERE c.owner_agency_id = ? AND c.status <> 'CLOSED' AND t.completed_at IS NULL"
                + " ORDER BY t.due_on, c.reference LIMIT ?")
        .params(agencyId, limit)
        .query(CaseStore::task)
        .list();
  }

  /** An open case and its assignee (null: nobody). */
  /**
   * An open case and its assignee; {@code scoped} when it came by a transfer under a consent scope
   * (the policy must then be asked about it on its own).
   */
  public record Assigned(UUID caseId, UUID assignee, boolean scoped) {}

  /** The agency's open cases with their assignees, for the team's caseload. */
  public List<Assigned> openCasesByAssignee(UUID agencyId) {
    return jdbc.sql(
            "SELECT id, assigned_to, consent_scope IS NOT NULL AS scoped FROM case_file"
                + " WHERE owner_agency_id = ? AND status <> 'CLOSED' ORDER BY assigned_to, id")
        .params(agencyId)
        .query(
            (rs, n) ->
                new Assigned(
                    rs.getObject("id", UUID.class),
                    rs.getObject("assigned_to", UUID.class),
                    rs.getBoolean("scoped")))
        .list();
  }

  private static final String TASKS =
      "SELECT t.id, t.case_id, c.reference, t.title, t.due_on, t.assignee, t.completed_at"
          + " FROM case_task t JOIN case_file c ON c.id = t.case_id";

  private static Task task(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Timestamp done = rs.getTimestamp("completed_at");
    return new Task(
        rs.getObject("id", UUID.class),
        rs.getObject("case_id", UUID.class),
        rs.getString("reference"),
        rs.getString("title"),
        rs.getObject("due_on", LocalDate.class),
        rs.getObject("assignee", UUID.class),
        done == null ? null : done.toInstant());
  }
}
