package org.palermo.app.identification.application;

import java.util.List;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.TraffickingStatus.Source;
import org.palermo.app.cases.TraffickingStatuses;
import org.palermo.app.cases.protection.GuardianDuty;
import org.palermo.app.identification.persistence.FactsJson;
import org.palermo.app.identification.persistence.ScreeningStore;
import org.palermo.app.identification.procedure.Decision;
import org.palermo.app.identification.procedure.DecisionKind;
import org.palermo.law.ChildStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells {@code cases} what its one trafficking status is derived from (issue 13 §1; issue 12 §2): a
 * screening classified and every formal decision taken, once the screening is linked to a case.
 * Called in the same transaction as the step it reports (decisions through {@link
 * ProtectionReport}, which every decision and link already calls), so the status is never behind
 * the decision; {@code cases} cannot listen to this module's events without a dependency cycle.
 * Nothing when the screening is not linked to a case.
 */
@Component
class StatusReport {
  private final TraffickingStatuses statuses;
  private final ScreeningStore screenings;
  private final GuardianDuty guardians;
  private final JsonMapper json;

  StatusReport(
      TraffickingStatuses statuses,
      ScreeningStore screenings,
      GuardianDuty guardians,
      JsonMapper json) {
    this.statuses = statuses;
    this.screenings = screenings;
    this.guardians = guardians;
    this.json = json;
  }

  /**
   * A screening was classified, or linked to a case: its assessment (the decisions so far come
   * through {@link ProtectionReport}).
   */
  void screening(PalermoPrincipal who, UUID caseId, UUID screeningId) {
    if (caseId == null) {
      return;
    }
    screenings
        .assessment(screeningId)
        .ifPresent(
            a ->
                statuses.screened(
                    who,
                    caseId,
                    screeningId,
                    a.traffickingFinding(),
                    a.smugglingFinding(),
                    a.assessedAt()));
    // The engine finds the person a child or presumes one (CETS 197 art. 10(3)): a guardian is
    // appointed when the child needs one (art. 10(4)), as when the age is recorded on the case.
    screenings
        .assessment(screeningId)
        .map(a -> FactsJson.read(json, a.facts()))
        .filter(
            f -> ChildStatus.of(f) == ChildStatus.YES || ChildStatus.of(f) == ChildStatus.PRESUMED)
        .ifPresent(
            f ->
                guardians.presumedChild(
                    who,
                    caseId,
                    Boolean.TRUE.equals(f.unaccompaniedChild())
                        || Boolean.TRUE.equals(f.separatedChild())));
  }

  /**
   * The screening was linked to another case: what it and its decisions said moves to that case's
   * person.
   */
  void relinked(PalermoPrincipal who, UUID caseId, UUID screeningId, List<UUID> decisionIds) {
    if (caseId == null) {
      return;
    }
    List<UUID> sources = new java.util.ArrayList<>(decisionIds);
    sources.add(screeningId);
    statuses.relinked(who, caseId, screeningId, sources);
  }

  /** A decision no longer stands: a request for reconsideration reopened the procedure. */
  void withdrawn(PalermoPrincipal who, UUID caseId, UUID decisionId) {
    if (caseId != null) {
      statuses.withdrawn(who, caseId, decisionId);
    }
  }

  /** A formal decision was taken. */
  void decision(PalermoPrincipal who, UUID caseId, Decision d) {
    if (caseId == null) {
      return;
    }
    statuses.decided(
        who,
        caseId,
        d.id(),
        d.kind() == DecisionKind.REASONABLE_GROUNDS
            ? Source.REASONABLE_GROUNDS
            : Source.CONCLUSIVE_GROUNDS,
        d.positive(),
        d.decidedAt());
  }
}
