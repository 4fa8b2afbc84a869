package org.palermo.app.cases.protection;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.palermo.app.access.CurrentUser;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.cases.protection.NonPunishment.Addressee;
import org.palermo.app.cases.protection.NonPunishment.Notice;
import org.palermo.app.cases.protection.NonPunishment.NoticeCommand;
import org.palermo.app.cases.protection.NonPunishment.NoticeConsent;
import org.palermo.app.cases.protection.NonPunishment.ProceedingCommand;
import org.palermo.app.cases.protection.NonPunishment.ReportedBy;
import org.palermo.app.cases.protection.NonPunishment.Stage;
import org.palermo.app.cases.protection.PersonLinks.LinkCommand;
import org.palermo.app.cases.protection.PersonLinks.LinkKind;
import org.palermo.app.platform.DateMeaning;
import org.palermo.app.platform.Dates;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.FormValues;
import org.palermo.app.platform.PalermoException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case pages {@code /cases/{id}/links} (links between persons) and {@code
 * /cases/{id}/non-punishment} (proceedings against the person, the flag, and the printable notice
 * in English, French, Spanish or Arabic). Forms work without JavaScript.
 */
@Controller
class SafeguardsPages {
  private final PersonLinks links;
  private final NonPunishment nonPunishment;
  private final CaseLookup cases;
  private final MessageSource messages;
  private final MissingChildren missing;
  private final FamilyTracing tracing;

  private final Dates dates;

  SafeguardsPages(
      PersonLinks links,
      NonPunishment nonPunishment,
      CaseLookup cases,
      MessageSource messages,
      MissingChildren missing,
      FamilyTracing tracing,
      Dates dates) {
    this.dates = dates;
    this.tracing = tracing;
    this.missing = missing;
    this.links = links;
    this.nonPunishment = nonPunishment;
    this.cases = cases;
    this.messages = messages;
  }

  @GetMapping("/cases/{id}/links")
  String linksPage(@PathVariable UUID id, Model model) {
    model.addAttribute("caseId", id);
    model.addAttribute("links", links.view(CurrentUser.get(), id));
    model.addAttribute("kinds", LinkKind.values());
    return "cases/protection/links";
  }

  @PostMapping("/cases/{id}/links")
  String link(
      @PathVariable UUID id,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String linkedReference,
      @RequestParam(required = false) String parentOrCaregiver,
      RedirectAttributes redirect) {
    PalermoPrincipal me = CurrentUser.get();
    return run(
        redirect,
        "/cases/" + id + "/links",
        "linked",
        () -> {
          UUID linked = null;
          if (linkedReference != null && !linkedReference.isBlank()) {
            linked =
                cases
                    .byReference(me, linkedReference)
                    .map(CaseLookup.CaseRef::id)
                    .orElseThrow(() -> ProtectionAccess.invalid("linkedCaseId", "No such case."));
          }
          return links.link(
              me,
              id,
              new LinkCommand(
                  FormValues.choice(LinkKind.class, kind),
                  linked,
                  name,
                  "yes".equals(parentOrCaregiver)));
        });
  }

  @PostMapping("/cases/{id}/child/missing")
  String missing(
      @PathVariable UUID id,
      @RequestParam(required = false) String missingSince,
      @RequestParam(required = false) String circumstances,
      RedirectAttributes redirect) {
    return run(
        redirect,
        "/cases/" + id + "/child",
        "missingAlert",
        () ->
            missing.raise(
                CurrentUser.get(),
                id,
                new MissingChildren.AlertCommand(
                    localDateTime(missingSince, "missingSince"), circumstances)));
  }

  @PostMapping("/cases/{id}/child/missing/found")
  String found(@PathVariable UUID id, RedirectAttributes redirect) {
    return run(
        redirect,
        "/cases/" + id + "/child",
        "childFound",
        () -> {
          missing.found(CurrentUser.get(), id);
          return id;
        });
  }

  @PostMapping("/cases/{id}/child/missing/guardian-informed")
  String guardianInformed(
      @PathVariable UUID id,
      @RequestParam(required = false) String informedBy,
      @RequestParam(required = false) String how,
      @RequestParam(required = false) String informedAt,
      RedirectAttributes redirect) {
    return run(
        redirect,
        "/cases/" + id + "/child",
        "guardianInformed",
        () -> {
          missing.guardianInformed(
              CurrentUser.get(),
              id,
              new MissingChildren.InformedCommand(
                  informedBy,
                  FormValues.choice(MissingChildren.InformedHow.class, how),
                  localDateTime(informedAt, "informedAt")));
          return id;
        });
  }

  @PostMapping("/cases/{id}/child/family-tracing")
  String requestTracing(
      @PathVariable UUID id,
      @RequestParam(required = false) String sought,
      @RequestParam(required = false) String relationship,
      @RequestParam(required = false) String through,
      @RequestParam(required = false) String requestedOn,
      @RequestParam(required = false) String notes,
      RedirectAttributes redirect) {
    return run(
        redirect,
        "/cases/" + id + "/child",
        "tracing",
        () ->
            tracing.request(
                CurrentUser.get(),
                id,
                new FamilyTracing.TracingCommand(
                    sought,
                    FormValues.choice(FamilyTracing.Relationship.class, relationship),
                    FormValues.choice(FamilyTracing.Through.class, through),
                    dates.parse(requestedOn, "requestedOn", DateMeaning.HAPPENED),
                    notes)));
  }

  @PostMapping("/cases/{id}/child/family-tracing/{tracingId}/safety-check")
  String safetyCheck(
      @PathVariable UUID id,
      @PathVariable UUID tracingId,
      @RequestParam(required = false) String checkedOn,
      @RequestParam(required = false) String checkedBy,
      @RequestParam(required = false) String riskToChild,
      @RequestParam(required = false) String riskToFamily,
      @RequestParam(required = false) String linkedToSuspectedExploiter,
      @RequestParam(required = false) String childViews,
      @RequestParam(required = false) String bestInterests,
      RedirectAttributes redirect) {
    return run(
        redirect,
        "/cases/" + id + "/child",
        "safetyCheck",
        () ->
            tracing.safetyCheck(
                CurrentUser.get(),
                id,
                tracingId,
                new FamilyTracing.SafetyCheckCommand(
                    dates.parse(checkedOn, "checkedOn", DateMeaning.HAPPENED),
                    checkedBy,
                    ProtectionController.yesNo(riskToChild),
                    ProtectionController.yesNo(riskToFamily),
                    ProtectionController.yesNo(linkedToSuspectedExploiter),
                    childViews,
                    bestInterests)));
  }

  @PostMapping("/cases/{id}/child/family-tracing/{tracingId}/status")
  String tracingStatus(
      @PathVariable UUID id,
      @PathVariable UUID tracingId,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String notes,
      RedirectAttributes redirect) {
    return run(
        redirect,
        "/cases/" + id + "/child",
        "tracingStatus",
        () -> {
          tracing.status(
              CurrentUser.get(),
              id,
              tracingId,
              new FamilyTracing.StatusCommand(
                  FormValues.choice(FamilyTracing.Status.class, status), notes));
          return id;
        });
  }

  /**
   * A date and time typed in the instance's zone; a malformed one is refused at its field, never
   * dropped (issue #12 §4).
   */
  private static java.time.Instant localDateTime(String value, String field) {
    try {
      return value == null || value.isBlank()
          ? null
          : java.time.LocalDateTime.parse(value.strip())
              .atZone(java.time.ZoneId.systemDefault())
              .toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "'" + field + "' is not a date and time.",
          java.util.Map.of("field", field, "reason", "date"));
    }
  }

  @GetMapping("/cases/{id}/non-punishment")
  String nonPunishmentPage(@PathVariable UUID id, Model model) {
    model.addAttribute("caseId", id);
    model.addAttribute("record", nonPunishment.view(CurrentUser.get(), id));
    model.addAttribute("stages", Stage.values());
    model.addAttribute("reporters", ReportedBy.values());
    model.addAttribute("addressees", Addressee.values());
    model.addAttribute("consents", NoticeConsent.values());
    model.addAttribute("noticeLanguages", List.of("en", "fr", "es", "ar"));
    return "cases/protection/non-punishment";
  }

  @PostMapping("/cases/{id}/non-punishment/proceedings")
  String proceeding(
      @PathVariable UUID id,
      @RequestParam(required = false) String offence,
      @RequestParam(required = false) String stage,
      @RequestParam(required = false) String authority,
      @RequestParam(required = false) String reportedBy,
      @RequestParam(required = false) String consent,
      RedirectAttributes redirect) {
    return run(
        redirect,
        "/cases/" + id + "/non-punishment",
        "proceeding",
        () ->
            nonPunishment.recordProceeding(
                CurrentUser.get(),
                id,
                new ProceedingCommand(
                    offence,
                    FormValues.choice(Stage.class, stage),
                    authority,
                    FormValues.choice(ReportedBy.class, reportedBy),
                    "yes".equals(consent))));
  }

  /** The printable notice, in the language chosen for its reader, not the user's. */
  @PostMapping("/cases/{id}/non-punishment/notice")
  String notice(
      @PathVariable UUID id,
      @RequestParam(required = false) String addressedTo,
      @RequestParam(name = "noticeLanguage", required = false) String language,
      @RequestParam(required = false) String consentBy,
      Model model,
      RedirectAttributes redirect) {
    Notice n;
    try {
      n =
          nonPunishment.notice(
              CurrentUser.get(),
              id,
              new NoticeCommand(
                  FormValues.choice(Addressee.class, addressedTo),
                  language,
                  FormValues.choice(NoticeConsent.class, consentBy)));
    } catch (PalermoException e) {
      return problem(e, redirect, "/cases/" + id + "/non-punishment");
    }
    Locale l = Locale.forLanguageTag(n.language());
    model.addAttribute("caseId", id);
    model.addAttribute("notice", n);
    model.addAttribute("noticeDir", "ar".equals(n.language()) ? "rtl" : "ltr");
    model.addAttribute("noticeTitle", msg("nonPunishment.notice.title", l));
    model.addAttribute("noticeTo", msg("nonPunishment.notice.to." + n.addressedTo(), l));
    model.addAttribute(
        "noticeSubject", msg("nonPunishment.notice.subject", l, n.personName(), n.reference()));
    model.addAttribute(
        "noticeStatus", msg("nonPunishment.notice.status." + n.traffickingStatus(), l));
    model.addAttribute("noticeBody", msg("nonPunishment.notice.body", l));
    model.addAttribute("noticeProceedings", msg("nonPunishment.notice.proceedings", l));
    model.addAttribute(
        "noticeLines",
        n.proceedings().stream()
            .filter(p -> p.stage() != Stage.CLOSED)
            .map(
                p ->
                    msg(
                        "nonPunishment.notice.line",
                        l,
                        p.offence(),
                        msg("nonPunishment.stage." + p.stage(), l),
                        p.authority()))
            .toList());
    model.addAttribute(
        "noticeConsent",
        msg(
            "nonPunishment.notice.consent",
            l,
            msg("nonPunishment.consentBy." + FormValues.choice(NoticeConsent.class, consentBy), l),
            DateTimeFormatter.ISO_LOCAL_DATE.format(n.producedAt().atOffset(ZoneOffset.UTC))));
    return "cases/protection/notice";
  }

  private String msg(String key, Locale l, Object... args) {
    return messages.getMessage(key, args, l);
  }

  private static String run(
      RedirectAttributes redirect,
      String page,
      String done,
      java.util.function.Supplier<Object> action) {
    try {
      action.get();
    } catch (PalermoException e) {
      return problem(e, redirect, page);
    }
    return "redirect:" + page + "?" + done;
  }

  private static String problem(PalermoException e, RedirectAttributes redirect, String page) {
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
}
