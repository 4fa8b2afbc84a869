package org.palermo.app.identification.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.identification.IdentificationDecided;
import org.palermo.app.identification.persistence.ProcedureStore;
import org.palermo.app.identification.procedure.DeadlinePolicy;
import org.palermo.app.identification.procedure.Decision;
import org.palermo.app.identification.procedure.DecisionKind;
import org.palermo.app.identification.procedure.IdentificationProcedure;
import org.palermo.app.identification.procedure.ProcedureRefused;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a formal identification decision: on reasonable grounds ("possible victim" starts the
 * recovery and reflection period, "not a victim" concludes the procedure) or on conclusive grounds
 * ("actual victim" or "not a victim", which concludes the procedure; a recovery and reflection
 * period still running continues to its end). Only a competent-authority officer of the authority
 * the screening was referred to decides; the procedure refuses a decision it is not waiting for.
 */
@Service
public class DecideIdentification {
  private final Screenings screenings;
  private final ProcedureStore procedures;
  private final DeadlinePolicy policy;
  private final IdentificationAudit audit;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final ProtectionReport protection;
  private final SecondReviewers reviewers;

  DecideIdentification(
      Screenings screenings,
      ProcedureStore procedures,
      DeadlinePolicy policy,
      IdentificationAudit audit,
      Clock clock,
      ApplicationEventPublisher events,
      ProtectionReport protection,
      SecondReviewers reviewers) {
    this.protection = protection;
    this.reviewers = reviewers;
    this.screenings = screenings;
    this.procedures = procedures;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
    this.events = events;
  }

  /** The decision of {@code kind} as the officer records it. */
  @Transactional
  public Decision decide(PalermoPrincipal who, DecisionKind kind, DecisionCommand command) {
    return decide(
        who,
        command.screeningId(),
        kind,
        command.input(reviewers.resolve(who, command.secondReviewerId())));
  }

  /**
   * The decision of {@code kind} as it would be recorded, checked by every rule {@link #decide}
   * applies (who decides, the procedure's stage, the evidence, the second reviewer, the recovery
   * and reflection period: CETS 197 arts. 10 and 13), and not recorded: the page's confirmation
   * step (issue 14 item 10) shows it, and its consequences, before the officer confirms. A refusal
   * is audited like one of {@link #decide}; nothing else is written.
   */
  @Transactional
  public Decision check(PalermoPrincipal who, DecisionKind kind, DecisionCommand command) {
    Screenings.Loaded loaded =
        screenings.readable(who, command.screeningId(), "identification.decision");
    return decided(
        who,
        loaded,
        command.screeningId(),
        kind,
        command.input(reviewers.resolve(who, command.secondReviewerId())));
  }

  Decision decide(PalermoPrincipal who, UUID screeningId, DecisionKind kind, Decision.Input input) {
    Screenings.Loaded loaded = screenings.readable(who, screeningId, "identification.decision");
    IdentificationProcedure procedure = loaded.procedure();
    Decision decision = decided(who, loaded, screeningId, kind, input);
    if (!procedures.update(procedure)) {
      throw Refusals.stale();
    }
    if (decision.awaitingReview()) {
      // Proposed, not issued: no letter, no event, nothing changes for the person until the
      // named reviewer confirms it (issue 13 §2).
      audit.success(
          who,
          "identification.decision.proposed",
          screeningId,
          "kind=" + kind + " decision:" + decision.id());
      return decision;
    }
    issued(who, loaded, procedure, decision);
    audit.success(
        who,
        "identification.decision",
        screeningId,
        "kind=" + kind + " decision:" + decision.id() + " late=" + decision.late());
    return decision;
  }

  /** The decision taken on the loaded procedure (in memory only), or the procedure's refusal. */
  private Decision decided(
      PalermoPrincipal who,
      Screenings.Loaded loaded,
      UUID screeningId,
      DecisionKind kind,
      Decision.Input input) {
    IdentificationProcedure procedure = loaded.procedure();
    if (procedure == null) {
      throw new PalermoException(
          ErrorCode.CONFLICT,
          IdentificationRefusal.NOT_REFERRED,
          "The screening has not been referred for identification.");
    }
    if (!IdentificationAccess.decides(who, procedure.authorityAgencyId())) {
      audit.denied(who, "identification.decision", screeningId, "kind=" + kind);
      throw Refusals.forbidden(
          "Only competent-authority officers of the authority handling the referral decide.");
    }
    Decision decision;
    try {
      decision =
          procedure.decide(
              UUID.randomUUID(),
              kind,
              input,
              new Decision.Signature(
                  who.userId(),
                  who.displayName(),
                  who.agencyName(),
                  clock.instant(),
                  LocalDate.now(clock)),
              policy);
    } catch (ProcedureRefused e) {
      audit.failure(who, "identification.decision", screeningId, "kind=" + kind + " " + e.reason());
      throw Refusals.of(e);
    }
    return decision;
  }

  /** What an issued decision does: tells the case and publishes the statistical event. */
  void issued(
      PalermoPrincipal who,
      Screenings.Loaded loaded,
      IdentificationProcedure procedure,
      Decision decision) {
    DecisionKind kind = decision.kind();
    protection.onTimeline(who, loaded.screening().caseId(), decision);
    protection.decided(who, loaded.screening().caseId(), procedure, decision);
    events.publishEvent(
        new IdentificationDecided(
            decision.id(),
            loaded.screening().caseId(),
            kind.name(),
            decision.status().name(),
            decision.decidedByOrg().name(),
            procedure.referredAt(),
            decision.decidedAt(),
            decision.late(),
            procedure.authorityAgencyId(),
            who.agencyType() == null ? null : who.agencyType().name(),
            decision.supersedes()));
  }

  static Decision.Input input(
      org.palermo.app.identification.procedure.TraffickingStatus status,
      org.palermo.app.identification.procedure.DecisionMakingOrg org,
      String grounds,
      Decision.Reviewer reviewer,
      java.util.Set<org.palermo.app.identification.procedure.Evidence> evidence,
      String evidenceOther,
      boolean credibilityTraumaInformed) {
    try {
      return new Decision.Input(
          status, org, grounds, reviewer, evidence, evidenceOther, credibilityTraumaInformed);
    } catch (ProcedureRefused e) {
      throw Refusals.of(e);
    }
  }
}
