package org.palermo.app.identification.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.protection.IdentificationProgress;
import org.palermo.app.identification.persistence.ProcedureStore;
import org.palermo.app.identification.procedure.DeadlinePolicy;
import org.palermo.app.identification.procedure.Decision;
import org.palermo.app.identification.procedure.IdentificationProcedure;
import org.palermo.app.identification.procedure.ProcedureRefused;
import org.palermo.app.identification.procedure.Reconsideration;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a request by the person or their representative to reconsider a negative decision,
 * received within the review window ({@code palermo.protection.review-window-days}). It reopens the
 * procedure at the decision's stage with its own deadline ({@code
 * palermo.identification.reconsideration-working-days}); the person is protected again as pending,
 * so no removal passes (CETS 197 art. 10(2); ECHR art. 13, an effective remedy). Recorded by the
 * agency that screened the person or by an officer of the deciding authority; audited.
 */
@Service
public class RequestReconsideration {
  private static final String ACTION = "identification.reconsideration";

  private final Screenings screenings;
  private final ProcedureStore procedures;
  private final DeadlinePolicy policy;
  private final IdentificationAudit audit;
  private final Clock clock;
  private final ProtectionReport protection;
  private final IdentificationProgress progress;

  RequestReconsideration(
      Screenings screenings,
      ProcedureStore procedures,
      DeadlinePolicy policy,
      IdentificationAudit audit,
      Clock clock,
      ProtectionReport protection,
      IdentificationProgress progress) {
    this.screenings = screenings;
    this.procedures = procedures;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
    this.protection = protection;
    this.progress = progress;
  }

  /** What is recorded. */
  public record Command(
      UUID screeningId,
      Reconsideration.Requester requestedBy,
      String representativeName,
      String grounds,
      LocalDate receivedOn) {}

  @Transactional
  public Reconsideration request(PalermoPrincipal who, Command command) {
    UUID screeningId = command.screeningId();
    Screenings.Loaded loaded = screenings.readable(who, screeningId, ACTION);
    IdentificationProcedure procedure = loaded.procedure();
    if (procedure == null) {
      throw new PalermoException(
          ErrorCode.CONFLICT,
          IdentificationRefusal.NOT_REFERRED,
          "The screening has not been referred for identification.");
    }
    Reconsideration r;
    try {
      Reconsideration.Input input =
          new Reconsideration.Input(
              command.requestedBy(),
              command.representativeName(),
              command.grounds(),
              command.receivedOn());
      r =
          procedure.reconsider(
              UUID.randomUUID(),
              input,
              new Decision.Signature(
                  who.userId(),
                  who.displayName(),
                  who.agencyName(),
                  clock.instant(),
                  LocalDate.now(clock)),
              progress.reviewWindowDays(),
              policy);
    } catch (ProcedureRefused e) {
      audit.failure(who, ACTION, screeningId, String.valueOf(e.reason()));
      throw Refusals.of(e);
    }
    if (!procedures.update(procedure)) {
      throw Refusals.stale();
    }
    // Reopened: the decision reconsidered no longer decides the person's trafficking status, and
    // the case sees the procedure pending again, which bars any removal (ReturnGate).
    protection.withdrawn(who, loaded.screening().caseId(), r.decisionId());
    protection.report(
        who, loaded.screening().caseId(), procedure, IdentificationProgress.Step.REFERRED);
    audit.success(
        who,
        ACTION,
        screeningId,
        "reconsideration:" + r.id() + " of decision:" + r.decisionId() + " due=" + r.dueOn());
    return r;
  }
}
