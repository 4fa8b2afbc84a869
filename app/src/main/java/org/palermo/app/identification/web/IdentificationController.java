package org.palermo.app.identification.web;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.palermo.app.access.CurrentUser;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.protection.IdentificationProgress;
import org.palermo.app.identification.application.AuthorityWorkList;
import org.palermo.app.identification.application.DecideIdentification;
import org.palermo.app.identification.application.DecisionCommand;
import org.palermo.app.identification.application.IdentificationConsent;
import org.palermo.app.identification.application.IdentificationQueries;
import org.palermo.app.identification.application.RecordRemoval;
import org.palermo.app.identification.application.ReferForIdentification;
import org.palermo.app.identification.application.RequestReconsideration;
import org.palermo.app.identification.application.ReviewDecision;
import org.palermo.app.identification.application.ScreeningQueries;
import org.palermo.app.identification.application.SecondReviewers;
import org.palermo.app.identification.procedure.Decision;
import org.palermo.app.identification.procedure.DecisionKind;
import org.palermo.app.identification.procedure.DecisionMakingOrg;
import org.palermo.app.identification.procedure.Evidence;
import org.palermo.app.identification.procedure.IdentificationProcedure;
import org.palermo.app.identification.procedure.ProcedureStage;
import org.palermo.app.identification.procedure.Reconsideration;
import org.palermo.app.identification.procedure.TraffickingStatus;
import org.palermo.app.platform.DateMeaning;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.FormErrors;
import org.palermo.app.platform.FormValues;
import org.palermo.app.platform.Languages;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.Plausible;
import org.springframework.context.MessageSource;
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
 * Formal identification pages: referral of a screening, the procedure with its deadlines and
 * decisions, the decision forms for the competent authority, the removal record that is refused
 * during the protected period, printable decision letters, and the authority's overdue lists.
 */
@Controller
class IdentificationController {
  private final ScreeningQueries screenings;
  private final IdentificationQueries queries;
  private final ReferForIdentification refer;
  private final IdentificationConsent consents;
  private final DecideIdentification decisions;
  private final RecordRemoval removal;
  private final MessageSource messages;
  private final SecondReviewers reviewers;
  private final IdentificationProgress progress;
  private final ReviewDecision review;
  private final RequestReconsideration reconsideration;

  IdentificationController(
      ScreeningQueries screenings,
      IdentificationQueries queries,
      ReferForIdentification refer,
      IdentificationConsent consents,
      DecideIdentification decisions,
      RecordRemoval removal,
      MessageSource messages,
      SecondReviewers reviewers,
      IdentificationProgress progress,
      ReviewDecision review,
      RequestReconsideration reconsideration) {
    this.review = review;
    this.reconsideration = reconsideration;
    this.consents = consents;
    this.reviewers = reviewers;
    this.progress = progress;
    this.screenings = screenings;
    this.queries = queries;
    this.refer = refer;
    this.decisions = decisions;
    this.removal = removal;
    this.messages = messages;
  }

  /** A language a letter can be printed in, named in that language. */
  record LetterLanguage(String code, String name) {}

  /**
   * The authority's page: the decisions past their deadline, and the work list of every referral
   * awaiting a decision, filtered and sorted by query parameters (issue 14 item 12) so that it
   * works without script; an unknown value filters nothing.
   */
  @GetMapping("/identification")
  String authority(
      @RequestParam(required = false) String sort,
      @RequestParam(required = false) String dir,
      @RequestParam(required = false) String stage,
      @RequestParam(required = false) String child,
      @RequestParam(required = false) String disputed,
      @RequestParam(required = false) String urgency,
      @RequestParam(required = false) String agency,
      Model model) {
    PalermoPrincipal me = CurrentUser.get();
    model.addAttribute("lists", queries.forAuthority(me));
    AuthorityWorkList.Filter filter =
        new AuthorityWorkList.Filter(
            choice(ProcedureStage.class, stage),
            yesNo(child),
            yesNo(disputed),
            choice(AuthorityWorkList.Urgency.class, urgency),
            agency == null || agency.isBlank() ? null : agency.strip(),
            AuthorityWorkList.Sort.of(sort),
            "desc".equalsIgnoreCase(dir));
    model.addAttribute("work", queries.workList(me, filter));
    // Each column header links to the list sorted by it (the current column: the other direction),
    // the filters kept.
    java.util.Map<String, String> sortLinks = new java.util.HashMap<>();
    for (AuthorityWorkList.Sort s : AuthorityWorkList.Sort.values()) {
      boolean current = s == filter.sort();
      org.springframework.web.util.UriComponentsBuilder b =
          org.springframework.web.util.UriComponentsBuilder.fromPath("/identification")
              .queryParam("sort", s.param());
      if (current && !filter.descending()) {
        b.queryParam("dir", "desc");
      }
      if (filter.stage() != null) {
        b.queryParam("stage", filter.stage().name());
      }
      if (filter.child() != null) {
        b.queryParam("child", filter.child() ? "yes" : "no");
      }
      if (filter.ageDisputed() != null) {
        b.queryParam("disputed", filter.ageDisputed() ? "yes" : "no");
      }
      if (filter.urgency() != null) {
        b.queryParam("urgency", filter.urgency().name());
      }
      if (filter.agency() != null) {
        b.queryParam("agency", filter.agency());
      }
      sortLinks.put(s.name(), b.encode().build().toUriString());
    }
    model.addAttribute("sortLinks", sortLinks);
    model.addAttribute("sorts", AuthorityWorkList.Sort.values());
    model.addAttribute("stages", List.of(ProcedureStage.values()));
    model.addAttribute("urgencies", AuthorityWorkList.Urgency.values());
    return "identification/authority";
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value.strip())) {
        return e;
      }
    }
    return null;
  }

  private static Boolean yesNo(String value) {
    return "yes".equals(value) ? Boolean.TRUE : "no".equals(value) ? Boolean.FALSE : null;
  }

  @GetMapping("/screenings/{id}/identification")
  String procedure(@PathVariable UUID id, Model model) {
    ScreeningQueries.Detail detail = screenings.get(CurrentUser.get(), id);
    IdentificationProcedure p = detail.procedure();
    LocalDate today = queries.today();
    model.addAttribute("detail", detail);
    model.addAttribute("screening", detail.screening());
    model.addAttribute("procedure", p);
    model.addAttribute("today", today);
    if (p == null) {
      model.addAttribute("authorities", detail.owner() ? refer.authorities() : List.of());
      model.addAttribute(
          "childScreening",
          detail.screening().variant() == org.palermo.app.identification.screening.Variant.CHILD);
      model.addAttribute(
          "notified",
          detail.owner() && consents.basis(id).filter("ADULT_REFUSED"::equals).isPresent());
      model.addAttribute("exploitations", IdentificationConsent.Exploitation.values());
    } else {
      model.addAttribute("overdue", p.overdue(today));
      model.addAttribute("inReflection", p.inReflectionPeriod(today));
      model.addAttribute("removalBarred", p.removalBarred(today));
      DecisionKind pending = p.pendingDecision();
      model.addAttribute("pending", pending);
      model.addAttribute("statuses", pending == null ? List.of() : List.copyOf(pending.allowed()));
      model.addAttribute("orgs", DecisionMakingOrg.values());
      model.addAttribute(
          "reviewers", pending == null ? List.of() : reviewers.candidates(CurrentUser.get()));
      model.addAttribute("evidenceKinds", Evidence.values());
      Decision proposed = p.awaitingReview();
      model.addAttribute("proposed", proposed);
      model.addAttribute(
          "reviewsProposal",
          proposed != null
              && detail.decides()
              && CurrentUser.get().userId().equals(proposed.reviewedBy()));
      model.addAttribute("superseded", p.superseded());
      model.addAttribute("windowEnds", p.reconsiderationWindowEnds(progress.reviewWindowDays()));
      model.addAttribute("requesters", Reconsideration.Requester.values());
      model.addAttribute("mayRequestReconsideration", detail.owner() || detail.decides());
      // A conclusive decision waits for the end of the recovery and reflection period (CETS 197
      // art. 13(1)); the page says so instead of offering a form that would be refused.
      model.addAttribute(
          "reflectionRunning",
          pending == DecisionKind.CONCLUSIVE_GROUNDS
              && p.reflectionEnds() != null
              && !today.isAfter(p.reflectionEnds()));
      model.addAttribute(
          "letterLanguages",
          Languages.SUPPORTED.stream()
              .map(l -> new LetterLanguage(l.getLanguage(), l.getDisplayLanguage(l)))
              .toList());
    }
    return "identification/procedure";
  }

  /**
   * A referral for identification as typed, with an adult's consent ({@link
   * IdentificationConsent}).
   */
  record ReferForm(
      String authorityAgencyId,
      String consentGiven,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Plausible(DateMeaning.HAPPENED)
          LocalDate consentOn,
      String interpreterUsed) {}

  /** An anonymous notification as typed. */
  record NotifyForm(IdentificationConsent.Exploitation exploitation, String country) {}

  /**
   * A decision as typed: the grounds (the reasons printed in the letter; a decision is reasoned),
   * the evidence considered and the trauma-informed statement.
   */
  record DecisionForm(
      String kind,
      TraffickingStatus status,
      DecisionMakingOrg decidedByOrg,
      String grounds,
      UUID secondReviewerId,
      List<Evidence> evidence,
      String evidenceOther,
      String credibilityTraumaInformed) {}

  /** A request for reconsideration as typed ({@link RequestReconsideration}). */
  record ReconsiderationForm(
      Reconsideration.Requester requestedBy,
      String representativeName,
      String grounds,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Plausible(DateMeaning.HAPPENED)
          LocalDate receivedOn) {}

  @PostMapping("/screenings/{id}/identification")
  String referScreening(
      @PathVariable UUID id,
      @Valid ReferForm typed,
      BindingResult bound,
      @RequestParam Map<String, String> form,
      Model model) {
    return submit(
        id,
        "refer",
        bound,
        form,
        model,
        () -> {
          IdentificationConsent.Consent consent = null;
          if ("yes".equals(typed.consentGiven())) {
            consent =
                new IdentificationConsent.Consent(
                    typed.consentOn() == null
                        ? null
                        : typed.consentOn().atStartOfDay(ZoneOffset.UTC).toInstant(),
                    "yes".equals(typed.interpreterUsed())
                        ? Boolean.TRUE
                        : "no".equals(typed.interpreterUsed()) ? Boolean.FALSE : null);
          }
          refer.refer(
              CurrentUser.get(),
              new ReferForIdentification.Command(
                  id, FormValues.uuid(typed.authorityAgencyId()), consent));
          return "referred";
        });
  }

  @PostMapping("/screenings/{id}/identification/anonymous-notification")
  String notifyAnonymously(
      @PathVariable UUID id,
      @Valid NotifyForm typed,
      BindingResult bound,
      @RequestParam Map<String, String> form,
      Model model) {
    return submit(
        id,
        "notify",
        bound,
        form,
        model,
        () -> {
          consents.notifyAnonymously(
              CurrentUser.get(),
              id,
              new IdentificationConsent.NotificationCommand(typed.exploitation(), typed.country()));
          return "notified";
        });
  }

  /**
   * A decision as typed, an irreversible step (issue 14 item 10): a POST without {@code
   * confirm=true} records nothing. It checks the decision by every rule that recording applies and
   * shows the page again with what would be recorded and its consequences (issued at once and
   * reaching the case, or proposed to the second reviewer), the form still filled in, and a
   * "Confirm" button that posts the same answers with {@code confirm=true}. The API records at
   * once, as before.
   */
  @PostMapping("/screenings/{id}/identification/decisions")
  String decide(
      @PathVariable UUID id,
      @Valid DecisionForm typed,
      BindingResult bound,
      @RequestParam(defaultValue = "false") boolean confirm,
      @RequestParam MultiValueMap<String, String> form,
      Model model) {
    Map<String, Object> values = new LinkedHashMap<>(form.toSingleValueMap());
    values.remove("confirm");
    values.remove("_csrf");
    values.remove("_submission");
    values.put("evidence", form.getOrDefault("evidence", List.of()));
    FormErrors errors = FormErrors.on("decision").bound(bound);
    return errors.submit(
        model,
        values,
        () -> {
          Set<Evidence> considered = EnumSet.noneOf(Evidence.class);
          if (typed.evidence() != null) {
            typed.evidence().stream().filter(e -> e != null).forEach(considered::add);
          }
          DecisionCommand command =
              new DecisionCommand(
                  id,
                  typed.status(),
                  typed.decidedByOrg(),
                  typed.grounds() == null ? "" : typed.grounds(),
                  typed.secondReviewerId(),
                  considered,
                  typed.evidenceOther(),
                  "yes".equals(typed.credibilityTraumaInformed()));
          DecisionKind kind;
          if (DecisionKind.CONCLUSIVE_GROUNDS.name().equals(typed.kind())) {
            kind = DecisionKind.CONCLUSIVE_GROUNDS;
          } else if (DecisionKind.REASONABLE_GROUNDS.name().equals(typed.kind())) {
            kind = DecisionKind.REASONABLE_GROUNDS;
          } else {
            throw new PalermoException(
                ErrorCode.VALIDATION_FAILED,
                "Say which decision.",
                Map.of("field", "kind", "reason", "required"));
          }
          if (!confirm) {
            Decision preview = decisions.check(CurrentUser.get(), kind, command);
            model.addAttribute("decisionPreview", preview);
            return errors.again(model, values, () -> procedure(id, model));
          }
          Decision d = decisions.decide(CurrentUser.get(), kind, command);
          return "redirect:/screenings/"
              + id
              + "/identification?"
              + (d.awaitingReview() ? "proposed" : "decided");
        },
        () -> procedure(id, model));
  }

  @PostMapping("/screenings/{id}/identification/decisions/{decisionId}/confirm")
  String confirm(@PathVariable UUID id, @PathVariable UUID decisionId, Model model) {
    return submit(
        id,
        "confirm",
        null,
        Map.of(),
        model,
        () -> {
          review.confirm(CurrentUser.get(), id, decisionId);
          return "confirmed";
        });
  }

  @PostMapping("/screenings/{id}/identification/decisions/{decisionId}/return")
  String returnDecision(
      @PathVariable UUID id,
      @PathVariable UUID decisionId,
      @RequestParam(defaultValue = "") String reason,
      Model model) {
    return submit(
        id,
        "review",
        null,
        Map.of("reason", reason),
        model,
        () -> {
          review.returnToDecider(CurrentUser.get(), id, decisionId, reason);
          return "returned";
        });
  }

  @PostMapping("/screenings/{id}/identification/reconsideration")
  String reconsider(
      @PathVariable UUID id,
      @Valid ReconsiderationForm typed,
      BindingResult bound,
      @RequestParam Map<String, String> form,
      Model model) {
    return submit(
        id,
        "reconsideration",
        bound,
        form,
        model,
        () -> {
          reconsideration.request(
              CurrentUser.get(),
              new RequestReconsideration.Command(
                  id,
                  typed.requestedBy(),
                  typed.representativeName(),
                  typed.grounds() == null ? "" : typed.grounds(),
                  typed.receivedOn()));
          return "reconsideration";
        });
  }

  /**
   * Records a removal, an irreversible step (issue 14 item 10): a POST without {@code confirm=true}
   * records nothing and brings back the page with the confirmation, which says what will happen.
   * While removal is barred (identification under way or the recovery and reflection period
   * running: CETS 197 arts. 10(2) and 13(1)) the page offers no button at all.
   */
  @PostMapping("/screenings/{id}/identification/removal")
  String recordRemoval(
      @PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirm, Model model) {
    if (!confirm) {
      return "redirect:/screenings/" + id + "/identification?confirmRemoval#removal-title";
    }
    return submit(
        id,
        "removal",
        null,
        Map.of(),
        model,
        () -> {
          removal.record(CurrentUser.get(), new RecordRemoval.Command(id));
          return "removal";
        });
  }

  @GetMapping("/screenings/{id}/identification/decisions/{decisionId}/letter")
  String letter(
      @PathVariable UUID id,
      @PathVariable UUID decisionId,
      @RequestParam(required = false) String language,
      Model model,
      Locale locale) {
    Locale letterLanguage =
        language != null && Languages.isSupported(Locale.forLanguageTag(language))
            ? Languages.resolve(Locale.forLanguageTag(language))
            : Languages.resolve(locale);
    IdentificationQueries.Letter source = queries.letter(CurrentUser.get(), id, decisionId);
    model.addAttribute("screeningId", id);
    model.addAttribute(
        "letter", LetterText.of(source, messages, letterLanguage, progress.reviewWindowDays()));
    model.addAttribute(
        "letterLanguages",
        Languages.SUPPORTED.stream()
            .map(l -> new LetterLanguage(l.getLanguage(), l.getDisplayLanguage(l)))
            .toList());
    return "identification/letter";
  }

  /**
   * Submits a form through the platform's one mechanism ({@link FormErrors}): on success to the
   * procedure with the notice {@code action} answers; refused by binding or by the procedure, the
   * page again with status 422, everything typed and the message at the field. A refusal no field
   * can show (403, 404) goes to the error page.
   */
  private String submit(
      UUID id,
      String name,
      BindingResult bound,
      Map<String, ?> values,
      Model model,
      Supplier<String> action) {
    return FormErrors.submit(
        name,
        bound,
        values,
        model,
        () -> "redirect:/screenings/" + id + "/identification?" + action.get(),
        () -> procedure(id, model));
  }
}
