package org.palermo.app.access;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Pages: a case's disclosures ({@code /cases/{caseId}/disclosures}, with the form to record and
 * revoke one), break-the-glass ({@code /cases/{caseId}/break-glass}) and the agency's notifications
 * ({@code /notifications}). Forms work without JavaScript.
 */
@Controller
class DisclosureController {
  private final Disclosures disclosures;
  private final BreakTheGlass breakTheGlass;
  private final Notifications notifications;
  private final Accounts accounts;
  private final Clock clock;

  DisclosureController(
      Disclosures disclosures,
      BreakTheGlass breakTheGlass,
      Notifications notifications,
      Accounts accounts,
      Clock clock) {
    this.disclosures = disclosures;
    this.breakTheGlass = breakTheGlass;
    this.notifications = notifications;
    this.accounts = accounts;
    this.clock = clock;
  }

  @GetMapping("/cases/{caseId}/disclosures")
  String disclosures(@PathVariable UUID caseId, Model model) {
    return disclosurePage(caseId, model, null, null);
  }

  @PostMapping("/cases/{caseId}/disclosures")
  String disclose(
      @PathVariable UUID caseId,
      @RequestParam(required = false) UUID toAgencyId,
      @RequestParam(required = false) List<FieldGroup> groups,
      @RequestParam(required = false) Purpose purpose,
      @RequestParam(defaultValue = "") String purposeDetail,
      @RequestParam(defaultValue = "") String consentReference,
      @RequestParam(required = false) LocalDate expiresOn,
      Model model) {
    PalermoPrincipal me = CurrentUser.get();
    try {
      disclosures.create(
          me,
          caseId,
          new Disclosures.NewDisclosure(
              toAgencyId,
              groups == null ? Set.of() : EnumSet.copyOf(groups),
              purpose,
              purposeDetail,
              consentReference,
              expiresOn == null
                  ? null
                  : expiresOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    } catch (PalermoException e) {
      if (e.code() != ErrorCode.VALIDATION_FAILED) {
        throw e;
      }
      return disclosurePage(caseId, model, field(e), null);
    }
    return "redirect:/cases/" + caseId + "/disclosures?done=created";
  }

  @PostMapping("/cases/{caseId}/disclosures/{id}/revoke")
  String revoke(
      @PathVariable UUID caseId,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String consentReference,
      Model model) {
    try {
      disclosures.revoke(CurrentUser.get(), caseId, id, consentReference);
    } catch (PalermoException e) {
      if (e.code() != ErrorCode.VALIDATION_FAILED) {
        throw e;
      }
      return disclosurePage(caseId, model, field(e), id);
    }
    return "redirect:/cases/" + caseId + "/disclosures?done=revoked";
  }

  private String disclosurePage(UUID caseId, Model model, String problem, UUID revokeProblem) {
    PalermoPrincipal me = CurrentUser.get();
    List<Disclosures.Disclosure> all = disclosures.list(me, caseId);
    model.addAttribute("caseId", caseId);
    model.addAttribute("disclosures", all);
    model.addAttribute("now", clock.instant());
    model.addAttribute("mayDisclose", disclosures.mayDisclose(me, caseId));
    // No consulate for an asylum seeker or refugee (Directive 2013/32/EU art. 30).
    boolean noConsulate = disclosures.noConsulate(caseId);
    model.addAttribute(
        "agencies",
        accounts.agencies().stream()
            .filter(a -> a.function() != AgencyType.IMMIGRATION_ENFORCEMENT)
            .filter(a -> !a.id().equals(me.agencyId()))
            .filter(a -> !noConsulate || a.type() != AgencyType.CONSULATE)
            .toList());
    model.addAttribute("groups", FieldGroup.values());
    model.addAttribute(
        "purposes", List.of(Purpose.CRIMINAL_JUSTICE, Purpose.ASSISTANCE, Purpose.IDENTIFICATION));
    model.addAttribute("problem", problem);
    model.addAttribute("revokeProblem", revokeProblem);
    model.addAttribute("defaultExpiry", LocalDate.now(clock).plusDays(30));
    return "security/disclosures";
  }

  @GetMapping("/cases/{caseId}/break-glass")
  String breakGlassForm(@PathVariable UUID caseId, Model model) {
    model.addAttribute("caseId", caseId);
    model.addAttribute("allowed", BreakTheGlass.allowed(CurrentUser.get()));
    return "security/break-glass";
  }

  @PostMapping("/cases/{caseId}/break-glass")
  String breakGlass(
      @PathVariable UUID caseId, @RequestParam(defaultValue = "") String reason, Model model) {
    PalermoPrincipal me = CurrentUser.get();
    model.addAttribute("caseId", caseId);
    model.addAttribute("allowed", BreakTheGlass.allowed(me));
    try {
      model.addAttribute("grant", breakTheGlass.open(me, caseId, reason));
    } catch (PalermoException e) {
      if (e.code() != ErrorCode.VALIDATION_FAILED) {
        throw e;
      }
      model.addAttribute("problem", field(e));
      model.addAttribute("reason", reason);
    }
    return "security/break-glass";
  }

  @GetMapping("/notifications")
  String notifications(Model model) {
    model.addAttribute("notices", notifications.forAgency(CurrentUser.get(), 100));
    return "security/notifications";
  }

  /** The field a validation problem is about: the page shows security.problem.<field>. */
  private static String field(PalermoException e) {
    return String.valueOf(e.properties().getOrDefault("field", "other"));
  }
}
