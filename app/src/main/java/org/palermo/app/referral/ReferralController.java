package org.palermo.app.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.CurrentUser;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.platform.DateMeaning;
import org.palermo.app.platform.Dates;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.FormErrors;
import org.palermo.app.platform.FormValues;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.referral.Referral.Consent;
import org.palermo.app.referral.Referral.ConsentGiver;
import org.palermo.app.referral.Referral.DeclineReason;
import org.palermo.app.referral.Referral.InformedHow;
import org.palermo.law.ProtectionNeed;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Referral pages: the agency's inbox ({@code /referrals}), one referral in the referral view with
 * its answers, and a case's referrals with the "make a referral" form and ranked providers ({@code
 * /cases/{id}/referrals}). Forms work without JavaScript.
 */
@Controller
class ReferralController {
  private final ReferToProvider refer;
  private final ReferralSteps steps;
  private final ReferralQueries queries;
  private final ReferralMessages messages;
  private final Dates dates;
  private final Clock clock;

  ReferralController(
      ReferToProvider refer,
      ReferralSteps steps,
      ReferralQueries queries,
      ReferralMessages messages,
      Dates dates,
      Clock clock) {
    this.refer = refer;
    this.steps = steps;
    this.queries = queries;
    this.messages = messages;
    this.dates = dates;
    this.clock = clock;
  }

  @GetMapping("/referrals")
  String inbox(@RequestParam(defaultValue = "0") int page, Model model) {
    model.addAttribute("inbox", queries.inbox(CurrentUser.get(), page, 20));
    return "referral/inbox";
  }

  @GetMapping("/referrals/{id}")
  String detail(@PathVariable UUID id, Model model) {
    ReferralQueries.Detail d = queries.detail(CurrentUser.get(), id);
    model.addAttribute("d", d);
    model.addAttribute("contactShared", d.person().groups().contains(FieldGroup.CONTACT));
    model.addAttribute("declineReasons", DeclineReason.values());
    // The messages between sender and recipient, for those who may see them (issue #14 item 14).
    model.addAttribute(
        "thread", messages.threadIfAllowed(CurrentUser.get(), d.referral()).orElse(null));
    model.addAttribute("messageMax", String.valueOf(ReferralMessages.MAX_LENGTH));
    return "referral/detail";
  }

  /**
   * Adds a message to the referral's thread (issue #14 item 14). Refused (empty, too long, the
   * referral no longer linking the two agencies), the referral is shown again with 422, the text
   * kept and the message at the field ({@link FormErrors}); 404 outside the two agencies.
   */
  @PostMapping("/referrals/{id}/messages")
  String message(
      @PathVariable UUID id, @RequestParam(required = false) String message, Model model) {
    PalermoPrincipal me = CurrentUser.get();
    return FormErrors.on("message")
        .submit(
            model,
            Map.of("message", message == null ? "" : message),
            () -> {
              messages.write(me, id, message);
              return "redirect:/referrals/" + id + "?message#messages";
            },
            () -> detail(id, model));
  }

  @PostMapping("/referrals/{id}/{step:accept|decline|complete|revoke}")
  String step(
      @PathVariable UUID id,
      @PathVariable String step,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String text,
      RedirectAttributes redirect) {
    PalermoPrincipal me = CurrentUser.get();
    try {
      switch (step) {
        case "accept" -> steps.accept(me, id);
        case "decline" ->
            steps.decline(me, id, FormValues.choice(DeclineReason.class, reason), text);
        case "complete" -> steps.complete(me, id);
        default -> steps.revoke(me, id);
      }
    } catch (PalermoException e) {
      problem(e, redirect);
      return "redirect:/referrals/" + id;
    }
    return "redirect:/referrals/" + id + "?" + step;
  }

  /**
   * The recipient records the service it delivered (issue #14 item 14). Refused, the referral is
   * shown again with 422, the date and note kept and the message at the field ({@link FormErrors});
   * the date follows the one date policy ({@link Dates}, a past event).
   */
  @PostMapping("/referrals/{id}/delivered")
  String delivered(
      @PathVariable UUID id,
      @RequestParam(required = false) String deliveredOn,
      @RequestParam(required = false) String note,
      Model model) {
    PalermoPrincipal me = CurrentUser.get();
    return FormErrors.on("delivered")
        .submit(
            model,
            Map.of(
                "deliveredOn", deliveredOn == null ? "" : deliveredOn,
                "note", note == null ? "" : note),
            () -> {
              steps.delivered(
                  me, id, dates.parse(deliveredOn, "deliveredOn", DateMeaning.HAPPENED), note);
              return "redirect:/referrals/" + id + "?delivered";
            },
            () -> detail(id, model));
  }

  @GetMapping("/cases/{caseId}/referrals")
  String ofCase(
      @PathVariable UUID caseId,
      @RequestParam(required = false) String need,
      @RequestParam(required = false) String serviceType,
      @RequestParam(required = false) String lat,
      @RequestParam(required = false) String lon,
      Model model) {
    PalermoPrincipal me = CurrentUser.get();
    model.addAttribute("caseId", caseId);
    model.addAttribute("referrals", queries.ofCase(me, caseId));
    model.addAttribute(
        "options",
        queries.options(
            me,
            caseId,
            FormValues.choice(ProtectionNeed.class, need),
            FormValues.choice(ServiceType.class, serviceType),
            number(lat),
            number(lon)));
    model.addAttribute("lat", lat);
    model.addAttribute("lon", lon);
    model.addAttribute("needs", ProtectionNeed.values());
    model.addAttribute("serviceTypes", ServiceType.values());
    model.addAttribute("givers", ConsentGiver.values());
    model.addAttribute("informedHows", InformedHow.values());
    model.addAttribute("scopes", List.of(FieldGroup.values()));
    model.addAttribute("referralView", AccessPolicy.REFERRAL_VIEW);
    model.addAttribute("now", LocalDateTime.now(clock).withSecond(0).withNano(0));
    return "referral/case";
  }

  /**
   * Makes a referral. A refused form is shown again with status 422 and everything typed — the
   * chosen provider, the message, the consent, the scope — with the refusal at its field and an
   * error summary ({@link FormErrors}; issue #14 §1 item 2); the consent's date and time follow the
   * one date policy ({@link Dates}).
   */
  @PostMapping("/cases/{caseId}/referrals")
  String create(
      @PathVariable UUID caseId,
      @RequestParam(required = false) String serviceId,
      @RequestParam(required = false) String toAgencyId,
      @RequestParam(required = false) String serviceType,
      @RequestParam(required = false) String need,
      @RequestParam(defaultValue = "false") boolean transfer,
      @RequestParam(required = false) String note,
      @RequestParam(required = false) String givenBy,
      @RequestParam(required = false) String givenAt,
      @RequestParam(required = false) String informedHow,
      @RequestParam(required = false) String interpreterUsed,
      @RequestParam(required = false) List<String> scope,
      @RequestParam(required = false) String overrideReason,
      @RequestParam(required = false) String bestInterestsConsideration,
      Model model) {
    PalermoPrincipal me = CurrentUser.get();
    Map<String, Object> values = new HashMap<>();
    values.put("serviceId", serviceId == null ? "" : serviceId.strip());
    values.put("toAgencyId", toAgencyId == null ? "" : toAgencyId.strip());
    values.put("transfer", transfer);
    values.put("note", note == null ? "" : note);
    values.put("givenBy", givenBy == null ? "" : givenBy);
    values.put("givenAt", givenAt == null ? "" : givenAt);
    values.put("informedHow", informedHow == null ? "" : informedHow);
    values.put("interpreterUsed", interpreterUsed == null ? "" : interpreterUsed);
    values.put("scope", scope == null ? List.of() : List.copyOf(scope));
    values.put("overrideReason", overrideReason == null ? "" : overrideReason);
    values.put(
        "bestInterestsConsideration",
        bestInterestsConsideration == null ? "" : bestInterestsConsideration);
    return FormErrors.on("make")
        .submit(
            model,
            values,
            () -> {
              Set<FieldGroup> groups = EnumSet.noneOf(FieldGroup.class);
              if (scope != null) {
                scope.stream()
                    .map(s -> FormValues.choice(FieldGroup.class, s))
                    .filter(g -> g != null)
                    .forEach(groups::add);
              }
              Consent consent = null;
              ConsentGiver giver = FormValues.choice(ConsentGiver.class, givenBy);
              if (giver != null) {
                consent =
                    new Consent(
                        giver,
                        consentAt(givenAt),
                        FormValues.choice(InformedHow.class, informedHow),
                        "yes".equals(interpreterUsed)
                            ? Boolean.TRUE
                            : "no".equals(interpreterUsed) ? Boolean.FALSE : null);
              }
              Referral r =
                  refer.refer(
                      me,
                      new ReferToProvider.Command(
                          caseId,
                          FormValues.uuid(serviceId),
                          FormValues.uuid(toAgencyId),
                          FormValues.uuid(serviceId) == null
                              ? FormValues.choice(ServiceType.class, serviceType)
                              : null,
                          FormValues.choice(ProtectionNeed.class, need),
                          transfer,
                          note,
                          consent,
                          groups,
                          overrideReason,
                          bestInterestsConsideration));
              if (!CaseRoles.has(me)) {
                // A role that may refer but not read referrals (an immigration officer,
                // SECURITY.md) goes back to the case's referrals page it came from, not to a page
                // it may not see (#14 item 5).
                return "redirect:/cases/" + caseId + "/referrals?sent";
              }
              return "redirect:/referrals/" + r.id() + "?created";
            },
            () -> ofCase(caseId, need, serviceType, null, null, model));
  }

  /**
   * When the consent was given ({@code yyyy-mm-ddThh:mm}, in the instance's time zone): a malformed
   * value is refused at the field, never dropped, and its date must be plausible for a past event
   * (the one date policy, {@link Dates}); a moment still in the future is refused by {@link
   * ReferralPolicy#complete}.
   */
  private Instant consentAt(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    LocalDateTime t;
    try {
      t = LocalDateTime.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "'givenAt' is not a date and time (yyyy-mm-ddThh:mm).",
          Map.of("field", "givenAt", "reason", "date"));
    }
    dates.check(t.toLocalDate(), "givenAt", DateMeaning.HAPPENED);
    return t.atZone(clock.getZone()).toInstant();
  }

  static void problem(PalermoException e, RedirectAttributes redirect) {
    boolean overrideRefused = e.is(ReferralRefusal.OVERRIDE_NOT_ALLOWED);
    if (e.code() == ErrorCode.NOT_FOUND || (e.code() == ErrorCode.FORBIDDEN && !overrideRefused)) {
      throw e;
    }
    Object reason = e.properties().get("reason");
    redirect.addFlashAttribute("problem", reason == null ? e.code().name() : reason.toString());
    Object field = e.properties().get("field");
    if (field != null) {
      redirect.addFlashAttribute("problemField", field.toString());
    }
  }

  static Double number(String value) {
    try {
      return value == null || value.isBlank() ? null : Double.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
