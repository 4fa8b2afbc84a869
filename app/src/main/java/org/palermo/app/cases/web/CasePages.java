package org.palermo.app.cases.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.access.CurrentUser;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.CaseList;
import org.palermo.app.cases.CaseStatus;
import org.palermo.app.cases.LegalBasis;
import org.palermo.app.cases.MigrationStatus;
import org.palermo.app.cases.PersonRegistered.Exploitation;
import org.palermo.app.cases.ProtectionStatus;
import org.palermo.app.cases.RegistrationSource;
import org.palermo.app.cases.application.CaseErrors;
import org.palermo.app.cases.application.CaseExport;
import org.palermo.app.cases.application.CaseHistory;
import org.palermo.app.cases.application.CaseSummary;
import org.palermo.app.cases.application.CaseTasks;
import org.palermo.app.cases.application.CaseWork;
import org.palermo.app.cases.application.PersonContacts;
import org.palermo.app.cases.application.PersonMatches;
import org.palermo.app.cases.application.PersonRecords;
import org.palermo.app.cases.domain.ControlMethod;
import org.palermo.app.cases.domain.Gender;
import org.palermo.app.cases.domain.Industry;
import org.palermo.app.cases.domain.JourneyEventType;
import org.palermo.app.cases.domain.PersonDetails;
import org.palermo.app.cases.domain.RecruitmentMethod;
import org.palermo.app.cases.domain.Sex;
import org.palermo.app.cases.domain.Transition;
import org.palermo.app.cases.protection.ReturnGate;
import org.palermo.app.platform.DateMeaning;
import org.palermo.app.platform.Dates;
import org.palermo.app.platform.FormErrors;
import org.palermo.app.platform.FormValues;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.TableExport;
import org.palermo.app.platform.TableExport.Format;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case pages: the filtered list and its export, registration with search-before-create, the
 * case overview with status actions, assignment and focal points, the timeline, tasks, the overdue
 * dashboard and the printable summary. Decisions are taken by the application services.
 */
@Controller
class CasePages {
  private static final String ID = "{id:[0-9a-fA-F-]{36}}";
  private static final int PAGE_SIZE = 25;

  /** The registration form's name: its inputs' ids are {@code f-<field>}. */
  private static final String FORM = "f";

  private final CaseList list;
  private final CaseExport export;
  private final PersonRecords persons;
  private final PersonMatches matches;
  private final CaseWork work;
  private final CaseTasks tasks;
  private final CaseHistory history;
  private final CaseSummary summary;
  private final ReturnGate gate;
  private final AccessPolicy policy;
  private final PersonContacts contacts;

  private final Dates dates;
  private final List<RegistrationSource> sources;
  private final MessageSource messages;

  CasePages(
      CaseList list,
      CaseExport export,
      PersonRecords persons,
      PersonMatches matches,
      CaseWork work,
      CaseTasks tasks,
      CaseHistory history,
      CaseSummary summary,
      ReturnGate gate,
      AccessPolicy policy,
      PersonContacts contacts,
      Dates dates,
      List<RegistrationSource> sources,
      MessageSource messages) {
    this.dates = dates;
    this.sources = sources;
    this.messages = messages;
    this.gate = gate;
    this.policy = policy;
    this.contacts = contacts;
    this.list = list;
    this.export = export;
    this.persons = persons;
    this.matches = matches;
    this.work = work;
    this.tasks = tasks;
    this.history = history;
    this.summary = summary;
  }

  @GetMapping("/cases")
  String list(
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(required = false) CaseStatus status,
      @RequestParam(required = false) Boolean child,
      @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(required = false) String name,
      Model model) {
    PalermoPrincipal me = CurrentUser.get();
    boolean allowed = CaseList.lists(me);
    model.addAttribute("allowed", allowed);
    CaseList.Filter filter = new CaseList.Filter(status, child, mine, overdue, name);
    model.addAttribute("filter", filter);
    model.addAttribute("statuses", CaseStatus.values());
    if (allowed) {
      model.addAttribute("cases", list.search(me, filter, Math.max(0, page), PAGE_SIZE));
    }
    return "cases";
  }

  @GetMapping("/cases/export")
  void export(
      @RequestParam(defaultValue = "csv") String format,
      @RequestParam(required = false) CaseStatus status,
      @RequestParam(required = false) Boolean child,
      @RequestParam(defaultValue = "false") boolean mine,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(required = false) String name,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    Format f = Format.parse(format);
    // The rows first (the access check may refuse), then the download.
    TableExport.Table table =
        export.table(
            CurrentUser.get(), new CaseList.Filter(status, child, mine, overdue, name), f, locale);
    response.setContentType(f.mediaType());
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"cases." + f.extension() + "\"");
    response.setHeader("Cache-Control", "no-store");
    TableExport.write(table, f, response.getOutputStream());
  }

  @GetMapping("/cases/new")
  String newPerson(@RequestParam(required = false) UUID screening, Model model) {
    PersonForm form = new PersonForm();
    if (screening != null) {
      // Issue #14 item 11: the screening's answers prefill the form, nothing is retyped.
      PalermoPrincipal me = CurrentUser.get();
      for (RegistrationSource source : sources) {
        var answers = source.answers(me, screening);
        if (answers.isPresent()) {
          form = PersonForm.of(answers.get(), dates.today());
          model.addAttribute("fromScreening", answers.get());
          break;
        }
      }
    }
    return form(model, form, null, false);
  }

  @PostMapping("/cases/new")
  String register(
      @ModelAttribute("form") PersonForm form,
      @RequestParam(defaultValue = "check") String action,
      Model model,
      Locale locale,
      HttpServletResponse response) {
    PalermoPrincipal me = CurrentUser.get();
    FormErrors errors = FormErrors.on(FORM);
    PersonDetails d = form.details(errors, dates, locale);
    UUID screening = FormValues.uuid(form.getScreening());
    if (!errors.any() && "create".equals(action)) {
      try {
        PersonRecords.Registered r = persons.register(me, d);
        linkScreening(me, screening, r.reference());
        return "redirect:/cases/" + r.caseId();
      } catch (PalermoException e) {
        // A stale form (412) and a barred change (409) keep their error page, as before.
        if (e.code() != org.palermo.app.platform.ErrorCode.VALIDATION_FAILED) {
          throw e;
        }
        refused(errors, e);
      }
    } else if (!errors.any() && d.givenName() == null) {
      errors.refused(
          new PalermoException(
              org.palermo.app.platform.ErrorCode.VALIDATION_FAILED,
              "'givenName' is required.",
              Map.of("field", "givenName", "reason", "required")));
    }
    if (errors.any()) {
      return refusedForm(model, errors, form, locale, response);
    }
    List<PersonMatches.Match> found =
        matches.find(
            me,
            new PersonMatches.Query(
                d.fullName(), d.birthDate(), d.birthDateEstimated(), d.citizenships()));
    return form(model, form, found, true);
  }

  @PostMapping("/cases/new/open")
  String openForKnownPerson(
      @RequestParam UUID personId, @RequestParam(required = false) String screening) {
    PalermoPrincipal me = CurrentUser.get();
    PersonRecords.Registered r = work.openFor(me, personId);
    linkScreening(me, FormValues.uuid(screening), r.reference());
    return "redirect:/cases/" + r.caseId();
  }

  @GetMapping("/cases/" + ID)
  String overview(@PathVariable UUID id, Model model) {
    PalermoPrincipal me = CurrentUser.get();
    CaseWork.CaseView view = work.view(me, id);
    model.addAttribute("c", view);
    model.addAttribute("caseId", id);
    if (policy.allows(me, id, FieldGroup.LEGAL_PROCEEDINGS, Access.READ)) {
      model.addAttribute("protection", gate.view(me, id));
    }
    if (policy.allows(me, id, FieldGroup.CONTACT, Access.READ)) {
      // Issue #14 item 13: the contact details, with the "not safe to contact" warning.
      model.addAttribute("contact", contacts.read(me, id));
    }
    if (view.mayWrite()) {
      model.addAttribute("colleagues", work.colleagues(me, id));
    }
    return "cases/case";
  }

  @PostMapping("/cases/" + ID + "/transition")
  String transition(
      @PathVariable UUID id,
      @RequestParam Transition transition,
      @RequestParam int version,
      RedirectAttributes flash) {
    if (transition == Transition.CLOSE) {
      // Closing asks first (issue 14 item 10): only the confirmation page closes a case.
      return "redirect:/cases/" + id + "/close";
    }
    CaseWork.Moved m = work.transition(CurrentUser.get(), id, transition, version);
    flash.addFlashAttribute(
        "notice", m.pending() == null ? "cases.notice.moved" : "cases.notice.pending");
    return "redirect:/cases/" + id;
  }

  @PostMapping("/cases/" + ID + "/decision")
  String decide(
      @PathVariable UUID id,
      @RequestParam boolean approve,
      @RequestParam int version,
      RedirectAttributes flash) {
    work.decide(CurrentUser.get(), id, approve, version);
    flash.addFlashAttribute("notice", approve ? "cases.notice.approved" : "cases.notice.rejected");
    return "redirect:/cases/" + id;
  }

  /**
   * Assigns the case. A choice the domain refuses (not a case worker of the owning agency) shows
   * the case page again (422) with the choice kept and the message at the field; a stale form (412)
   * or a barred change keeps its error page, as for the person's record.
   */
  @PostMapping("/cases/" + ID + "/assignment")
  String assign(
      @PathVariable UUID id,
      @RequestParam(required = false) String userId,
      @RequestParam int version,
      Model model,
      RedirectAttributes flash) {
    return team(
        "assign",
        id,
        Map.of("assignedTo", userId == null ? "" : userId),
        model,
        () -> {
          work.assign(CurrentUser.get(), id, userId(userId, "assignedTo"), version);
          flash.addFlashAttribute("notice", "cases.notice.assigned");
        });
  }

  @PostMapping("/cases/" + ID + "/focal-points")
  String addFocalPoint(
      @PathVariable UUID id, @RequestParam(required = false) String userId, Model model) {
    return team(
        "focal",
        id,
        Map.of("userId", userId == null ? "" : userId),
        model,
        () -> {
          UUID user = userId(userId, "userId");
          if (user == null) {
            throw CaseErrors.invalid("userId", "Choose a case worker from the list.");
          }
          work.addFocalPoint(CurrentUser.get(), id, user);
        });
  }

  @PostMapping("/cases/" + ID + "/focal-points/{userId}/remove")
  String removeFocalPoint(@PathVariable UUID id, @PathVariable UUID userId) {
    work.removeFocalPoint(CurrentUser.get(), id, userId);
    return "redirect:/cases/" + id;
  }

  /**
   * Submits a team form of the case page through {@link FormErrors}: only a validation refusal is
   * shown at the field (422, the case page again with the choice kept).
   */
  private String team(
      String form, UUID id, Map<String, String> values, Model model, Runnable action) {
    FormErrors errors = FormErrors.on(form);
    try {
      action.run();
      return "redirect:/cases/" + id;
    } catch (PalermoException e) {
      // A stale form (412) and a barred change (409) keep their error page, as before.
      if (e.code() != org.palermo.app.platform.ErrorCode.VALIDATION_FAILED) {
        throw e;
      }
      errors.refused(e);
    }
    return errors.submit(model, values, () -> "redirect:/cases/" + id, () -> overview(id, model));
  }

  @GetMapping("/cases/" + ID + "/person")
  String editPerson(@PathVariable UUID id, Model model) {
    CaseWork.CaseView view = work.view(CurrentUser.get(), id);
    model.addAttribute("c", view);
    model.addAttribute("caseId", id);
    model.addAttribute("version", view.person().version());
    return form(model, PersonForm.of(view.person()), null, false);
  }

  @PostMapping("/cases/" + ID + "/person")
  String savePerson(
      @PathVariable UUID id,
      @ModelAttribute("form") PersonForm form,
      @RequestParam int version,
      Model model,
      Locale locale,
      HttpServletResponse response,
      RedirectAttributes flash) {
    PalermoPrincipal me = CurrentUser.get();
    CaseWork.CaseView view = work.view(me, id);
    FormErrors errors = FormErrors.on(FORM);
    PersonDetails d = form.details(errors, dates, locale);
    if (!errors.any()) {
      try {
        persons.update(me, view.person().id(), d, version);
        flash.addFlashAttribute("notice", "cases.notice.saved");
        return "redirect:/cases/" + id;
      } catch (PalermoException e) {
        // A stale form (412) and a barred change (409) keep their error page, as before.
        if (e.code() != org.palermo.app.platform.ErrorCode.VALIDATION_FAILED) {
          throw e;
        }
        refused(errors, e);
      }
    }
    model.addAttribute("c", view);
    model.addAttribute("caseId", id);
    model.addAttribute("version", version);
    return refusedForm(model, errors, form, locale, response);
  }

  /**
   * The registration form refused: shown again with status 422, everything typed, and each message
   * (quoting the value, "Citizenships: 'zz' is not a country; pick from the list") at its field and
   * in the error summary.
   */
  private String refusedForm(
      Model model,
      FormErrors errors,
      PersonForm form,
      Locale locale,
      HttpServletResponse response) {
    Map<String, String> texts = new java.util.LinkedHashMap<>();
    for (FormErrors.Problem p : errors.all()) {
      String label =
          messages.getMessage("cases.field." + label(p.field()), null, p.field(), locale);
      String value = form.refused.getOrDefault(p.field(), "");
      texts.put(
          p.field(),
          messages.getMessage(
              "cases.error." + p.reason(),
              new Object[] {label, value},
              messages.getMessage("cases.error.invalid", new Object[] {label, value}, locale),
              locale));
    }
    model.addAttribute("formErrors", errors);
    model.addAttribute("errorTexts", texts);
    model.addAttribute("values", Map.of());
    response.setStatus(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT.value());
    return form(model, form, null, false);
  }

  /** The label of a form field: the journey's inputs are labelled by their kind. */
  private static String label(String field) {
    java.util.regex.Matcher j =
        java.util.regex.Pattern.compile("journey(City|Country|Date)\\d").matcher(field);
    return j.matches() ? j.group(1).toLowerCase(Locale.ROOT) : field;
  }

  /**
   * The domain's refusal at the fields it names: the record's own check gives a list of {@code
   * field → reason} (PersonDetails#problems), others one field.
   */
  @SuppressWarnings("unchecked")
  private static void refused(FormErrors errors, PalermoException e) {
    if (e.properties().get("errors") instanceof List<?> l) {
      for (Object x : l) {
        Map<String, Object> m = (Map<String, Object>) x;
        String field = String.valueOf(m.get("field"));
        java.util.regex.Matcher j =
            java.util.regex.Pattern.compile("journey\\[(\\d+)\\]\\.(\\w+)").matcher(field);
        if (j.matches()) {
          field =
              "journey"
                  + Character.toUpperCase(j.group(2).charAt(0))
                  + j.group(2).substring(1)
                  + j.group(1);
        }
        String reason =
            switch (String.valueOf(m.get("reason"))) {
              case "REQUIRED" -> "required";
              case "TOO_LONG" -> "tooLong";
              case "OUT_OF_RANGE" -> "range";
              case "ISO_3166_ALPHA_2" -> "notCountry";
              case "ISO_639" -> "notLanguage";
              default -> "invalid";
            };
        errors.refused(
            new PalermoException(
                e.code(), e.getMessage(), Map.of("field", field, "reason", reason)));
      }
    } else if (e.code() == org.palermo.app.platform.ErrorCode.PRECONDITION_FAILED
        || e.code() == org.palermo.app.platform.ErrorCode.CONFLICT) {
      errors.refused(
          new PalermoException(
              e.code(), e.getMessage(), Map.of("field", "form", "reason", "stale")));
    } else if (e.properties().containsKey("field")) {
      errors.refused(e);
    } else {
      // A refusal that names no field (an age dispute only an assessment may end, 409) is the
      // error page's, as before.
      throw e;
    }
  }

  @GetMapping("/cases/" + ID + "/timeline")
  String timeline(@PathVariable UUID id, Model model) {
    model.addAttribute("entries", TimelineRows.newestFirst(history.of(CurrentUser.get(), id)));
    model.addAttribute("caseId", id);
    model.addAttribute("c", work.view(CurrentUser.get(), id));
    return "cases/timeline";
  }

  @GetMapping("/cases/" + ID + "/tasks")
  String tasks(@PathVariable UUID id, Model model) {
    PalermoPrincipal me = CurrentUser.get();
    CaseWork.CaseView view = work.view(me, id);
    model.addAttribute("c", view);
    model.addAttribute("caseId", id);
    model.addAttribute("tasks", tasks.of(me, id));
    model.addAttribute("staff", work.staffNames(me, id));
    if (view.mayWrite()) {
      model.addAttribute("colleagues", work.colleagues(me, id));
    }
    return "cases/tasks";
  }

  @PostMapping("/cases/" + ID + "/tasks")
  String addTask(@PathVariable UUID id, @RequestParam Map<String, String> form, Model model) {
    // A refused task comes back with what was typed and the message at the field; its due date is
    // bounded like every date (issue #14 §1.6: never 9999-12-31).
    return FormErrors.on("task")
        .submit(
            model,
            form,
            () -> {
              LocalDate due = dates.parse(form.get("dueOn"), "dueOn", DateMeaning.DUE);
              UUID a = userId(form.get("assignee"), "assignee");
              tasks.add(CurrentUser.get(), id, form.get("title"), due, a);
              return "redirect:/cases/" + id + "/tasks";
            },
            () -> tasks(id, model));
  }

  @PostMapping("/cases/" + ID + "/tasks/{taskId}/complete")
  String complete(@PathVariable UUID id, @PathVariable UUID taskId) {
    tasks.complete(CurrentUser.get(), id, taskId);
    return "redirect:/cases/" + id + "/tasks";
  }

  @GetMapping("/cases/tasks/overdue")
  String overdue(Model model) {
    model.addAttribute("tasks", tasks.overdue(CurrentUser.get()));
    return "cases/overdue";
  }

  @GetMapping("/cases/" + ID + "/summary")
  String summary(@PathVariable UUID id, Model model) {
    PalermoPrincipal me = CurrentUser.get();
    CaseWork.CaseView view = work.view(me, id);
    model.addAttribute("c", view);
    model.addAttribute("caseId", id);
    model.addAttribute("tasks", tasks.of(me, id));
    model.addAttribute("entries", history.of(me, id));
    model.addAttribute("sections", summary.of(me, id));
    return "cases/summary";
  }

  private String form(
      Model model, PersonForm form, List<PersonMatches.Match> found, boolean checked) {
    model.addAttribute("form", form);
    model.addAttribute("editing", model.containsAttribute("caseId"));
    model.addAttribute("matches", found);
    model.addAttribute("checked", checked);
    model.addAttribute("sexes", Sex.values());
    model.addAttribute("genders", Gender.values());
    model.addAttribute("legalBases", LegalBasis.values());
    model.addAttribute("migrationStatuses", MigrationStatus.values());
    model.addAttribute("protectionStatuses", ProtectionStatus.values());
    model.addAttribute("controlMethods", ControlMethod.values());
    model.addAttribute("exploitationTypes", Exploitation.values());
    model.addAttribute("industries", Industry.values());
    model.addAttribute("recruitmentMethods", RecruitmentMethod.values());
    model.addAttribute("journeyTypes", JourneyEventType.values());
    Locale ui = org.springframework.context.i18n.LocaleContextHolder.getLocale();
    model.addAttribute("countries", CodeLists.countries(ui));
    // not "languages": that name is the layout's list of interface languages (LayoutAttributes)
    model.addAttribute("languageList", CodeLists.languages(ui));
    if (!model.containsAttribute("errorTexts")) {
      model.addAttribute("errorTexts", Map.of());
    }
    // The optional part opens by itself when it holds something (prefilled, refused or edited).
    model.addAttribute("moreOpen", form.hasMore() || model.containsAttribute("formErrors"));
    return "cases/new";
  }

  /**
   * Links the screening the registration started from to the new case. The case exists whatever
   * happens here: a refused link (a colleague linked it meanwhile) must not show the form again,
   * which would invite a second registration; the screening's result page still offers the link.
   */
  private void linkScreening(PalermoPrincipal me, UUID screening, String reference) {
    if (screening == null) {
      return;
    }
    for (RegistrationSource source : sources) {
      try {
        source.registered(me, screening, reference);
      } catch (PalermoException e) {
        if (!FormErrors.shown(e)) {
          throw e;
        }
      }
    }
  }

  /** A user id from a form: none when empty, a validation error (not a 500) when malformed. */
  private static UUID userId(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    UUID id = FormValues.uuid(value.strip());
    if (id == null) {
      throw CaseErrors.invalid(field, "Choose a user from the list.");
    }
    return id;
  }
}
