package org.palermo.app.identification.application;

import java.time.LocalDate;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.cases.protection.IdentificationProgress;
import org.palermo.app.cases.protection.IdentificationProgress.Report;
import org.palermo.app.cases.protection.IdentificationProgress.Step;
import org.palermo.app.cases.protection.PersonProtection.Stage;
import org.palermo.app.identification.procedure.Decision;
import org.palermo.app.identification.procedure.DecisionKind;
import org.palermo.app.identification.procedure.IdentificationProcedure;
import org.springframework.stereotype.Component;

/**
 * Tells the case of a screened person where its formal identification stands, so that the person's
 * one protection status sees it (issue 13 §1: one procedure per person, not per screening). Nothing
 * when the screening is not linked to a case: then the procedure's own removal bar still holds.
 * Each decision is also reported to the person's one trafficking status ({@link StatusReport}).
 */
@Component
class ProtectionReport {
  private final IdentificationProgress progress;
  private final StatusReport status;
  private final CaseTimeline timeline;

  ProtectionReport(IdentificationProgress progress, StatusReport status, CaseTimeline timeline) {
    this.progress = progress;
    this.status = status;
    this.timeline = timeline;
  }

  /**
   * An issued decision reaches the case timeline (issue 14 item 9): its kind and whether it is
   * positive, never the grounds (CETS 197 art. 10(2): the reasonable-grounds decision; art. 13).
   */
  void onTimeline(PalermoPrincipal who, UUID caseId, Decision d) {
    if (caseId == null) {
      return;
    }
    timeline.append(
        caseId,
        who,
        "identification.decision."
            + (d.kind() == DecisionKind.CONCLUSIVE_GROUNDS
                ? "conclusiveGrounds"
                : "reasonableGrounds")
            + (d.positive() ? ".positive" : ".negative"),
        "decision:" + d.id());
  }

  /**
   * A decision was issued (or a proposed one confirmed): that decision, and only that one, goes to
   * the person's trafficking status; the decisions issued before were reported when they were.
   */
  void decided(PalermoPrincipal who, UUID caseId, IdentificationProcedure p, Decision decision) {
    if (caseId == null || p == null) {
      return;
    }
    p.decisions().stream()
        .filter(d -> d.id().equals(decision.id()) && d.issued())
        .forEach(d -> status.decision(who, caseId, d));
    progress(who, caseId, p, stepOf(decision));
  }

  /**
   * The screening was linked to a case: every decision issued before the link now reaches the
   * person's one trafficking status (issue 13 §1).
   */
  void linked(PalermoPrincipal who, UUID caseId, IdentificationProcedure p) {
    if (caseId == null || p == null) {
      return;
    }
    // A decision proposed and awaiting its second reviewer, or returned by them, says nothing yet.
    p.decisions().stream().filter(Decision::issued).forEach(d -> status.decision(who, caseId, d));
    progress(who, caseId, p, Step.LINKED);
  }

  /** A step that issues no decision (a referral, a reopening): where the procedure stands. */
  void report(PalermoPrincipal who, UUID caseId, IdentificationProcedure p, Step step) {
    if (caseId == null || p == null) {
      return;
    }
    progress(who, caseId, p, step);
  }

  private void progress(PalermoPrincipal who, UUID caseId, IdentificationProcedure p, Step step) {
    LocalDate negativeOn =
        p.decisions().stream()
            .filter(d -> d.issued() && !d.positive())
            .map(Decision::issuedOn)
            .reduce((a, b) -> b)
            .orElse(null);
    boolean identified =
        p.decisions().stream()
            .anyMatch(
                d -> d.issued() && d.kind() == DecisionKind.CONCLUSIVE_GROUNDS && d.positive());
    progress.report(
        who,
        new Report(
            p.id(),
            caseId,
            Stage.valueOf(p.stage().name()),
            p.reflectionStarts(),
            p.reflectionEnds(),
            negativeOn,
            identified),
        step);
  }

  /** A request for reconsideration reopened the procedure: the decision no longer stands. */
  void withdrawn(PalermoPrincipal who, UUID caseId, UUID decisionId) {
    status.withdrawn(who, caseId, decisionId);
  }

  /** What a decision just started. */
  static Step stepOf(Decision d) {
    if (!d.positive()) {
      return Step.NEGATIVE;
    }
    return d.kind() == DecisionKind.REASONABLE_GROUNDS
        ? Step.REASONABLE_GROUNDS_POSITIVE
        : Step.CONCLUSIVE_GROUNDS_POSITIVE;
  }
}
