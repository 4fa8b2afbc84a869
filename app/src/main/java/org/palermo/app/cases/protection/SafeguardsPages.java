package org.palermo.app.cases.protection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
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
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.FormErrors;
import org.palermo.app.platform.FormValues;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.Plausible;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

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

  private final ProtectionController childPage;

  SafeguardsPages(
      PersonLinks links,
      NonPunishment nonPunishment,
      CaseLookup cases,
      MessageSource messages,
      MissingChildren missing,
      FamilyTracing tracing,
      ProtectionController childPage) {
    this.childPage = childPage;
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

  /** A link between persons as typed (CETS 197 art. 10(4), 16(7): who may not take the child). */
  record LinkForm(
      @NotNull LinkKind kind,
      @Size(max = 200) String name,
      @Size(max = 40) String linkedReference,
      String parentOrCaregiver) {}

  @PostMapping("/cases/{id}/links")
  String link(
      @PathVariable UUID id,
      @Valid LinkForm typed,
      BindingResult bound,
      @RequestParam Map<String, String> form,
      Model model) {
    PalermoPrincipal me = CurrentUser.get();
    return FormErrors.redirect(
        "link",
        bound,
        form,
        model,
        "/cases/" + id + "/links?linked",
        () -> linksPage(id, model),
        () -> {
          UUID linked = null;
          String reference = typed.linkedReference();
          if (reference != null && !reference.isBlank()) {
            linked =
                cases
                    .byReference(me, reference)
                    .map(CaseLookup.CaseRef::id)
                    .orElseThrow(
                        () ->
                            new PalermoException(
                                ErrorCode.VALIDATION_FAILED,
                                "No such case.",
                                Map.of(
                                    "field", "linkedReference", "reason", "INVALID_linkedCaseId")));
          }
          try {
            return links.link(
                me,
                id,
                new LinkCommand(
                    typed.kind(), linked, typed.name(), "yes".equals(typed.parentOrCaregiver())));
          } catch (PalermoException e) {
            // The linked case is typed as its reference: its refusal is shown there.
            if ("linkedCaseId".equals(e.properties().get("field"))) {
              throw new PalermoException(
                  e.code(),
                  e.getMessage(),
                  Map.of(
                      "field",
                      "linkedReference",
                      "reason",
                      e.properties().getOrDefault("reason", "invalid")));
            }
            throw e;
          }
        });
  }

  /** A missing-child alert as typed (CETS 197 art. 10(4); CRC art. 8(2), 35). */
  record MissingForm(
      @NotNull
          @DateTimeFormat(
              pattern = "yyyy-MM-dd'T'HH:mm",
              fallbackPatterns = {"yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.SSS"})
          LocalDateTime missingSince,
      @Size(max = 2000) String circumstances) {}

  /** Who told the guardian of the missing child, how and when (CRC GC 6 § 33). */
  record InformedForm(
      @NotBlank @Size(max = 200) String informedBy,
      @NotNull MissingChildren.InformedHow how,
      @NotNull
          @DateTimeFormat(
              pattern = "yyyy-MM-dd'T'HH:mm",
              fallbackPatterns = {"yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.SSS"})
          LocalDateTime informedAt) {}

  /** A family-tracing request as typed (CRC art. 22(2); CRC GC 6 § 80-81). */
  record TracingForm(
      @NotBlank @Size(max = 200) String sought,
      @NotNull FamilyTracing.Relationship relationship,
      @NotNull FamilyTracing.Through through,
      @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Plausible(DateMeaning.HAPPENED)
          LocalDate requestedOn,
      @Size(max = 4000) String notes) {}

  /** A safety check before any contact with the family (CRC GC 6 § 81). */
  record SafetyCheckForm(
      @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Plausible(DateMeaning.HAPPENED)
          LocalDate checkedOn,
      @NotBlank @Size(max = 200) String checkedBy,
      @NotBlank String riskToChild,
      @NotBlank String riskToFamily,
      @NotBlank String linkedToSuspectedExploiter,
      @NotBlank @Size(max = 4000) String childViews,
      @NotBlank @Size(max = 4000) String bestInterests) {}

  /** A change of a tracing's status as typed. */
  record TracingStatusForm(@NotNull FamilyTracing.Status status, @Size(max = 4000) String notes) {}

  @PostMapping("/cases/{id}/child/missing")
  String missing(
      @PathVariable UUID id,
      @Valid MissingForm typed,
      BindingResult bound,
      @RequestParam Map<String, String> form,
      Model model) {
    return child(
        "missing",
        id,
        bound,
        form,
        model,
        "missingAlert",
        () ->
            missing.raise(
                CurrentUser.get(),
                id,
                new MissingChildren.AlertCommand(
                    instant(typed.missingSince()), typed.circumstances())));
  }

  @PostMapping("/cases/{id}/child/missing/found")
  String found(@PathVariable UUID id, Model model) {
    return child(
        "found",
        id,
        null,
        Map.of(),
        model,
        "childFound",
        () -> {
          missing.found(CurrentUser.get(), id);
          return id;
        });
  }

  @PostMapping("/cases/{id}/child/missing/guardian-informed")
  String guardianInformed(
      @PathVariable UUID id,
      @Valid InformedForm typed,
      BindingResult bound,
      @RequestParam Map<String, String> form,
      Model model) {
    return child(
        "informed",
        id,
        bound,
        form,
        model,
        "guardianInformed",
        () -> {
          missing.guardianInformed(
              CurrentUser.get(),
              id,
              new MissingChildren.InformedCommand(
                  typed.informedBy(), typed.how(), instant(typed.informedAt())));
          return id;
        });
  }

  @PostMapping("/cases/{id}/child/family-tracing")
  String requestTracing(
      @PathVariable UUID id,
      @Valid TracingForm typed,
      BindingResult bound,
      @RequestParam Map<String, String> form,
      Model model) {
    return child(
        "tracing",
        id,
        bound,
        form,
        model,
        "tracing",
        () ->
            tracing.request(
                CurrentUser.get(),
                id,
                new FamilyTracing.TracingCommand(
                    typed.sought(),
                    typed.relationship(),
                    typed.through(),
                    typed.requestedOn(),
                    typed.notes())));
  }

  /** The safety check's form is named after its tracing, so that its fields are its own. */
  @PostMapping("/cases/{id}/child/family-tracing/{tracingId}/safety-check")
  String safetyCheck(
      @PathVariable UUID id,
      @PathVariable UUID tracingId,
      @Valid SafetyCheckForm typed,
      BindingResult bound,
      @RequestParam Map<String, String> form,
      Model model) {
    return child(
        "safetyCheck-" + tracingId,
        id,
        bound,
        form,
        model,
        "safetyCheck",
        () ->
            tracing.safetyCheck(
                CurrentUser.get(),
                id,
                tracingId,
                new FamilyTracing.SafetyCheckCommand(
                    typed.checkedOn(),
                    typed.checkedBy(),
                    ProtectionController.yesNo(typed.riskToChild()),
                    ProtectionController.yesNo(typed.riskToFamily()),
                    ProtectionController.yesNo(typed.linkedToSuspectedExploiter()),
                    typed.childViews(),
                    typed.bestInterests())));
  }

  @PostMapping("/cases/{id}/child/family-tracing/{tracingId}/status")
  String tracingStatus(
      @PathVariable UUID id,
      @PathVariable UUID tracingId,
      @Valid TracingStatusForm typed,
      BindingResult bound,
      @RequestParam Map<String, String> form,
      Model model) {
    return child(
        "tracingStatus-" + tracingId,
        id,
        bound,
        form,
        model,
        "tracingStatus",
        () -> {
          tracing.status(
              CurrentUser.get(),
              id,
              tracingId,
              new FamilyTracing.StatusCommand(typed.status(), typed.notes()));
          return id;
        });
  }

  /**
   * Submits a form of the child page through the platform's one mechanism ({@link FormErrors}): on
   * success back to the page with {@code done}; refused by binding or by the domain, the child page
   * again with status 422, everything typed and the message at the field (issue #12 §4). A refusal
   * no field can show (403, 404) goes to the error page.
   */
  private String child(
      String name,
      UUID id,
      BindingResult bound,
      Map<String, String> values,
      Model model,
      String done,
      Supplier<Object> action) {
    return FormErrors.redirect(
        name,
        bound,
        values,
        model,
        "/cases/" + id + "/child?" + done,
        () -> childPage.child(id, model),
        action);
  }

  /** A date and time typed in the instance's zone. */
  private static Instant instant(LocalDateTime typed) {
    return typed == null ? null : typed.atZone(ZoneId.systemDefault()).toInstant();
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

  /** A proceeding against the person as typed (CETS 197 art. 26; Directive 2011/36/EU art. 8). */
  record ProceedingForm(
      @NotBlank @Size(max = 500) String offence,
      @NotNull Stage stage,
      @NotBlank @Size(max = 200) String authority,
      @NotNull ReportedBy reportedBy,
      String consent) {}

  @PostMapping("/cases/{id}/non-punishment/proceedings")
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
        "/cases/" + id + "/non-punishment?proceeding",
        () -> nonPunishmentPage(id, model),
        () ->
            nonPunishment.recordProceeding(
                CurrentUser.get(),
                id,
                new ProceedingCommand(
                    typed.offence(),
                    typed.stage(),
                    typed.authority(),
                    typed.reportedBy(),
                    "yes".equals(typed.consent()))));
  }

  /** The printable notice, in the language chosen for its reader, not the user's. */
  @PostMapping("/cases/{id}/non-punishment/notice")
  String notice(
      @PathVariable UUID id,
      @RequestParam(required = false) String addressedTo,
      @RequestParam(name = "noticeLanguage", required = false) String language,
      @RequestParam(required = false) String consentBy,
      @RequestParam Map<String, String> form,
      Model model) {
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
      if (!FormErrors.shown(e)) {
        throw e;
      }
      // Refused: the page again (422) with the choices kept and the reason at the field.
      return FormErrors.on("notice")
          .refused(e)
          .submit(
              model,
              form,
              () -> "redirect:/cases/" + id + "/non-punishment",
              () -> nonPunishmentPage(id, model));
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
}
