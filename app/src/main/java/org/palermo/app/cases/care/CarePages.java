package org.palermo.app.cases.care;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.CurrentUser;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.CaseLookup;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The care pages of a case: assessments, support plan, services and notes. Forms post back and
 * redirect (no JavaScript needed); a refused form comes back with its message linked to the field.
 * Access is decided in the services, not here.
 */
@Controller
@RequestMapping("/cases/{caseId}")
class CarePages {
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
   * Runs a form's action through the platform's one mechanism ({@link FormErrors}): on success back
   * to the section with {@code saved}; refused by binding or by the domain, the section shown again
   * with everything typed and the message at the field.
   */
  String attempt(
      UUID caseId,
      String section,
      String form,
      BindingResult bound,
      Map<String, ?> values,
      Model model,
      Supplier<?> action) {
    return FormErrors.redirect(
        form,
        bound,
        values,
        model,
        "/cases/" + caseId + "/" + section + "?saved",
        () -> show(caseId, section, model),
        action);
  }

  private String show(UUID caseId, String section, Model model) {
    return switch (section) {
      case "assessments" -> assessments(caseId, model);
      case "support-plan" -> plan(caseId, model);
      case "services" -> services(caseId, model);
      default -> notes(caseId, model);
    };
  }

  static UUID uuid(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw CareGuard.invalid(field, CareRefusal.INVALID, "'" + field + "' is not valid.");
    }
  }

  static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
    if (value == null || value.isBlank()) {
      throw CareGuard.invalid(field, CareRefusal.REQUIRED, "'" + field + "' is required.");
    }
    return Arrays.stream(type.getEnumConstants())
        .filter(c -> c.name().equals(value.strip()))
        .findFirst()
        .orElseThrow(
            () -> CareGuard.invalid(field, CareRefusal.INVALID, "'" + field + "' is not valid."));
  }

  /** A new assessment as typed; the ratings and notes per factor are read by their names. */
  record AssessmentForm(
      @NotNull AssessmentLevel level,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Plausible(DateMeaning.HAPPENED)
          LocalDate assessedOn,
      String summary) {}

  /** A new objective of the support plan as typed. */
  record ObjectiveForm(
      @NotNull PlanType type,
      String objective,
      String actionPlan,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Plausible(DateMeaning.PLANNED)
          LocalDate plannedEnd) {}

  /** A service delivered as typed. */
  record ServiceForm(
      @NotNull CareServiceType serviceType,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Plausible(DateMeaning.HAPPENED)
          LocalDate deliveredOn,
      String providerAgencyId,
      String providerName,
      String objectiveId,
      String note) {}

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
      @Valid AssessmentForm typed,
      BindingResult bound,
      @RequestParam MultiValueMap<String, String> form,
      Model model) {
    PalermoPrincipal me = CurrentUser.get();
    String level = form.getFirst("level");
    return attempt(
        caseId,
        "assessments",
        "assessment-" + level,
        bound,
        form.toSingleValueMap(),
        model,
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
              new Assessments.NewAssessment(l, typed.assessedOn(), typed.summary(), ratings));
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
      @PathVariable UUID caseId,
      @Valid ObjectiveForm typed,
      BindingResult bound,
      @RequestParam Map<String, String> form,
      Model model) {
    PalermoPrincipal me = CurrentUser.get();
    return attempt(
        caseId,
        "support-plan",
        "objective",
        bound,
        form,
        model,
        () ->
            plan.add(
                me,
                caseId,
                new SupportPlan.NewObjective(
                    typed.type(), typed.objective(), typed.actionPlan(), typed.plannedEnd())));
  }

  @PostMapping("/support-plan/objectives/{objectiveId}/outcome")
  String close(
      @PathVariable UUID caseId,
      @PathVariable UUID objectiveId,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) Integer version,
      Model model) {
    PalermoPrincipal me = CurrentUser.get();
    return attempt(
        caseId,
        "support-plan",
        "outcome-" + objectiveId,
        null,
        Map.of(),
        model,
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
      @PathVariable UUID caseId,
      @Valid ServiceForm typed,
      BindingResult bound,
      @RequestParam Map<String, String> form,
      Model model) {
    PalermoPrincipal me = CurrentUser.get();
    return attempt(
        caseId,
        "services",
        "service",
        bound,
        form,
        model,
        () ->
            services.record(
                me,
                caseId,
                new ServicesDelivered.NewService(
                    typed.serviceType(),
                    typed.deliveredOn(),
                    uuid(typed.providerAgencyId(), "providerAgencyId"),
                    typed.providerName(),
                    uuid(typed.objectiveId(), "objectiveId"),
                    typed.note())));
  }

  // --- notes -------------------------------------------------------------------------------

  @GetMapping("/notes")
  String notes(@PathVariable UUID caseId, Model model) {
    model.addAttribute("notes", notes.list(CurrentUser.get(), caseId));
    frame(model, cases, caseId, "notes");
    return "cases/care/notes";
  }

  @PostMapping("/notes")
  String note(@PathVariable UUID caseId, @RequestParam Map<String, String> form, Model model) {
    PalermoPrincipal me = CurrentUser.get();
    boolean health = "true".equals(form.get("health"));
    return attempt(
        caseId,
        "notes",
        "note",
        null,
        form,
        model,
        () -> {
          try {
            return notes.add(me, caseId, form.get("text"), health);
          } catch (PalermoException e) {
            // The note's text is stored as its body; the form's field is named text.
            if ("body".equals(e.properties().get("field")) && e.reason() != null) {
              throw CareGuard.invalid("text", e.reason(), e.getMessage());
            }
            throw e;
          }
        });
  }
}
