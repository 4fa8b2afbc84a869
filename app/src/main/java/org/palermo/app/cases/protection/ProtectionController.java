package org.palermo.app.cases.protection;

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
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.FormValues;
import org.palermo.app.platform.PalermoException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case pages {@code /cases/{id}/child}, {@code /return} and {@code /residence}, and the
 * agency's expiring-soon list {@code /residence}. Forms work without JavaScript; a refusal comes
 * back to the page with its reason.
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

  private final Dates dates;

  ProtectionController(
      ChildSafeguards children,
      AgeAssessments ages,
      MissingChildren missing,
      Returns returns,
      Residence residence,
      ReturnGate gate,
      CriminalProceedings proceedings,
      FamilyTracing tracing,
      Accounts accounts,
      Dates dates) {
    this.dates = dates;
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

  @PostMapping("/cases/{id}/child/guardian")
  String guardian(
      @PathVariable UUID id,
      @RequestParam(required = false) String guardianName,
      @RequestParam(required = false) String organisation,
      @RequestParam(required = false) String authority,
      @RequestParam(required = false) String appointedOn,
      @RequestParam(required = false) String guardianAgencyId,
      @RequestParam(required = false) String guardianUsername,
      @RequestParam(required = false) String contact,
      RedirectAttributes redirect) {
    UUID agency;
    try {
      agency =
          guardianAgencyId == null || guardianAgencyId.isBlank()
              ? null
              : UUID.fromString(guardianAgencyId.strip());
    } catch (IllegalArgumentException e) {
      agency = UUID.randomUUID(); // an unknown agency: refused as such
    }
    UUID guardianAgency = agency;
    return run(
        redirect,
        "/cases/" + id + "/child",
        "guardian",
        () ->
            children.appointGuardian(
                me(),
                id,
                new GuardianCommand(
                    guardianName,
                    organisation,
                    authority,
                    dates.parse(appointedOn, "appointedOn", DateMeaning.HAPPENED),
                    guardianAgency,
                    guardianUsername,
                    contact)));
  }

  @PostMapping("/cases/{id}/child/best-interests")
  String bestInterests(
      @PathVariable UUID id,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String doneOn,
      @RequestParam(required = false) String conductedBy,
      @RequestParam(required = false) String childHeard,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String summary,
      RedirectAttributes redirect) {
    return run(
        redirect,
        "/cases/" + id + "/child",
        "bestInterests",
        () ->
            children.recordBestInterests(
                me(),
                id,
                new BestInterestsCommand(
                    FormValues.choice(Kind.class, kind),
                    dates.parse(doneOn, "doneOn", DateMeaning.HAPPENED),
                    conductedBy,
                    yesNo(childHeard),
                    FormValues.choice(BestInterestsOutcome.class, outcome),
                    summary)));
  }

  @PostMapping("/cases/{id}/child/age-assessment")
  String ageAssessment(
      @PathVariable UUID id,
      @RequestParam(required = false) String assessedOn,
      @RequestParam(required = false) String assessedBy,
      @RequestParam(required = false) String method,
      @RequestParam(required = false) String multidisciplinary,
      @RequestParam(required = false) String benefitOfDoubt,
      @RequestParam(required = false) String informedOfRightToChallenge,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String assessedBirthDate,
      RedirectAttributes redirect) {
    return run(
        redirect,
        "/cases/" + id + "/child",
        "ageAssessment",
        () ->
            ages.record(
                me(),
                id,
                new AgeAssessments.AgeAssessmentCommand(
                    dates.parse(assessedOn, "assessedOn", DateMeaning.HAPPENED),
                    assessedBy,
                    FormValues.choice(AgeAssessments.Method.class, method),
                    yesNo(multidisciplinary),
                    yesNo(benefitOfDoubt),
                    yesNo(informedOfRightToChallenge),
                    FormValues.choice(AgeAssessments.AgeOutcome.class, outcome),
                    dates.parse(assessedBirthDate, "assessedBirthDate", DateMeaning.BIRTH))));
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

  @PostMapping("/cases/{id}/return/risk")
  String risk(
      @PathVariable UUID id,
      @RequestParam(required = false) String destinationCountry,
      @RequestParam(required = false) String assessedOn,
      @RequestParam(required = false) String riskToLifeOrFreedom,
      @RequestParam(required = false) String riskOfTorture,
      @RequestParam(required = false) String riskOfSeriousHarm,
      @RequestParam(required = false) String riskOfRetrafficking,
      @RequestParam(required = false) String sources,
      RedirectAttributes redirect) {
    return run(
        redirect,
        "/cases/" + id + "/return",
        "risk",
        () ->
            returns.assessRisk(
                me(),
                id,
                new RiskCommand(
                    destinationCountry,
                    dates.parse(assessedOn, "assessedOn", DateMeaning.HAPPENED),
                    yesNo(riskToLifeOrFreedom),
                    yesNo(riskOfTorture),
                    yesNo(riskOfSeriousHarm),
                    yesNo(riskOfRetrafficking),
                    sources)));
  }

  @PostMapping("/cases/{id}/return")
  String recordReturn(
      @PathVariable UUID id,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String destinationCountry,
      @RequestParam(required = false) String returnOn,
      @RequestParam(required = false) String freeChoice,
      @RequestParam(required = false) String informedDecision,
      RedirectAttributes redirect) {
    return run(
        redirect,
        "/cases/" + id + "/return",
        "returned",
        () ->
            returns.recordReturn(
                me(),
                id,
                new ReturnCommand(
                    FormValues.choice(ReturnKind.class, kind),
                    destinationCountry,
                    Dates.parse(returnOn, "returnOn"),
                    yesNo(freeChoice),
                    yesNo(informedDecision))));
  }

  @PostMapping("/cases/{id}/return/proceedings")
  String proceeding(
      @PathVariable UUID id,
      @RequestParam(required = false) String role,
      @RequestParam(required = false) String openedOn,
      RedirectAttributes redirect) {
    return run(
        redirect,
        "/cases/" + id + "/return",
        "proceeding",
        () ->
            proceedings.record(
                me(),
                id,
                new CriminalProceedings.ProceedingCommand(
                    FormValues.choice(CriminalProceedings.Role.class, role),
                    dates.parse(openedOn, "openedOn", DateMeaning.HAPPENED))));
  }

  @PostMapping("/cases/{id}/return/proceedings/{proceedingId}/closed")
  String proceedingClosed(
      @PathVariable UUID id, @PathVariable UUID proceedingId, RedirectAttributes redirect) {
    return run(
        redirect,
        "/cases/" + id + "/return",
        "proceeding",
        () -> {
          proceedings.close(me(), id, proceedingId);
          return proceedingId;
        });
  }

  @PostMapping("/cases/{id}/return/follow-ups")
  String followUp(
      @PathVariable UUID id,
      @RequestParam(required = false) String description,
      @RequestParam(required = false) String dueOn,
      RedirectAttributes redirect) {
    return run(
        redirect,
        "/cases/" + id + "/return",
        "followUp",
        () ->
            returns.addFollowUp(
                me(),
                id,
                new FollowUpCommand(description, dates.parse(dueOn, "dueOn", DateMeaning.DUE))));
  }

  @PostMapping("/cases/{id}/return/follow-ups/{followUpId}/done")
  String followUpDone(
      @PathVariable UUID id, @PathVariable UUID followUpId, RedirectAttributes redirect) {
    return run(
        redirect,
        "/cases/" + id + "/return",
        "followUpDone",
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

  @PostMapping("/cases/{id}/residence")
  String permit(
      @PathVariable UUID id,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String validFrom,
      @RequestParam(required = false) String validTo,
      RedirectAttributes redirect) {
    return run(
        redirect,
        "/cases/" + id + "/residence",
        "permit",
        () ->
            residence.addPermit(
                me(),
                id,
                new PermitCommand(
                    FormValues.choice(PermitKind.class, kind),
                    Dates.parse(validFrom, "validFrom"),
                    Dates.notBefore(
                        Dates.parse(validTo, "validTo"),
                        Dates.parse(validFrom, "validFrom"),
                        "validTo"))));
  }

  @PostMapping("/cases/{id}/residence/cooperation")
  String cooperation(
      @PathVariable UUID id,
      @RequestParam(required = false) String status,
      RedirectAttributes redirect) {
    return run(
        redirect,
        "/cases/" + id + "/residence",
        "cooperation",
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

  private static String run(
      RedirectAttributes redirect,
      String page,
      String done,
      java.util.function.Supplier<Object> action) {
    try {
      action.get();
    } catch (PalermoException e) {
      if (e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.FORBIDDEN) {
        throw e;
      }
      Object reason = e.properties().get("reason");
      redirect.addFlashAttribute("problem", reason == null ? e.code().name() : reason.toString());
      Object field = e.properties().get("field");
      if (field != null) {
        redirect.addFlashAttribute("problemField", field.toString());
      }
      return "redirect:" + page;
    }
    return "redirect:" + page + "?" + done;
  }

  static Boolean yesNo(String value) {
    return "yes".equals(value) ? Boolean.TRUE : "no".equals(value) ? Boolean.FALSE : null;
  }
}
