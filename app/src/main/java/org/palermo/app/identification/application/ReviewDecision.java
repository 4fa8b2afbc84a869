package org.palermo.app.identification.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.identification.persistence.ProcedureStore;
import org.palermo.app.identification.procedure.DeadlinePolicy;
import org.palermo.app.identification.procedure.Decision;
import org.palermo.app.identification.procedure.IdentificationProcedure;
import org.palermo.app.identification.procedure.ProcedureRefused;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second review of a negative decision (issue 13 §2; the UK NRM multi-agency assurance panels
 * are the model; CETS 197 art. 10(2): no removal on a wrong "no"). The reviewer the decider named,
 * a competent-authority officer of the same authority signed in as themselves, confirms the
 * proposed decision, which issues it, or returns it with a reason. The decider cannot confirm their
 * own; nobody of another agency can. Every attempt is audited.
 */
@Service
public class ReviewDecision {
  private static final String ACTION = "identification.decision.review";

  private final Screenings screenings;
  private final ProcedureStore procedures;
  private final DeadlinePolicy policy;
  private final IdentificationAudit audit;
  private final Clock clock;
  private final DecideIdentification recorder;

  ReviewDecision(
      Screenings screenings,
      ProcedureStore procedures,
      DeadlinePolicy policy,
      IdentificationAudit audit,
      Clock clock,
      DecideIdentification recorder) {
    this.screenings = screenings;
    this.procedures = procedures;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
    this.recorder = recorder;
  }

  /** Confirms the proposed negative decision: it is issued today. */
  @Transactional
  public Decision confirm(PalermoPrincipal who, UUID screeningId, UUID decisionId) {
    return review(who, screeningId, decisionId, null, true);
  }

  /** Returns the proposed negative decision to its decider with {@code reason}. */
  @Transactional
  public Decision returnToDecider(
      PalermoPrincipal who, UUID screeningId, UUID decisionId, String reason) {
    return review(who, screeningId, decisionId, reason, false);
  }

  private Decision review(
      PalermoPrincipal who, UUID screeningId, UUID decisionId, String reason, boolean confirm) {
    String verb = confirm ? "confirm" : "return";
    Screenings.Loaded loaded = screenings.readable(who, screeningId, ACTION);
    IdentificationProcedure procedure = loaded.procedure();
    if (procedure == null) {
      throw new PalermoException(
          ErrorCode.CONFLICT,
          IdentificationRefusal.NOT_REFERRED,
          "The screening has not been referred for identification.");
    }
    if (!IdentificationAccess.decides(who, procedure.authorityAgencyId())) {
      audit.denied(who, ACTION, screeningId, verb + " decision:" + decisionId);
      throw Refusals.forbidden(
          "Only the second reviewer named in the decision, of the same authority, reviews it.");
    }
    Decision.Signature signature =
        new Decision.Signature(
            who.userId(),
            who.displayName(),
            who.agencyName(),
            clock.instant(),
            LocalDate.now(clock));
    Decision decision;
    try {
      decision =
          confirm
              ? procedure.confirm(decisionId, signature, policy)
              : procedure.returnProposal(decisionId, signature, reason);
    } catch (ProcedureRefused e) {
      if (e.reason() == ProcedureRefused.Reason.NOT_THE_NAMED_REVIEWER
          || e.reason() == ProcedureRefused.Reason.SECOND_REVIEWER_SAME) {
        audit.denied(who, ACTION, screeningId, verb + " decision:" + decisionId + " " + e.reason());
      } else {
        audit.failure(
            who, ACTION, screeningId, verb + " decision:" + decisionId + " " + e.reason());
      }
      throw Refusals.of(e);
    }
    if (!procedures.update(procedure)) {
      throw Refusals.stale();
    }
    if (confirm) {
      recorder.issued(who, loaded, procedure, decision);
    }
    audit.success(who, ACTION, screeningId, verb + " decision:" + decisionId);
    return decision;
  }
}
