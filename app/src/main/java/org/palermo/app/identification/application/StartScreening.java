package org.palermo.app.identification.application;

import java.time.Clock;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.cases.LegalBasis;
import org.palermo.app.identification.persistence.ScreeningStore;
import org.palermo.app.identification.screening.Basis;
import org.palermo.app.identification.screening.Screening;
import org.palermo.app.identification.screening.ScreeningRefused;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a screening: stores the legal basis (or consent) and the interpreter, and nothing else. A
 * screening cannot exist without its basis, so nothing about the person is stored before it.
 */
@Service
public class StartScreening {
  private final ScreeningStore store;
  private final IdentificationAudit audit;
  private final Clock clock;

  StartScreening(ScreeningStore store, IdentificationAudit audit, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * The basis page as submitted; refuses a missing basis, consent without the person's agreement,
   * and a language that is not an ISO 639 code.
   */
  public record Command(
      LegalBasis legalBasis,
      boolean consentGiven,
      String interviewLanguage,
      Boolean interpreterPresent) {
    public Command {
      basis(legalBasis, consentGiven, interviewLanguage, interpreterPresent);
    }

    Basis basis() {
      return basis(legalBasis, consentGiven, interviewLanguage, interpreterPresent);
    }

    private static Basis basis(
        LegalBasis legalBasis, boolean consent, String language, Boolean interpreter) {
      try {
        return new Basis(legalBasis, consent, language, interpreter);
      } catch (ScreeningRefused e) {
        throw Refusals.of(e);
      }
    }
  }

  @Transactional
  public UUID start(PalermoPrincipal who, Command command) {
    if (!IdentificationAccess.screens(who)) {
      audit.agency(who, "identification.screening.start", Outcome.DENIED, "");
      throw Refusals.forbidden("Your role does not screen people.");
    }
    UUID id = UUID.randomUUID();
    Screening screening =
        Screening.start(id, who.agencyId(), who.userId(), command.basis(), clock.instant());
    store.insert(screening);
    audit.success(
        who,
        "identification.screening.start",
        id,
        "basis=" + command.legalBasis() + " interpreter=" + command.interpreterPresent());
    return id;
  }
}
