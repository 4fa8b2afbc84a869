package org.palermo.app.identification.web;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.palermo.app.access.CurrentUser;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.LegalBasis;
import org.palermo.app.identification.application.CompleteScreening;
import org.palermo.app.identification.application.IdentificationAccess;
import org.palermo.app.identification.application.LinkScreeningToCase;
import org.palermo.app.identification.application.SaveScreeningStep;
import org.palermo.app.identification.application.ScreeningQueries;
import org.palermo.app.identification.application.StartScreening;
import org.palermo.app.identification.screening.Basis;
import org.palermo.app.identification.screening.Questionnaire;
import org.palermo.app.identification.screening.Screening;
import org.palermo.app.identification.screening.ScreeningStatus;
import org.palermo.app.identification.screening.Step;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.FormErrors;
import org.palermo.app.platform.PalermoException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The screening interview pages: the agency's drafts and completed screenings, the basis page, one
 * page per step (each saved as a draft, POST then redirect), the review, and the explained result.
 * Plain forms: everything works without JavaScript.
 */
@Controller
@RequestMapping("/screenings")
class ScreeningController {
  private final StartScreening start;
  private final SaveScreeningStep save;
  private final CompleteScreening complete;
  private final LinkScreeningToCase link;
  private final ScreeningQueries queries;
  private final Questionnaire questionnaire;
  private final MessageSource messages;
  private final org.palermo.app.access.Accounts accounts;

  ScreeningController(
      StartScreening start,
      SaveScreeningStep save,
      CompleteScreening complete,
      LinkScreeningToCase link,
      ScreeningQueries queries,
      Questionnaire questionnaire,
      MessageSource messages,
      org.palermo.app.access.Accounts accounts) {
    this.accounts = accounts;
    this.start = start;
    this.save = save;
    this.complete = complete;
    this.link = link;
    this.queries = queries;
    this.questionnaire = questionnaire;
    this.messages = messages;
  }

  @GetMapping
  String list(Model model) {
    PalermoPrincipal me = CurrentUser.get();
    model.addAttribute("allowed", IdentificationAccess.screens(me));
    model.addAttribute("authority", IdentificationAccess.authorityOfficer(me));
    if (IdentificationAccess.screens(me)) {
      ScreeningQueries.Listing listing = queries.list(me, 50);
      model.addAttribute("listing", listing);
      model.addAttribute("draftLabels", queries.draftLabels(me, listing.drafts()));
    }
    return "identification/screenings";
  }

  @GetMapping(params = "case")
  String byCase(@RequestParam("case") String reference, Model model) {
    model.addAttribute("found", queries.byCase(CurrentUser.get(), reference));
    return "identification/case-screenings";
  }

  @GetMapping("/new")
  String newScreening(Model model, Locale locale) {
    basisModel(model, locale, null);
    model.addAttribute("action", "/screenings");
    return "identification/basis";
  }

  @PostMapping
  String startScreening(
      @RequestParam MultiValueMap<String, String> form, Model model, Locale locale) {
    UUID id;
    try {
      id = start.start(CurrentUser.get(), basisCommand(form));
    } catch (PalermoException e) {
      return back(e, model, Map.of(), form, () -> newScreening(model, locale));
    }
    return "redirect:/screenings/" + id + "/steps/" + Step.PERSON.slug();
  }

  @GetMapping("/{id}")
  String resume(@PathVariable UUID id) {
    Screening s = queries.get(CurrentUser.get(), id).screening();
    if (s.status() == ScreeningStatus.COMPLETED) {
      return "redirect:/screenings/" + id + "/result";
    }
    return "redirect:/screenings/" + id + "/steps/" + s.step().slug();
  }

  @GetMapping("/{id}/steps/{slug}")
  String step(@PathVariable UUID id, @PathVariable String slug, Model model, Locale locale) {
    ScreeningQueries.Detail detail = queries.get(CurrentUser.get(), id);
    Screening s = detail.screening();
    Step step = Step.bySlug(slug).orElseThrow(ScreeningController::noSuchPage);
    if (s.status() == ScreeningStatus.COMPLETED) {
      return "redirect:/screenings/" + id + "/result";
    }
    if (!detail.owner() || !step.in(s.variant())) {
      throw noSuchPage();
    }
    model.addAttribute("screening", s);
    model.addAttribute("step", step);
    model.addAttribute(
        "child", s.variant() == org.palermo.app.identification.screening.Variant.CHILD);
    model.addAttribute("progress", StepPages.progress(questionnaire, s, step));
    Step previous = questionnaire.previous(step, s.variant());
    model.addAttribute("previous", previous == null ? null : previous.slug());
    if (step == Step.BASIS) {
      basisModel(model, locale, s.basis());
      model.addAttribute("action", "/screenings/" + id + "/steps/basis");
      return "identification/basis";
    }
    if (step == Step.REVIEW) {
      model.addAttribute("sections", StepPages.review(questionnaire, s));
      model.addAttribute("caseReference", detail.caseReference());
      return "identification/review";
    }
    @SuppressWarnings("unchecked")
    Map<String, String> submitted = (Map<String, String>) model.getAttribute("submitted");
    @SuppressWarnings("unchecked")
    Map<String, String> errors = (Map<String, String>) model.getAttribute("errors");
    Map<String, String> values = submitted != null ? submitted : s.answers().values();
    model.addAttribute(
        "questions",
        StepPages.questions(
            questionnaire, step, s.variant(), values, errors == null ? Map.of() : errors));
    @SuppressWarnings("unchecked")
    Map<String, String> theirs = (Map<String, String>) model.getAttribute("theirsRaw");
    if (theirs != null && !theirs.isEmpty()) {
      model.addAttribute("theirs", StepPages.theirs(questionnaire, step, s.variant(), theirs));
    }
    return "identification/step";
  }

  @PostMapping("/{id}/steps/{slug}")
  String saveStep(
      @PathVariable UUID id,
      @PathVariable String slug,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      Locale locale) {
    PalermoPrincipal me = CurrentUser.get();
    Step step = Step.bySlug(slug).orElseThrow(ScreeningController::noSuchPage);
    Integer version = version(form);
    String action = form.getFirst("action");
    Supplier<String> here = () -> step(id, slug, model, locale);
    if (step == Step.BASIS) {
      try {
        save.saveBasis(me, id, basisCommand(form), version);
      } catch (PalermoException e) {
        return back(e, model, Map.of(), form, here);
      }
      return "pause".equals(action)
          ? "redirect:/screenings?saved"
          : "redirect:/screenings/" + id + "/steps/" + Step.PERSON.slug();
    }
    Map<String, String> answers = StepPages.read(questionnaire, step, form);
    SaveScreeningStep.Saved saved;
    try {
      saved =
          save.save(
              me, new SaveScreeningStep.Command(id, step, answers, "skip".equals(action), version));
    } catch (PalermoException e) {
      if (e.code() == ErrorCode.PRECONDITION_FAILED && !"skip".equals(action)) {
        keepBoth(me, id, step, answers, model);
      }
      return back(e, model, answers, form, here);
    }
    if ("pause".equals(action)) {
      return "redirect:/screenings?saved";
    }
    Step next = saved.next() == null ? Step.REVIEW : saved.next();
    return "redirect:/screenings/" + id + "/steps/" + next.slug();
  }

  @PostMapping("/{id}/complete")
  String completeScreening(
      @PathVariable UUID id,
      @RequestParam MultiValueMap<String, String> form,
      Model model,
      Locale locale) {
    try {
      complete.complete(
          CurrentUser.get(),
          new CompleteScreening.Command(id, form.getFirst("caseReference"), version(form)));
    } catch (PalermoException e) {
      return back(e, model, Map.of(), form, () -> step(id, Step.REVIEW.slug(), model, locale));
    }
    return "redirect:/screenings/" + id + "/result";
  }

  @GetMapping("/{id}/result")
  String result(@PathVariable UUID id, Model model, Locale locale) {
    ScreeningQueries.Result result = queries.result(CurrentUser.get(), id);
    ResultPage.fill(model, result, messages, locale);
    return "identification/result";
  }

  @PostMapping("/{id}/case")
  String linkCase(
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String caseReference,
      Model model,
      Locale locale) {
    try {
      link.link(CurrentUser.get(), new LinkScreeningToCase.Command(id, caseReference));
    } catch (PalermoException e) {
      return back(e, model, Map.of(), null, () -> result(id, model, locale));
    }
    return "redirect:/screenings/" + id + "/result?linked";
  }

  /**
   * A real conflict with a colleague's newer save of this page (issue #14 item 4): the page comes
   * back with the user's own answers selected (nothing typed is dropped) and, beside each question
   * the colleague answered differently, the colleague's answer, who saved it and when, so that the
   * user chooses and saves again (the page then carries the latest version).
   */
  private void keepBoth(
      PalermoPrincipal me, UUID id, Step step, Map<String, String> answers, Model model) {
    Screening latest = queries.get(me, id).screening();
    Screening.Snapshot snapshot = latest.snapshot();
    Map<String, String> theirs = new java.util.LinkedHashMap<>();
    for (var question : questionnaire.questions(step, latest.variant())) {
      String stored = snapshot.answers() == null ? null : snapshot.answers().get(question.id());
      if (stored != null && !stored.equals(answers.get(question.id()))) {
        theirs.put(question.id(), stored);
      }
    }
    model.addAttribute("submitted", answers);
    if (!theirs.isEmpty()) {
      model.addAttribute("theirsRaw", theirs);
      model.addAttribute(
          "theirsBy",
          snapshot.updatedBy() == null
              ? "—"
              : accounts
                  .user(snapshot.updatedBy())
                  .map(org.palermo.app.access.Accounts.UserSummary::displayName)
                  .orElse("—"));
      model.addAttribute("theirsAt", snapshot.updatedAt());
    }
  }

  /** The basis page's fields as shown: what was just submitted, else what is stored. */
  record BasisForm(
      String legalBasis, boolean consentGiven, String interviewLanguage, String interpreter) {}

  private void basisModel(Model model, Locale locale, Basis basis) {
    model.addAttribute("legalBases", LegalBasis.values());
    model.addAttribute("interviewLanguages", InterviewLanguages.choices(locale));
    @SuppressWarnings("unchecked")
    Map<String, String> submitted = (Map<String, String>) model.getAttribute("submittedBasis");
    BasisForm form;
    if (submitted != null) {
      form =
          new BasisForm(
              submitted.get("legalBasis"),
              "true".equals(submitted.get("consentGiven")),
              submitted.get("interviewLanguage"),
              submitted.get("interpreterPresent"));
    } else if (basis != null) {
      form =
          new BasisForm(
              basis.legalBasis().name(),
              basis.consentGiven(),
              basis.interviewLanguage(),
              basis.interpreterPresent() == null ? null : basis.interpreterPresent().toString());
    } else {
      form = new BasisForm(null, false, null, null);
    }
    model.addAttribute("form", form);
  }

  private static StartScreening.Command basisCommand(MultiValueMap<String, String> form) {
    String basis = form.getFirst("legalBasis");
    LegalBasis legalBasis = null;
    for (LegalBasis b : LegalBasis.values()) {
      if (b.name().equals(basis)) {
        legalBasis = b;
      }
    }
    String interpreter = form.getFirst("interpreterPresent");
    return new StartScreening.Command(
        legalBasis,
        "true".equals(form.getFirst("consentGiven")),
        form.getFirst("interviewLanguage"),
        interpreter == null || interpreter.isEmpty() ? null : Boolean.valueOf(interpreter));
  }

  private static Integer version(MultiValueMap<String, String> form) {
    String v = form.getFirst("version");
    try {
      return v == null || v.isEmpty() ? null : Integer.valueOf(v);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Shows the form again for a refusal the user can fix (issue #14 §1 item 2, through {@link
   * FormErrors}): status 422, what was typed kept, the messages at the questions and in the error
   * summary; not-found and forbidden go to the error page.
   */
  private static String back(
      PalermoException e,
      Model model,
      Map<String, String> answers,
      MultiValueMap<String, String> form,
      Supplier<String> page) {
    if (e.code() == ErrorCode.NOT_FOUND || e.code() == ErrorCode.FORBIDDEN) {
      throw e;
    }
    Object reason = e.properties().get("reason");
    String problem = reason == null ? e.code().name() : reason.toString();
    model.addAttribute("problem", problem);
    Object errors = e.properties().get("errors");
    if (errors instanceof Map<?, ?> map && !map.isEmpty()) {
      model.addAttribute("errors", map);
      model.addAttribute("submitted", answers);
    }
    if (form != null && form.containsKey("legalBasis")) {
      model.addAttribute("submittedBasis", form.toSingleValueMap());
    }
    return FormErrors.on("screening")
        .refused(e)
        .submit(
            model,
            form == null ? Map.of() : form.toSingleValueMap(),
            () -> {
              throw new IllegalStateException("a refused form is never submitted");
            },
            () -> {
              String view = page.get();
              // The page moved on (the screening was completed meanwhile): the message follows.
              if (view.startsWith("redirect:")
                  && RequestContextHolder.getRequestAttributes()
                      instanceof ServletRequestAttributes r) {
                RequestContextUtils.getOutputFlashMap(r.getRequest()).put("problem", problem);
              }
              return view;
            });
  }

  static PalermoException noSuchPage() {
    return new PalermoException(ErrorCode.NOT_FOUND, "No such page.");
  }
}
