package org.palermo.app.cases.care;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.CurrentUser;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The care pages of a case: assessments, support plan, services and notes. Forms post back and
 * redirect (no JavaScript needed); a refused form comes back with its message linked to the field.
 * Access is decided in the services, not here.
 */
@Controller
@RequestMapping("/cases/{caseId}")
class CarePages {
  /** Codes of a refusal that a form shows next to the field; others go to the error page. */
  static final Set<ErrorCode> FORM_ERRORS =
      Set.of(
          ErrorCode.VALIDATION_FAILED,
          ErrorCode.CONFLICT,
          ErrorCode.PRECONDITION_FAILED,
          ErrorCode.PAYLOAD_TOO_LARGE,
          ErrorCode.UNSUPPORTED_MEDIA_TYPE);

  private final Assessments assessments;
  private final SupportPlan plan;
  private final ServicesDelivered services;
  private final CaseNotes notes;
  private final CaseLookup cases;
  private final Accounts accounts;

  CarePages(
      Assessments assessments,
      SupportPlan plan,
      ServicesDelivered services,
      CaseNotes notes,
      CaseLookup cases,
      Accounts accounts) {
    this.assessments = assessments;
    this.plan = plan;
    this.services = services;
    this.notes = notes;
    this.cases = cases;
    this.accounts = accounts;
  }

  /** Puts what every care page shows; call only after the access policy has answered. */
  static void frame(Model model, CaseLookup cases, UUID caseId, String section) {
    model.addAttribute("caseId", caseId);
    model.addAttribute("section", section);
    model.addAttribute(
        "reference", cases.facts(caseId).map(CaseLookup.CaseFacts::reference).orElse(""));
  }

  /**
   * Runs a form's action: on success back to the section with {@code saved}; on a refusal a form
   * can show, back to the section with the error and the submitted values.
   */
  static String attempt(
      UUID caseId,
      String section,
      String form,
      Map<String, ?> values,
      RedirectAttributes flash,
      Supplier<?> action) {
    try {
      action.get();
      return "redirect:/cases/" + caseId + "/" + section + "?saved";
    } catch (PalermoException e) {
      if (!FORM_ERRORS.contains(e.code())) {
        throw e;
      }
      Object field = e.properties().getOrDefault("field", "form");
      Object reason =
          e.properties()
              .getOrDefault("reason", e.code() == ErrorCode.CONFLICT ? "conflict" : "invalid");
      flash.addFlashAttribute("error", new FormError(form, field.toString(), reason.toString()));
      flash.addFlashAttribute("values", values);
      return "redirect:/cases/" + caseId + "/" + section;
    }
  }

  static LocalDate date(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw CareGuard.invalid(field, "date", "'" + field + "' is not a date (yyyy-mm-dd).");
    }
  }

  static UUID uuid(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw CareGuard.invalid(field, "invalid", "'" + field + "' is not valid.");
    }
  }

  static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
    if (value == null || value.isBlank()) {
      throw CareGuard.invalid(field, "required", "'" + field + "' is required.");
    }
    return Arrays.stream(type.getEnumConstants())
        .filter(c -> c.name().equals(value.strip()))
        .findFirst()
        .orElseThrow(() -> CareGuard.invalid(field, "invalid", "'" + field + "' is not valid."));
  }

  // --- assessments -------------------------------------------------------------------------

  @GetMapping("/assessments")
  String assessments(@PathVariable UUID caseId, Model model) {
    model.addAttribute("assessments", assessments.list(CurrentUser.get(), caseId));
    frame(model, cases, caseId, "assessments");
    model.addAttribute("levels", AssessmentLevel.values());
    model.addAttribute("ratings", Rating.values());
    Map<AssessmentLevel, List<Factor>> factors = new EnumMap<>(AssessmentLevel.class);
    for (AssessmentLevel l : AssessmentLevel.values()) {
      factors.put(l, Factor.of(l));
    }
    model.addAttribute("factors", factors);
    return "cases/care/assessments";
  }

  @PostMapping("/assessments")
  String assess(
      @PathVariable UUID caseId,
      @RequestParam MultiValueMap<String, String> form,
      RedirectAttributes flash) {
    PalermoPrincipal me = CurrentUser.get();
    String level = form.getFirst("level");
    return attempt(
        caseId,
        "assessments",
        "assessment-" + level,
        form.toSingleValueMap(),
        flash,
        () -> {
          AssessmentLevel l = choice(AssessmentLevel.class, level, "level");
          Map<Factor, Assessments.Rated> ratings = new EnumMap<>(Factor.class);
          for (Factor f : Factor.of(l)) {
            String r = form.getFirst("rating." + f);
            Rating rating =
                r == null || r.isBlank() ? Rating.NOT_ASSESSED : choice(Rating.class, r, "rating");
            ratings.put(f, new Assessments.Rated(f, rating, form.getFirst("note." + f)));
          }
          return assessments.record(
              me,
              caseId,
              new Assessments.NewAssessment(
                  l,
                  date(form.getFirst("assessedOn"), "assessedOn"),
                  form.getFirst("summary"),
                  ratings));
        });
  }

  // --- support plan ------------------------------------------------------------------------

  @GetMapping("/support-plan")
  String plan(@PathVariable UUID caseId, Model model) {
    model.addAttribute("objectives", plan.list(CurrentUser.get(), caseId));
    frame(model, cases, caseId, "support-plan");
    model.addAttribute("types", PlanType.values());
    return "cases/care/support-plan";
  }

  @PostMapping("/support-plan/objectives")
  String addObjective(
      @PathVariable UUID caseId, @RequestParam Map<String, String> form, RedirectAttributes flash) {
    PalermoPrincipal me = CurrentUser.get();
    return attempt(
        caseId,
        "support-plan",
        "objective",
        form,
        flash,
        () ->
            plan.add(
                me,
                caseId,
                new SupportPlan.NewObjective(
                    choice(PlanType.class, form.get("type"), "type"),
                    form.get("objective"),
                    form.get("actionPlan"),
                    date(form.get("plannedEnd"), "plannedEnd"))));
  }

  @PostMapping("/support-plan/objectives/{objectiveId}/outcome")
  String close(
      @PathVariable UUID caseId,
      @PathVariable UUID objectiveId,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer version,
      RedirectAttributes flash) {
    PalermoPrincipal me = CurrentUser.get();
    return attempt(
        caseId,
        "support-plan",
        "outcome-" + objectiveId,
        Map.of(),
        flash,
        () -> {
          plan.close(
              me, caseId, objectiveId, choice(ObjectiveStatus.class, status, "status"), version);
          return objectiveId;
        });
  }

  // --- services ----------------------------------------------------------------------------

  /** A provider agency to choose from. */
  record ProviderChoice(UUID id, String name) {}

  @GetMapping("/services")
  String services(@PathVariable UUID caseId, Model model) {
    PalermoPrincipal me = CurrentUser.get();
    model.addAttribute("services", services.list(me, caseId));
    frame(model, cases, caseId, "services");
    model.addAttribute("serviceTypes", CareServiceType.values());
    model.addAttribute(
        "providers",
        accounts.agencies().stream()
            .filter(a -> !a.function().isEnforcement())
            .map(a -> new ProviderChoice(a.id(), a.name()))
            .toList());
    model.addAttribute("objectives", plan.objectives(caseId));
    return "cases/care/services";
  }

  @PostMapping("/services")
  String deliver(
      @PathVariable UUID caseId, @RequestParam Map<String, String> form, RedirectAttributes flash) {
    PalermoPrincipal me = CurrentUser.get();
    return attempt(
        caseId,
        "services",
        "service",
        form,
        flash,
        () ->
            services.record(
                me,
                caseId,
                new ServicesDelivered.NewService(
                    choice(CareServiceType.class, form.get("serviceType"), "serviceType"),
                    date(form.get("deliveredOn"), "deliveredOn"),
                    uuid(form.get("providerAgencyId"), "providerAgencyId"),
                    form.get("providerName"),
                    uuid(form.get("objectiveId"), "objectiveId"),
                    form.get("note"))));
  }

  // --- notes -------------------------------------------------------------------------------

  @GetMapping("/notes")
  String notes(@PathVariable UUID caseId, Model model) {
    model.addAttribute("notes", notes.list(CurrentUser.get(), caseId));
    frame(model, cases, caseId, "notes");
    return "cases/care/notes";
  }

  @PostMapping("/notes")
  String note(
      @PathVariable UUID caseId, @RequestParam Map<String, String> form, RedirectAttributes flash) {
    PalermoPrincipal me = CurrentUser.get();
    boolean health = "true".equals(form.get("health"));
    return attempt(
        caseId,
        "notes",
        "note",
        form,
        flash,
        () -> notes.add(me, caseId, form.get("text"), health));
  }
}
