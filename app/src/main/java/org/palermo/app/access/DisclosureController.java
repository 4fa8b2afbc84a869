package org.palermo.app.access;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.palermo.app.platform.DateMeaning;
import org.palermo.app.platform.FormErrors;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.Plausible;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
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
    return disclosurePage(caseId, model);
  }

  /** A disclosure as typed (GDPR art. 6(1)(a), 9(2)(a): consent; CETS 197 art. 11). */
  record DisclosureForm(
      UUID toAgencyId,
      List<FieldGroup> groups,
      Purpose purpose,
      String purposeDetail,
      String consentReference,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Plausible(DateMeaning.PLANNED)
          LocalDate expiresOn) {}

  @PostMapping("/cases/{caseId}/disclosures")
  String disclose(
      @PathVariable UUID caseId,
      @Valid DisclosureForm typed,
      BindingResult bound,
      @RequestParam MultiValueMap<String, String> form,
      Model model) {
    return submit(
        FormErrors.on("disclosure").bound(bound),
        form,
        model,
        () -> {
          disclosures.create(
              CurrentUser.get(),
              caseId,
              new Disclosures.NewDisclosure(
                  typed.toAgencyId(),
                  typed.groups() == null || typed.groups().isEmpty()
                      ? Set.of()
                      : EnumSet.copyOf(typed.groups()),
                  typed.purpose(),
                  typed.purposeDetail() == null ? "" : typed.purposeDetail(),
                  typed.consentReference() == null ? "" : typed.consentReference(),
                  typed.expiresOn() == null
                      ? null
                      : typed.expiresOn().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
          return "redirect:/cases/" + caseId + "/disclosures?done=created";
        },
        () -> disclosurePage(caseId, model));
  }

  /** The revocation's form is named after its disclosure, so that its field is its own. */
  @PostMapping("/cases/{caseId}/disclosures/{id}/revoke")
  String revoke(
      @PathVariable UUID caseId,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String consentReference,
      @RequestParam MultiValueMap<String, String> form,
      Model model) {
    return submit(
        FormErrors.on("revoke-" + id),
        form,
        model,
        () -> {
          disclosures.revoke(CurrentUser.get(), caseId, id, consentReference);
          return "redirect:/cases/" + caseId + "/disclosures?done=revoked";
        },
        () -> disclosurePage(caseId, model));
  }

  private String disclosurePage(UUID caseId, Model model) {
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
      @PathVariable UUID caseId,
      @RequestParam(defaultValue = "") String reason,
      @RequestParam MultiValueMap<String, String> form,
      Model model) {
    PalermoPrincipal me = CurrentUser.get();
    model.addAttribute("caseId", caseId);
    model.addAttribute("allowed", BreakTheGlass.allowed(me));
    return submit(
        FormErrors.on("breakGlass"),
        form,
        model,
        () -> {
          model.addAttribute("grant", breakTheGlass.open(me, caseId, reason));
          return "security/break-glass";
        },
        () -> "security/break-glass");
  }

  @GetMapping("/notifications")
  String notifications(Model model) {
    model.addAttribute("notices", notifications.forAgency(CurrentUser.get(), 100));
    return "security/notifications";
  }

  /**
   * Submits a page form through the platform's one mechanism ({@link FormErrors}): refused, the
   * page again with status 422, everything typed and the message at the field. The domain names the
   * field it refuses; its message is {@code security.problem.<field>}, so the field becomes the
   * reason (the consular refusal, which names no input, is shown at the recipient, and the expiry's
   * instant at the date typed).
   */
  private static String submit(
      FormErrors errors,
      Map<String, ?> values,
      Model model,
      Supplier<String> action,
      Supplier<String> page) {
    return errors.submit(
        model,
        values,
        () -> {
          try {
            return action.get();
          } catch (PalermoException e) {
            throw atField(e);
          }
        },
        page);
  }

  private static PalermoException atField(PalermoException e) {
    if (!FormErrors.shown(e)) {
      return e;
    }
    String field = String.valueOf(e.properties().getOrDefault("field", "other"));
    String at =
        switch (field) {
          case "consular" -> "toAgencyId";
          case "expiresAt" -> "expiresOn";
          case "other" -> "form";
          default -> field;
        };
    return new PalermoException(e.code(), e.getMessage(), Map.of("field", at, "reason", field));
  }
}
