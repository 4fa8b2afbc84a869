package org.palermo.app.identification.application;

import java.util.UUID;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Purpose;
import org.palermo.app.identification.persistence.ProcedureStore;
import org.palermo.app.identification.persistence.ScreeningStore;
import org.palermo.app.identification.procedure.IdentificationProcedure;
import org.palermo.app.identification.screening.Screening;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.stereotype.Component;

/**
 * Loads a screening for a user. A screening is personal data of the case it is linked to (its
 * answers, facts and assessment are {@link FieldGroup#CASE_NARRATIVE}), so once linked it is
 * decided by the one {@link AccessPolicy} like every other read of the case (issue 11 item 3;
 * SECURITY.md rules 2–5): the case's owner reads and writes it, and a transfer moves it with the
 * case; a disclosure of the case narrative, break-the-glass and the data protection officer's
 * oversight read it; the firewall and consent scopes apply. Only the competent authority the
 * screening was referred to reads it besides, to decide (Trafficking Protocol art. 10; CETS 197
 * art. 10(1)). A screening not (yet) linked to a case belongs to the agency whose user started it
 * ({@link IdentificationAccess}). A screening the user may not read is "not found" (its existence
 * is not revealed) and the attempt is audited as denied.
 */
@Component
class Screenings {
  private final ScreeningStore screenings;
  private final ProcedureStore procedures;
  private final IdentificationAudit audit;
  private final AccessPolicy policy;

  Screenings(
      ScreeningStore screenings,
      ProcedureStore procedures,
      IdentificationAudit audit,
      AccessPolicy policy) {
    this.screenings = screenings;
    this.procedures = procedures;
    this.audit = audit;
    this.policy = policy;
  }

  /** A screening with its procedure (or null), for reading. */
  record Loaded(Screening screening, IdentificationProcedure procedure) {
    UUID authorityAgencyId() {
      return procedure == null ? null : procedure.authorityAgencyId();
    }
  }

  Loaded readable(PalermoPrincipal who, UUID id, String action) {
    Loaded loaded = load(who, id, action);
    if (!reads(who, loaded)) {
      refuse(who, loaded, id, action, Access.READ);
    }
    return loaded;
  }

  /** A screening the user's agency holds, for changing it. */
  Loaded owned(PalermoPrincipal who, UUID id, String action) {
    Loaded loaded = load(who, id, action);
    if (!owns(who, loaded)) {
      if (!reads(who, loaded)) {
        refuse(who, loaded, id, action, Access.WRITE);
      }
      audit.denied(who, action, id, "");
      throw Refusals.forbidden("Only the agency that holds the screening may change it.");
    }
    return loaded;
  }

  /** Whether the user may read the screening (see the class comment). */
  boolean reads(PalermoPrincipal who, Loaded loaded) {
    UUID caseId = loaded.screening().caseId();
    if (IdentificationAccess.decides(who, loaded.authorityAgencyId())) {
      return true;
    }
    if (caseId == null) {
      return IdentificationAccess.owns(who, loaded.screening().ownerAgencyId());
    }
    return policy.allows(who, caseId, FieldGroup.CASE_NARRATIVE, Access.READ)
        || policy.allows(who, caseId, FieldGroup.CASE_NARRATIVE, Access.READ, Purpose.OVERSIGHT);
  }

  /**
   * Whether a row of a list of the agency's screenings may be shown: an unlinked one is the
   * agency's; a linked one needs the case narrative by the policy (a case transferred under a
   * narrower consent keeps its screening from the new owner).
   */
  boolean listable(PalermoPrincipal who, ScreeningStore.Summary row) {
    return row.caseId() == null
        || policy.allows(who, row.caseId(), FieldGroup.CASE_NARRATIVE, Access.READ);
  }

  /** Whether the user works on the screening: it screens people and holds it (or its case). */
  boolean owns(PalermoPrincipal who, Loaded loaded) {
    UUID caseId = loaded.screening().caseId();
    if (caseId == null) {
      return IdentificationAccess.owns(who, loaded.screening().ownerAgencyId());
    }
    return IdentificationAccess.screens(who)
        && policy.allows(who, caseId, FieldGroup.CASE_NARRATIVE, Access.WRITE);
  }

  /**
   * Refuses. A screening the user may not know of (unlinked and not theirs, or linked to a case the
   * policy hides from them: {@link AccessPolicy#hides}) gets the very "No such screening." and the
   * very audit entry a screening that does not exist gets, so that a hidden screening cannot be
   * told from none (FirewallIT; issue #11 item 9). Inside a relationship to the case the policy
   * decides the status and audits the refusal ({@code FORBIDDEN}).
   */
  private void refuse(PalermoPrincipal who, Loaded loaded, UUID id, String action, Access access) {
    UUID caseId = loaded.screening().caseId();
    if (caseId == null || policy.hides(who, caseId)) {
      throw notFound(who, id, action);
    }
    try {
      policy.require(who, caseId, FieldGroup.CASE_NARRATIVE, access);
    } catch (PalermoException e) {
      if (e.code() == ErrorCode.NOT_FOUND) {
        throw Refusals.notFound();
      }
      throw e;
    }
    audit.denied(who, action, id, "");
    throw Refusals.notFound();
  }

  /** The one refusal of a screening the user may not know of, whether it exists or not. */
  private PalermoException notFound(PalermoPrincipal who, UUID id, String action) {
    audit.denied(who, action, id, "not found");
    return Refusals.notFound();
  }

  private Loaded load(PalermoPrincipal who, UUID id, String action) {
    Screening screening = screenings.find(id).orElse(null);
    IdentificationProcedure procedure = procedures.byScreening(id).orElse(null);
    if (screening == null) {
      // The work a hidden screening costs (the policy asked about its case), on an id that is no
      // case, then the same refusal and audit entry (issue #11 item 9).
      policy.allows(who, id, FieldGroup.CASE_NARRATIVE, Access.READ);
      policy.allows(who, id, FieldGroup.CASE_NARRATIVE, Access.READ, Purpose.OVERSIGHT);
      policy.hides(who, id);
      throw notFound(who, id, action);
    }
    return new Loaded(screening, procedure);
  }
}
