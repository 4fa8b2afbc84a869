package org.palermo.app.identification.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.protection.PersonProtection;
import org.palermo.app.cases.protection.ReturnGate;
import org.palermo.app.identification.persistence.ProcedureStore;
import org.palermo.app.identification.procedure.IdentificationProcedure;
import org.palermo.app.identification.procedure.ProcedureRefused;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records that a referred person was removed from the country, today. Refused, and audited as
 * refused, while identification is under way and during the recovery and reflection period, and
 * whenever the person's one protection status ({@link ReturnGate}) protects them; refused with
 * {@code NO_CASE_LINKED} while the screening is linked to no case (the status is the case's).
 */
@Service
public class RecordRemoval {
  private final Screenings screenings;
  private final ProcedureStore procedures;
  private final IdentificationAudit audit;
  private final Clock clock;
  private final ReturnGate gate;

  RecordRemoval(
      Screenings screenings,
      ProcedureStore procedures,
      IdentificationAudit audit,
      Clock clock,
      ReturnGate gate) {
    this.gate = gate;
    this.screenings = screenings;
    this.procedures = procedures;
    this.audit = audit;
    this.clock = clock;
  }

  /** The screening whose person was removed. */
  public record Command(UUID screeningId) {
    public Command {
      Objects.requireNonNull(screeningId, "screeningId");
    }
  }

  @Transactional
  public LocalDate record(PalermoPrincipal who, Command command) {
    Screenings.Loaded loaded =
        screenings.readable(who, command.screeningId(), "identification.removal");
    IdentificationProcedure procedure = loaded.procedure();
    if (procedure == null) {
      throw new PalermoException(
          ErrorCode.CONFLICT,
          IdentificationRefusal.NOT_REFERRED,
          "Removals are recorded on referred screenings only.");
    }
    LocalDate today = LocalDate.now(clock);
    try {
      procedure.recordRemoval(today);
    } catch (ProcedureRefused e) {
      audit.denied(who, "identification.removal", command.screeningId(), e.reason().name());
      throw Refusals.of(e);
    }
    // The person's one protection status, over every screening and case of the person (issue 13
    // §1): asylum, proceedings, permits, another procedure, the review window, the risk assessment.
    // Without a case the person's protection status (asylum, international protection, permits,
    // proceedings, the risk assessment) cannot be asked: no removal is recorded until the screening
    // is linked to the person's case (issue 13 §5; 1951 Convention art. 33; CETS 197 art. 10(2)).
    UUID caseId = loaded.screening().caseId();
    if (caseId == null) {
      audit.denied(
          who,
          "identification.removal",
          command.screeningId(),
          IdentificationRefusal.NO_CASE_LINKED.code());
      throw new PalermoException(
          ErrorCode.CONFLICT,
          IdentificationRefusal.NO_CASE_LINKED,
          "Link the screening to the person's case first: the person's protection status is"
              + " asked on the case before any removal.");
    }
    try {
      gate.require(who, caseId, PersonProtection.Action.REMOVAL, null, "identification.removal");
    } catch (PalermoException e) {
      audit.denied(
          who,
          "identification.removal",
          command.screeningId(),
          String.valueOf(e.properties().get("reason")));
      throw e;
    }
    if (!procedures.update(procedure)) {
      throw Refusals.stale();
    }
    audit.success(who, "identification.removal", command.screeningId(), "on=" + today);
    return today;
  }
}
