package org.palermo.app.identification.application;

import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.identification.persistence.ProcedureStore;
import org.palermo.app.identification.persistence.ScreeningStore;
import org.palermo.app.identification.procedure.IdentificationProcedure;
import org.palermo.app.identification.screening.Screening;
import org.springframework.stereotype.Component;

/**
 * Loads a screening for a user, enforcing {@link IdentificationAccess}: a screening the user may
 * not read is "not found" (its existence is not revealed) and the attempt is audited as denied.
 */
@Component
class Screenings {
  private final ScreeningStore screenings;
  private final ProcedureStore procedures;
  private final IdentificationAudit audit;

  Screenings(ScreeningStore screenings, ProcedureStore procedures, IdentificationAudit audit) {
    this.screenings = screenings;
    this.procedures = procedures;
    this.audit = audit;
  }

  /** A screening with its procedure (or null), for reading. */
  record Loaded(Screening screening, IdentificationProcedure procedure) {
    UUID authorityAgencyId() {
      return procedure == null ? null : procedure.authorityAgencyId();
    }
  }

  Loaded readable(PalermoPrincipal who, UUID id, String action) {
    Loaded loaded = load(who, id, action);
    if (!IdentificationAccess.reads(
        who, loaded.screening().ownerAgencyId(), loaded.authorityAgencyId())) {
      audit.denied(who, action, id, "");
      throw Refusals.notFound();
    }
    return loaded;
  }

  /** A screening the user's own agency holds, for changing it. */
  Loaded owned(PalermoPrincipal who, UUID id, String action) {
    Loaded loaded = load(who, id, action);
    if (!IdentificationAccess.owns(who, loaded.screening().ownerAgencyId())) {
      boolean reads =
          IdentificationAccess.reads(
              who, loaded.screening().ownerAgencyId(), loaded.authorityAgencyId());
      audit.denied(who, action, id, "");
      throw reads
          ? Refusals.forbidden("Only the agency that holds the screening may change it.")
          : Refusals.notFound();
    }
    return loaded;
  }

  private Loaded load(PalermoPrincipal who, UUID id, String action) {
    Screening screening = screenings.find(id).orElse(null);
    if (screening == null) {
      audit.failure(who, action, id, "not found");
      throw Refusals.notFound();
    }
    return new Loaded(screening, procedures.byScreening(id).orElse(null));
  }
}
