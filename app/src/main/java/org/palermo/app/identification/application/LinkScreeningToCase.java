package org.palermo.app.identification.application;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.identification.persistence.ProcedureStore;
import org.palermo.app.identification.persistence.ScreeningStore;
import org.palermo.app.identification.screening.Screening;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links a screening to a case of the same agency, picked by the case reference, and puts the step
 * on the case timeline (issue 4: every step of protection and assistance is on the timeline; the
 * detail is the screening's identifier only, never personal data).
 */
@Service
public class LinkScreeningToCase {
  private final Screenings screenings;
  private final ScreeningStore store;
  private final CaseLookup cases;
  private final IdentificationAudit audit;
  private final CaseTimeline timeline;
  private final Clock clock;
  private final ProtectionReport protection;
  private final ProcedureStore procedures;
  private final StatusReport status;

  LinkScreeningToCase(
      Screenings screenings,
      ScreeningStore store,
      CaseLookup cases,
      IdentificationAudit audit,
      CaseTimeline timeline,
      Clock clock,
      ProtectionReport protection,
      ProcedureStore procedures,
      StatusReport status) {
    this.status = status;
    this.protection = protection;
    this.procedures = procedures;
    this.screenings = screenings;
    this.store = store;
    this.cases = cases;
    this.audit = audit;
    this.timeline = timeline;
    this.clock = clock;
  }

  /** The screening and the reference of the case to link it to. */
  public record Command(UUID screeningId, String caseReference) {
    public Command {
      Objects.requireNonNull(screeningId, "screeningId");
      if (caseReference == null || caseReference.isBlank() || caseReference.length() > 40) {
        throw CompleteScreening.caseNotFound();
      }
      caseReference = caseReference.strip();
    }
  }

  @Transactional
  public void link(PalermoPrincipal who, Command command) {
    Screening screening =
        screenings.owned(who, command.screeningId(), "identification.screening.link").screening();
    UUID caseId =
        cases
            .byReference(who, command.caseReference())
            .orElseThrow(CompleteScreening::caseNotFound)
            .id();
    screening.linkCase(caseId, who.userId(), clock.instant());
    if (!store.update(screening)) {
      throw Refusals.stale();
    }
    linked(timeline, who, caseId, screening.id());
    var procedure = procedures.byScreening(screening.id()).orElse(null);
    // Linked before to another person's case: the evidence goes with the screening (issue 13 §1).
    status.relinked(
        who,
        caseId,
        screening.id(),
        procedure == null
            ? java.util.List.of()
            : procedure.decisions().stream()
                .map(org.palermo.app.identification.procedure.Decision::id)
                .toList());
    protection.linked(who, caseId, procedure);
    status.screening(who, caseId, screening.id());
    audit.success(who, "identification.screening.link", screening.id(), "case:" + caseId);
  }

  /** The timeline step of a screening linked to a case: its identifier only. */
  static void linked(CaseTimeline timeline, PalermoPrincipal who, UUID caseId, UUID screeningId) {
    timeline.append(caseId, who, "identification.screeningLinked", "screening:" + screeningId);
  }
}
