package org.palermo.app.cases.care;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.palermo.app.access.CurrentUser;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.platform.DateMeaning;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.Idempotency;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.Plausible;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/cases/{caseId}/…}: assessments, support plan, services delivered and notes of one
 * case. Access is decided by the services below (the access policy), never here.
 */
@RestController
@RequestMapping("/api/v1/cases/{caseId}")
@Tag(name = "Case care")
@SecurityRequirement(name = "token")
class CareApi {
  private final Assessments assessments;
  private final SupportPlan plan;
  private final ServicesDelivered services;
  private final CaseNotes notes;
  private final Idempotency keys;

  CareApi(
      Assessments assessments,
      SupportPlan plan,
      ServicesDelivered services,
      CaseNotes notes,
      Idempotency keys) {
    this.assessments = assessments;
    this.plan = plan;
    this.services = services;
    this.notes = notes;
    this.keys = keys;
  }

  /** The header that makes a create call idempotent. */
  static final String KEY = "Idempotency-Key";

  /** The identifier of something created. */
  record Created(UUID id) {}

  // --- assessments -------------------------------------------------------------------------

  record FactorBody(Factor factor, Rating rating, String note) {}

  record AssessmentRequest(
      AssessmentLevel level,
      @Plausible(DateMeaning.HAPPENED) LocalDate assessedOn,
      String summary,
      List<FactorBody> factors) {}

  record AssessmentResponse(
      UUID id,
      AssessmentLevel level,
      LocalDate assessedOn,
      String summary,
      List<FactorBody> factors,
      String recordedBy,
      String recordedAgency,
      Instant recordedAt) {}

  @GetMapping("/assessments")
  @Operation(summary = "The case's risk and vulnerability assessments, newest first")
  List<AssessmentResponse> assessments(@PathVariable UUID caseId) {
    return assessments.list(CurrentUser.get(), caseId).stream()
        .map(
            a ->
                new AssessmentResponse(
                    a.id(),
                    a.level(),
                    a.assessedOn(),
                    a.summary(),
                    a.factors().stream()
                        .map(f -> new FactorBody(f.factor(), f.rating(), f.note()))
                        .toList(),
                    a.recordedBy(),
                    a.recordedAgency(),
                    a.recordedAt()))
        .toList();
  }

  @PostMapping("/assessments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record an assessment of one level (factors left out: not assessed)")
  Created assess(
      @PathVariable UUID caseId,
      @RequestBody @Valid AssessmentRequest body,
      @RequestHeader(value = KEY, required = false) String key) {
    Map<Factor, Assessments.Rated> ratings = new EnumMap<>(Factor.class);
    if (body.factors() != null) {
      for (FactorBody f : body.factors()) {
        if (f == null || f.factor() == null) {
          throw CareGuard.invalid("factors", CareRefusal.REQUIRED, "Each factor needs 'factor'.");
        }
        if (ratings.put(f.factor(), new Assessments.Rated(f.factor(), f.rating(), f.note()))
            != null) {
          throw CareGuard.invalid("factors", CareRefusal.DUPLICATE, "A factor is given twice.");
        }
      }
    }
    PalermoPrincipal me = CurrentUser.get();
    return new Created(
        keys.runForId(
            me.userId(),
            key,
            Idempotency.fingerprint("POST", "/api/v1/cases/" + caseId + "/assessments", body),
            () ->
                assessments.record(
                    me,
                    caseId,
                    new Assessments.NewAssessment(
                        body.level(), body.assessedOn(), body.summary(), ratings))));
  }

  // --- support plan ------------------------------------------------------------------------

  record ObjectiveRequest(
      PlanType type,
      String objective,
      String actionPlan,
      @Plausible(DateMeaning.PLANNED) LocalDate plannedEnd) {}

  record OutcomeRequest(ObjectiveStatus status) {}

  record ObjectiveResponse(
      UUID id,
      PlanType type,
      String objective,
      String actionPlan,
      LocalDate plannedEnd,
      LocalDate actualEnd,
      ObjectiveStatus status,
      String recordedBy,
      Instant recordedAt,
      int version) {}

  record PlanResponse(List<ObjectiveResponse> objectives) {}

  @GetMapping("/support-plan")
  @Operation(summary = "The case's support plan and its objectives")
  PlanResponse plan(@PathVariable UUID caseId) {
    return new PlanResponse(
        plan.list(CurrentUser.get(), caseId).stream()
            .map(
                o ->
                    new ObjectiveResponse(
                        o.id(),
                        o.type(),
                        o.objective(),
                        o.actionPlan(),
                        o.plannedEnd(),
                        o.actualEnd(),
                        o.status(),
                        o.recordedBy(),
                        o.recordedAt(),
                        o.version()))
            .toList());
  }

  @PostMapping("/support-plan/objectives")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add an objective to the support plan")
  Created addObjective(
      @PathVariable UUID caseId,
      @RequestBody @Valid ObjectiveRequest body,
      @RequestHeader(value = KEY, required = false) String key) {
    PalermoPrincipal me = CurrentUser.get();
    return new Created(
        keys.runForId(
            me.userId(),
            key,
            Idempotency.fingerprint(
                "POST", "/api/v1/cases/" + caseId + "/support-plan/objectives", body),
            () ->
                plan.add(
                    me,
                    caseId,
                    new SupportPlan.NewObjective(
                        body.type(), body.objective(), body.actionPlan(), body.plannedEnd()))));
  }

  @PostMapping("/support-plan/objectives/{objectiveId}/outcome")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Mark an open objective ACHIEVED or NOT_ACHIEVED",
      description =
          "With If-Match: \"<version>\" (the objective's version), a stale write gets 412.")
  void close(
      @PathVariable UUID caseId,
      @PathVariable UUID objectiveId,
      @RequestBody OutcomeRequest body,
      @RequestHeader(value = "If-Match", required = false) String ifMatch) {
    plan.close(CurrentUser.get(), caseId, objectiveId, body.status(), version(ifMatch));
  }

  /** The version in an {@code If-Match} header ({@code "3"}, {@code W/"3"} or {@code 3}). */
  static Integer version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    String v = ifMatch.strip();
    if (v.startsWith("W/")) {
      v = v.substring(2);
    }
    v = v.replace("\"", "");
    try {
      return Integer.valueOf(v);
    } catch (NumberFormatException e) {
      throw new PalermoException(
          ErrorCode.PRECONDITION_FAILED,
          CareRefusal.STALE,
          "If-Match does not match the objective's version.",
          Map.of("field", "If-Match"));
    }
  }

  // --- services ----------------------------------------------------------------------------

  record ServiceRequest(
      String serviceType,
      @Plausible(DateMeaning.HAPPENED) LocalDate deliveredOn,
      UUID providerAgencyId,
      String providerName,
      UUID objectiveId,
      String note) {}

  record ServiceResponse(
      UUID id,
      String serviceType,
      @Plausible(DateMeaning.HAPPENED) LocalDate deliveredOn,
      UUID providerAgencyId,
      String provider,
      UUID objectiveId,
      String note,
      String recordedBy,
      Instant recordedAt) {}

  @GetMapping("/services")
  @Operation(summary = "Services delivered on the case, newest first")
  List<ServiceResponse> services(@PathVariable UUID caseId) {
    return services.list(CurrentUser.get(), caseId).stream()
        .map(
            s ->
                new ServiceResponse(
                    s.id(),
                    s.serviceType().name(),
                    s.deliveredOn(),
                    s.providerAgencyId(),
                    s.provider(),
                    s.objectiveId(),
                    s.note(),
                    s.recordedBy(),
                    s.recordedAt()))
        .toList();
  }

  @PostMapping("/services")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record a service delivered (publishes ServiceDelivered)")
  Created deliver(
      @PathVariable UUID caseId,
      @RequestBody @Valid ServiceRequest body,
      @RequestHeader(value = KEY, required = false) String key) {
    PalermoPrincipal me = CurrentUser.get();
    CareServiceType type = serviceType(body.serviceType());
    return new Created(
        keys.runForId(
            me.userId(),
            key,
            Idempotency.fingerprint("POST", "/api/v1/cases/" + caseId + "/services", body),
            () ->
                services.record(
                    me,
                    caseId,
                    new ServicesDelivered.NewService(
                        type,
                        body.deliveredOn(),
                        body.providerAgencyId(),
                        body.providerName(),
                        body.objectiveId(),
                        body.note()))));
  }

  static CareServiceType serviceType(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return CareServiceType.valueOf(name.strip());
    } catch (IllegalArgumentException e) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          CareRefusal.UNKNOWN,
          "Unknown service type.",
          Map.of("field", "serviceType"));
    }
  }

  // --- notes -------------------------------------------------------------------------------

  record NoteRequest(String text, Boolean health) {}

  record NoteResponse(
      UUID id, String text, boolean health, String author, String agency, Instant writtenAt) {}

  record NotesResponse(List<NoteResponse> notes, int hiddenHealthNotes) {}

  @GetMapping("/notes")
  @Operation(summary = "Case notes, newest first (health notes only for those who may read them)")
  NotesResponse notes(@PathVariable UUID caseId) {
    CaseNotes.Notes n = notes.list(CurrentUser.get(), caseId);
    return new NotesResponse(
        n.notes().stream()
            .map(
                x ->
                    new NoteResponse(
                        x.id(), x.body(), x.health(), x.author(), x.agency(), x.writtenAt()))
            .toList(),
        n.hiddenHealthNotes());
  }

  @PostMapping("/notes")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Append a case note (append-only)")
  Created note(
      @PathVariable UUID caseId,
      @RequestBody NoteRequest body,
      @RequestHeader(value = KEY, required = false) String key) {
    PalermoPrincipal me = CurrentUser.get();
    boolean health = Boolean.TRUE.equals(body.health());
    return new Created(
        keys.runForId(
            me.userId(),
            key,
            Idempotency.fingerprint("POST", "/api/v1/cases/" + caseId + "/notes", body),
            () -> notes.add(me, caseId, body.text(), health)));
  }
}
