package org.palermo.app.identification.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.protection.IdentificationProgress;
import org.palermo.app.identification.persistence.ProcedureStore;
import org.palermo.app.identification.procedure.DeadlinePolicy;
import org.palermo.app.identification.procedure.IdentificationProcedure;
import org.palermo.app.identification.screening.Screening;
import org.palermo.app.identification.screening.ScreeningStatus;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refers a completed screening to a competent authority for formal identification; any case-working
 * role of the agency holding the screening may refer. An adult is referred only with their recorded
 * consent, a child without ({@link IdentificationConsent}). The reasonable-grounds deadline starts
 * on the day of referral.
 */
@Service
public class ReferForIdentification {
  private final Screenings screenings;
  private final ProcedureStore procedures;
  private final Accounts accounts;
  private final DeadlinePolicy policy;
  private final IdentificationAudit audit;
  private final IdentificationConsent consents;
  private final Clock clock;
  private final ProtectionReport protection;

  ReferForIdentification(
      Screenings screenings,
      ProcedureStore procedures,
      Accounts accounts,
      DeadlinePolicy policy,
      IdentificationAudit audit,
      IdentificationConsent consents,
      Clock clock,
      ProtectionReport protection) {
    this.consents = consents;
    this.protection = protection;
    this.screenings = screenings;
    this.procedures = procedures;
    this.accounts = accounts;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  /** The screening to refer and the competent authority to refer it to. */
  public record Command(
      UUID screeningId, UUID authorityAgencyId, IdentificationConsent.Consent consent) {
    public Command {
      Objects.requireNonNull(screeningId, "screeningId");
      if (authorityAgencyId == null) {
        throw new PalermoException(
            ErrorCode.VALIDATION_FAILED,
            "Choose the competent authority.",
            Map.of("field", "authorityAgencyId"));
      }
    }
  }

  /**
   * The competent authorities a screening can be referred to, by name: those whose function is
   * identification. One that sits in the police or in immigration is enforcement for the firewall
   * (issue 13 §2; SECURITY.md rule 3) and receives no screening.
   */
  public List<Agency> authorities() {
    return accounts.agencies().stream()
        .filter(a -> a.function() == AgencyType.COMPETENT_AUTHORITY)
        .sorted(java.util.Comparator.comparing(Agency::name))
        .toList();
  }

  @Transactional
  public void refer(PalermoPrincipal who, Command command) {
    Screenings.Loaded loaded =
        screenings.owned(who, command.screeningId(), "identification.referral");
    Screening screening = loaded.screening();
    if (screening.status() != ScreeningStatus.COMPLETED) {
      throw new PalermoException(
          ErrorCode.CONFLICT,
          IdentificationRefusal.NOT_COMPLETED,
          "Complete the screening before referring it.");
    }
    if (loaded.procedure() != null) {
      throw new PalermoException(
          ErrorCode.CONFLICT,
          IdentificationRefusal.ALREADY_REFERRED,
          "The screening is already referred for identification.");
    }
    if (authorities().stream().noneMatch(a -> a.id().equals(command.authorityAgencyId()))) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "That agency is not a competent authority.",
          Map.of("field", "authorityAgencyId"));
    }
    // An adult is referred only with their consent; a child needs none (issue 13 §2).
    consents.recordForReferral(who, screening, command.consent());
    LocalDate today = LocalDate.now(clock);
    IdentificationProcedure procedure =
        IdentificationProcedure.refer(
            UUID.randomUUID(),
            screening.id(),
            screening.ownerAgencyId(),
            command.authorityAgencyId(),
            who.userId(),
            clock.instant(),
            today,
            policy);
    procedures.insert(procedure);
    protection.report(who, screening.caseId(), procedure, IdentificationProgress.Step.REFERRED);
    audit.success(
        who,
        "identification.referral",
        screening.id(),
        "authority:" + command.authorityAgencyId() + " due=" + procedure.reasonableGroundsDue());
  }
}
