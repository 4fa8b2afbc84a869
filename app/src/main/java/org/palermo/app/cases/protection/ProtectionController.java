package org.palermo.app.cases.protection;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.CurrentUser;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.domain.Cooperation;
import org.palermo.app.cases.protection.ChildSafeguards.BestInterestsCommand;
import org.palermo.app.cases.protection.ChildSafeguards.GuardianCommand;
import org.palermo.app.cases.protection.ChildSafeguards.Kind;
import org.palermo.app.cases.protection.Residence.PermitCommand;
import org.palermo.app.cases.protection.Residence.PermitKind;
import org.palermo.app.cases.protection.ReturnConditions.ReturnKind;
import org.palermo.app.cases.protection.Returns.FollowUpCommand;
import org.palermo.app.cases.protection.Returns.ReturnCommand;
import org.palermo.app.cases.protection.Returns.RiskCommand;
import org.palermo.app.platform.DateMeaning;
import org.palermo.app.platform.Dates;
import org.palermo.app.platform.FormErrors;
import org.palermo.app.platform.FormValues;
import org.palermo.app.platform.Plausible;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case pages {@code /cases/{id}/child}, {@code /return} and {@code /residence}, and the
 * agency's expiring-soon list {@code /residence}. Forms work without JavaScript; a refused form
 * comes back (422) with everything typed and the message at its field ({@link FormErrors}).
 */
@Controller
class ProtectionController {
  private final ChildSafeguards children;
  private final AgeAssessments ages;
  private final MissingChildren missing;
  private final Returns returns;
  private final Residence residence;

  private final ReturnGate gate;
  private final CriminalProceedings proceedings;
  private final FamilyTracing tracing;
  private final Accounts accounts;

  ProtectionController(
      ChildSafeguards children,
      AgeAssessments ages,
      MissingChildren missing,
      Returns returns,
      Residence residence,
      ReturnGate gate,
      CriminalProceedings proceedings,
      FamilyTracing tracing,
      Accounts accounts) {
    this.tracing = tracing;
    this.accounts = accounts;
    this.gate = gate;
    this.proceedings = proceedings;
    this.children = children;
    this.ages = ages;
    this.missing = missing;
    this.returns = returns;
    this.residence = residence;
  }

  @GetMapping("/cases/{id}/child")
  String child(@PathVariable UUID id, Model model) {
    model.addAttribute("caseId", id);
    model.addAttribute("record", children.view(CurrentUser.get(), id));
    model.addAttribute("age", ages.view(CurrentUser.get(), id));
    model.addAttribute("missing", missing.view(CurrentUser.get(), id));
    model.addAttribute("tracings", tracing.view(CurrentUser.get(), id));
    model.addAttribute("relationships", FamilyTracing.Relationship.values());
    model.addAttribute("throughs", FamilyTracing.Through.values());
    model.addAttribute("tracingStatuses", FamilyTracing.Status.values());
    model.addAttribute("informedHows", MissingChildren.InformedHow.values());
    // The agencies a guardian may be reached through: never an enforcement body (firewall).
    model.addAttribute(
        "guardianAgencies",
        accounts.agencies().stream()
            .filter(a -> !a.type().isEnforcement() && a.sitsIn() == null)
            .sorted(java.util.Comparator.comparing(Agency::name))
            .toList());
    model.addAttribute("ageMethods", AgeAssessments.Method.values());
    model.addAttribute("ageOutcomes", AgeAssessments.AgeOutcome.values());
    model.addAttribute("outcomes", BestInterestsOutcome.values());
    model.addAttribute("today", children.today());
    return "cases/protection/child";
  }

  /** A guardian's appointment as typed (CRC GC 6 § 33; CETS 197 art. 10(4)). */
  record GuardianForm(
      String guardianName,
      String organisation,
      String authority,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Plausible(DateMeaning.HAPPENED)
          LocalDate appointedOn,
      String guardianAgencyId,
      String guardianUsername,
      String contact) {}

  /** A best-interests assessment or determination as typed (CRC art. 3(1); UNHCR BIP 2021). */
  record BestInterestsForm(
      Kind kind,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Plausible(DateMeaning.HAPPENED)
          LocalDate doneOn,
      String conductedBy,
      String childHeard,
      BestInterestsOutcome outcome,
      String summary) {}

  /** An age assessment as typed (CETS 197 art. 10(3); CRC GC 6 § 31). */
  record AgeAssessmentForm(
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Plausible(DateMeaning.HAPPENED)
          LocalDate assessedOn,
      String assessedBy,
      AgeAssessments.Method method,
      String multidisciplinary,
      String benefitOfDoubt,
      String informedOfRightToChallenge,
      AgeAssessments.AgeOutcome outcome,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Plausible(DateMeaning.BIRTH)
          LocalDate assessedBirthDate) {}

  @PostMapping("/cases/{id}/child/guardian")
  String guardian(
      @PathVariable UUID id,
      @Valid GuardianForm typed,
      BindingResult bound,
      @RequestParam Map<String, String> form,
      Model model) {
    return FormErrors.redirect(
        "guardian",
        bound,
        form,
        model,
        "/cases/" + id + "/child?guardian",
        () -> child(id, model),
        () -> {
          UUID agency;
          try {
            agency =
                typed.guardianAgencyId() == null || typed.guardianAgencyId().isBlank()
                    ? null
                    : UUID.fromString(typed.guardianAgencyId().strip());
          } catch (IllegalArgumentException e) {
            agency = UUID.randomUUID(); // an unknown agency: refused as such
          }
          return children.appointGuardian(
              me(),
              id,
              new GuardianCommand(
                  typed.guardianName(),
                  typed.organisation(),
                  typed.authority(),
                  typed.appointedOn(),
                  agency,
                  typed.guardianUsername(),
                  typed.contact()));
        });
  }

  @PostMapping("/cases/{id}/child/best-interests")
  String bestInterests(
      @PathVariable UUID id,
      @Valid BestInterestsForm typed,
      BindingResult bound,
      @RequestParam Map<String, String> form,
      Model model) {
    return FormErrors.redirect(
        "bestInterests",
        bound,
        form,
        model,
        "/cases/" + id + "/child?bestInterests",
        () -> child(id, model),
        () ->
            children.recordBestInterests(
                me(),
                id,
                new BestInterestsCommand(
                    typed.kind(),
                    typed.doneOn(),
                    typed.conductedBy(),
                    yesNo(typed.childHeard()),
                    typed.outcome(),
                    typed.summary())));
  }

  @PostMapping("/cases/{id}/child/age-assessment")
  String ageAssessment(
      @PathVariable UUID id,
      @Valid AgeAssessmentForm typed,
      BindingResult bound,
      @RequestParam Map<String, String> form,
      Model model) {
    return FormErrors.redirect(
        "ageAssessment",
        bound,
        form,
        model,
        "/cases/" + id + "/child?ageAssessment",
        () -> child(id, model),
        () ->
            ages.record(
                me(),
                id,
                new AgeAssessments.AgeAssessmentCommand(
                    typed.assessedOn(),
                    typed.assessedBy(),
                    typed.method(),
                    yesNo(typed.multidisciplinary()),
                    yesNo(typed.benefitOfDoubt()),
                    yesNo(typed.informedOfRightToChallenge()),
                    typed.outcome(),
                    typed.assessedBirthDate())));
  }

  @GetMapping("/cases/{id}/return")
  String returnPage(@PathVariable UUID id, Model model) {
    model.addAttribute("caseId", id);
    model.addAttribute("record", returns.view(CurrentUser.get(), id));
    model.addAttribute("protection", gate.view(CurrentUser.get(), id));
    model.addAttribute("proceedings", proceedings.of(CurrentUser.get(), id));
    model.addAttribute("proceedingRoles", CriminalProceedings.Role.values());
    model.addAttribute("kinds", ReturnKind.values());
    model.addAttribute("today", children.today());
    return "cases/protection/return";
  }

  /** A return risk assessment as typed (non-refoulement: 1951 Convention art. 33). */
  record RiskForm(
      String destinationCountry,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Plausible(DateMeaning.HAPPENED)
          LocalDate assessedOn,
      String riskToLifeOrFreedom,
      String riskOfTorture,
      String riskOfSeriousHarm,
      String riskOfRetrafficking,
      String sources) {}

  /** A return as typed (TIP Protocol art. 8). */
  record ReturnForm(
      ReturnKind kind,
      String destinationCountry,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate returnOn,
      String freeChoice,
      String informedDecision) {}

  /** Criminal proceedings as typed. */
  record ProceedingForm(
      CriminalProceedings.Role role,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Plausible(DateMeaning.HAPPENED)
          LocalDate openedOn) {}

  /** A follow-up after return as typed. */
  record FollowUpForm(
      String description,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Plausible(DateMeaning.DUE) LocalDate dueOn) {}

  @PostMapping("/cases/{id}/return/risk")
  String risk(
      @PathVariable UUID id,
      @Valid RiskForm typed,
      BindingResult bound,
      @RequestParam Map<String, String> form,
      Model model) {
    return FormErrors.redirect(
        "risk",
        bound,
        form,
        model,
        "/cases/" + id + "/return?risk",
        () -> returnPage(id, model),
        () ->
            returns.assessRisk(
                me(),
                id,
                new RiskCommand(
                    typed.destinationCountry(),
                    typed.assessedOn(),
                    yesNo(typed.riskToLifeOrFreedom()),
                    yesNo(typed.riskOfTorture()),
                    yesNo(typed.riskOfSeriousHarm()),
                    yesNo(typed.riskOfRetrafficking()),
                    typed.sources())));
  }

  @PostMapping("/cases/{id}/return")
  String recordReturn(
      @PathVariable UUID id,
      @Valid ReturnForm typed,
      BindingResult bound,
      @RequestParam Map<String, String> form,
      Model model) {
    return FormErrors.redirect(
        "returned",
        bound,
        form,
        model,
        "/cases/" + id + "/return?returned",
        () -> returnPage(id, model),
        () ->
            returns.recordReturn(
                me(),
                id,
                new ReturnCommand(
                    typed.kind(),
                    typed.destinationCountry(),
                    typed.returnOn(),
                    yesNo(typed.freeChoice()),
                    yesNo(typed.informedDecision()))));
  }

  @PostMapping("/cases/{id}/return/proceedings")
  String proceeding(
      @PathVariable UUID id,
      @Valid ProceedingForm typed,
      BindingResult bound,
      @RequestParam Map<String, String> form,
      Model model) {
    return FormErrors.redirect(
        "proceeding",
        bound,
        form,
        model,
        "/cases/" + id + "/return?proceeding",
        () -> returnPage(id, model),
        () ->
            proceedings.record(
                me(),
                id,
                new CriminalProceedings.ProceedingCommand(typed.role(), typed.openedOn())));
  }

  @PostMapping("/cases/{id}/return/proceedings/{proceedingId}/closed")
  String proceedingClosed(@PathVariable UUID id, @PathVariable UUID proceedingId, Model model) {
    return FormErrors.redirect(
        "proceeding-" + proceedingId,
        null,
        Map.of(),
        model,
        "/cases/" + id + "/return?proceeding",
        () -> returnPage(id, model),
        () -> {
          proceedings.close(me(), id, proceedingId);
          return proceedingId;
        });
  }

  @PostMapping("/cases/{id}/return/follow-ups")
  String followUp(
      @PathVariable UUID id,
      @Valid FollowUpForm typed,
      BindingResult bound,
      @RequestParam Map<String, String> form,
      Model model) {
    return FormErrors.redirect(
        "followUp",
        bound,
        form,
        model,
        "/cases/" + id + "/return?followUp",
        () -> returnPage(id, model),
        () ->
            returns.addFollowUp(me(), id, new FollowUpCommand(typed.description(), typed.dueOn())));
  }

  @PostMapping("/cases/{id}/return/follow-ups/{followUpId}/done")
  String followUpDone(@PathVariable UUID id, @PathVariable UUID followUpId, Model model) {
    return FormErrors.redirect(
        "followUp-" + followUpId,
        null,
        Map.of(),
        model,
        "/cases/" + id + "/return?followUpDone",
        () -> returnPage(id, model),
        () -> {
          returns.followUpDone(me(), id, followUpId);
          return followUpId;
        });
  }

  @GetMapping("/cases/{id}/residence")
  String residencePage(@PathVariable UUID id, Model model) {
    model.addAttribute("caseId", id);
    model.addAttribute("record", residence.view(CurrentUser.get(), id));
    model.addAttribute("kinds", PermitKind.values());
    model.addAttribute("cooperations", Cooperation.values());
    return "cases/protection/residence";
  }

  /** A residence permit or reflection period as typed (CETS 197 arts. 13 and 14). */
  record PermitForm(
      PermitKind kind,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo) {}

  @PostMapping("/cases/{id}/residence")
  String permit(
      @PathVariable UUID id,
      @Valid PermitForm typed,
      BindingResult bound,
      @RequestParam Map<String, String> form,
      Model model) {
    return FormErrors.redirect(
        "permit",
        bound,
        form,
        model,
        "/cases/" + id + "/residence?permit",
        () -> residencePage(id, model),
        () ->
            residence.addPermit(
                me(),
                id,
                new PermitCommand(
                    typed.kind(),
                    typed.validFrom(),
                    Dates.notBefore(typed.validTo(), typed.validFrom(), "validTo"))));
  }

  @PostMapping("/cases/{id}/residence/cooperation")
  String cooperation(
      @PathVariable UUID id, @RequestParam(required = false) String status, Model model) {
    return FormErrors.redirect(
        "cooperation",
        null,
        status == null ? Map.of() : Map.of("status", status),
        model,
        "/cases/" + id + "/residence?cooperation",
        () -> residencePage(id, model),
        () -> {
          residence.recordCooperation(me(), id, FormValues.choice(Cooperation.class, status));
          return id;
        });
  }

  @GetMapping("/residence")
  String expiring(Model model) {
    model.addAttribute("expiring", residence.expiringSoon(CurrentUser.get()));
    model.addAttribute("reminderDays", residence.reminderDays());
    return "cases/protection/expiring";
  }

  private static PalermoPrincipal me() {
    return CurrentUser.get();
  }

  static Boolean yesNo(String value) {
    return "yes".equals(value) ? Boolean.TRUE : "no".equals(value) ? Boolean.FALSE : null;
  }
}
