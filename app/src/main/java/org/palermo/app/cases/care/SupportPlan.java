package org.palermo.app.cases.care;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.crypto.SealedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The support plan of a case: objectives with an action plan, a type and a planned end date (HTCDS
 * 2.0 {@code spl_}), each marked achieved or not achieved when it ends ({@code spl_ActualEndDate}).
 */
@Service
public class SupportPlan {
  static final int TEXT_MAX = 4000;

  private final JdbcClient jdbc;
  private final CareGuard guard;
  private final Clock clock;
  private final SealedText sealed;

  SupportPlan(JdbcClient jdbc, CareGuard guard, Clock clock, SealedText sealed) {
    this.jdbc = jdbc;
    this.guard = guard;
    this.clock = clock;
    this.sealed = sealed;
  }

  /** An objective to add. */
  public record NewObjective(
      PlanType type, String objective, String actionPlan, LocalDate plannedEnd) {}

  /** One objective of the plan. */
  public record Objective(
      UUID id,
      PlanType type,
      String objective,
      String actionPlan,
      LocalDate plannedEnd,
      LocalDate actualEnd,
      ObjectiveStatus status,
      String recordedBy,
      Instant recordedAt,
      int version) {}

  /** Adds an objective to the plan. */
  @Transactional
  public UUID add(PalermoPrincipal who, UUID caseId, NewObjective cmd) {
    guard.write(who, caseId, FieldGroup.CASE_NARRATIVE);
    if (cmd.type() == null) {
      throw CareGuard.invalid("type", CareRefusal.REQUIRED, "'type' is required.");
    }
    String objective = CareGuard.text(cmd.objective(), "objective", TEXT_MAX, true);
    String actionPlan = CareGuard.text(cmd.actionPlan(), "actionPlan", TEXT_MAX, false);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO care_plan_objective (id, case_id, type, objective_sealed,"
                + " action_plan_sealed,"
                + " planned_end, status, recorded_by, recorded_agency, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?)")
        .params(
            id,
            caseId,
            cmd.type().name(),
            sealed.seal(caseId, "care_plan_objective", "objective", id, objective),
            sealed.seal(caseId, "care_plan_objective", "action_plan", id, actionPlan),
            cmd.plannedEnd(),
            who.username(),
            who.agencyName(),
            Timestamp.from(clock.instant()))
        .update();
    guard.wrote(
        who,
        caseId,
        "care.plan.objectiveAdded",
        "care.plan.objective.add",
        "objective:" + id + " type=" + cmd.type());
    return id;
  }

  /**
   * Closes an open objective as achieved or not achieved, with today as its actual end date. An
   * objective already closed is refused ({@code CONFLICT}); with {@code expectedVersion}, an
   * objective changed since it was read is refused ({@code PRECONDITION_FAILED}), so that no one
   * silently overwrites a colleague's decision.
   */
  @Transactional
  public void close(
      PalermoPrincipal who,
      UUID caseId,
      UUID objectiveId,
      ObjectiveStatus outcome,
      Integer expectedVersion) {
    guard.write(who, caseId, FieldGroup.CASE_NARRATIVE);
    if (outcome == null || outcome == ObjectiveStatus.OPEN) {
      throw CareGuard.invalid(
          "status", CareRefusal.OUTCOME, "'status' must be ACHIEVED or NOT_ACHIEVED.");
    }
    Integer current =
        jdbc.sql("SELECT version FROM care_plan_objective WHERE id = ? AND case_id = ? FOR UPDATE")
            .params(objectiveId, caseId)
            .query(Integer.class)
            .optional()
            .orElseThrow(() -> new PalermoException(ErrorCode.NOT_FOUND, "No such objective."));
    if (expectedVersion != null && !expectedVersion.equals(current)) {
      throw new PalermoException(
          ErrorCode.PRECONDITION_FAILED,
          CareRefusal.STALE,
          "The objective has changed since you read it.",
          Map.of("field", "version"));
    }
    int changed =
        jdbc.sql(
                "UPDATE care_plan_objective SET status = ?, actual_end = ?, version = version + 1"
                    + " WHERE id = ? AND case_id = ? AND status = 'OPEN'")
            .params(outcome.name(), LocalDate.now(clock), objectiveId, caseId)
            .update();
    if (changed == 0) {
      throw new PalermoException(ErrorCode.CONFLICT, "The objective is closed already.");
    }
    guard.wrote(
        who,
        caseId,
        outcome == ObjectiveStatus.ACHIEVED
            ? "care.plan.objectiveAchieved"
            : "care.plan.objectiveNotAchieved",
        "care.plan.objective.close",
        "objective:" + objectiveId + " status=" + outcome);
  }

  /** The plan's objectives, in the order they were added. */
  public List<Objective> list(PalermoPrincipal who, UUID caseId) {
    guard.read(who, caseId, FieldGroup.CASE_NARRATIVE, "care.plan.read");
    return objectives(caseId);
  }

  /** The objectives without a check, for callers that have asked the policy already. */
  List<Objective> objectives(UUID caseId) {
    return jdbc.sql(
            "SELECT id, type, objective, objective_sealed, action_plan, action_plan_sealed,"
                + " planned_end, actual_end, status,"
                + " recorded_by, recorded_at, version FROM care_plan_objective WHERE case_id = ?"
                + " ORDER BY recorded_at, id")
        .param(caseId)
        .query(
            (rs, n) ->
                new Objective(
                    rs.getObject("id", UUID.class),
                    PlanType.valueOf(rs.getString("type")),
                    sealed.open(
                        caseId,
                        "care_plan_objective",
                        "objective",
                        rs.getObject("id", UUID.class),
                        rs.getBytes("objective_sealed"),
                        rs.getString("objective")),
                    sealed.open(
                        caseId,
                        "care_plan_objective",
                        "action_plan",
                        rs.getObject("id", UUID.class),
                        rs.getBytes("action_plan_sealed"),
                        rs.getString("action_plan")),
                    rs.getObject("planned_end", LocalDate.class),
                    rs.getObject("actual_end", LocalDate.class),
                    ObjectiveStatus.valueOf(rs.getString("status")),
                    rs.getString("recorded_by"),
                    rs.getTimestamp("recorded_at").toInstant(),
                    rs.getInt("version")))
        .list();
  }
}
