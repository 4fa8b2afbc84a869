package org.palermo.app.identification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.CurrentUser;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.protection.IdentificationProgress;
import org.palermo.app.identification.application.DecideIdentification;
import org.palermo.app.identification.application.DecisionCommand;
import org.palermo.app.identification.application.IdentificationConsent;
import org.palermo.app.identification.application.IdentificationQueries;
import org.palermo.app.identification.application.IdentificationRefusal;
import org.palermo.app.identification.application.RecordRemoval;
import org.palermo.app.identification.application.ReferForIdentification;
import org.palermo.app.identification.application.RequestReconsideration;
import org.palermo.app.identification.application.ReviewDecision;
import org.palermo.app.identification.application.ScreeningQueries;
import org.palermo.app.identification.persistence.ProcedureStore;
import org.palermo.app.identification.persistence.ScreeningStore;
import org.palermo.app.identification.procedure.Decision;
import org.palermo.app.identification.procedure.DecisionKind;
import org.palermo.app.identification.procedure.DecisionMakingOrg;
import org.palermo.app.identification.procedure.Evidence;
import org.palermo.app.identification.procedure.IdentificationProcedure;
import org.palermo.app.identification.procedure.ProcedureStage;
import org.palermo.app.identification.procedure.Reconsideration;
import org.palermo.app.identification.procedure.TraffickingStatus;
import org.palermo.app.identification.screening.Screening;
import org.palermo.app.identification.screening.ScreeningStatus;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/screenings} and {@code /api/v1/identification}: the agency's screenings with their
 * stored assessments, referral for identification, decisions, removals, and the authority's overdue
 * list. The same use cases, checks and audit as the pages.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Screenings and identification")
@SecurityRequirement(name = "token")
class ScreeningApi {
  private final ScreeningQueries screenings;
  private final IdentificationQueries identification;
  private final ReferForIdentification refer;
  private final IdentificationConsent consent;
  private final DecideIdentification decisions;
  private final RecordRemoval removal;
  private final JsonMapper json;
  private final ReviewDecision review;
  private final RequestReconsideration reconsideration;
  private final IdentificationProgress progress;

  ScreeningApi(
      ScreeningQueries screenings,
      IdentificationQueries identification,
      ReferForIdentification refer,
      IdentificationConsent consent,
      DecideIdentification decisions,
      RecordRemoval removal,
      JsonMapper json,
      ReviewDecision review,
      RequestReconsideration reconsideration,
      IdentificationProgress progress) {
    this.review = review;
    this.reconsideration = reconsideration;
    this.progress = progress;
    this.screenings = screenings;
    this.identification = identification;
    this.refer = refer;
    this.consent = consent;
    this.decisions = decisions;
    this.removal = removal;
    this.json = json;
  }

  /** One screening in a list: no answers, nothing about the person. */
  record ScreeningItem(
      UUID id,
      ScreeningStatus status,
      String step,
      Instant createdAt,
      Instant updatedAt,
      String caseReference,
      String traffickingFinding,
      String smugglingFinding,
      String identificationStage) {}

  /** One page of screenings. */
  record ScreeningPage(
      List<ScreeningItem> items, int page, int size, long totalItems, ScreeningStatus status) {}

  /** A screening with its stored facts and assessment (contract JSON) and its identification. */
  record ScreeningResponse(
      UUID id,
      ScreeningStatus status,
      String step,
      String legalBasis,
      boolean consentGiven,
      String interviewLanguage,
      Boolean interpreterPresent,
      String variant,
      Instant createdAt,
      Instant updatedAt,
      Instant completedAt,
      String caseReference,
      Map<String, String> answers,
      String ruleSet,
      JsonNode facts,
      JsonNode assessment,
      IdentificationResponse identification) {}

  /** A formal identification and its decisions. */
  record IdentificationResponse(
      ProcedureStage stage,
      LocalDate referredOn,
      LocalDate reasonableGroundsDue,
      LocalDate reflectionEnds,
      LocalDate conclusiveGroundsDue,
      LocalDate dueOn,
      boolean overdue,
      TraffickingStatus traffickingStatus,
      LocalDate removalRecordedOn,
      List<DecisionResponse> decisions,
      LocalDate reconsiderationWindowEnds,
      List<ReconsiderationResponse> reconsiderations) {}

  /** A request for reconsideration and the decision that answered it (null while it runs). */
  record ReconsiderationResponse(
      UUID id,
      UUID decisionId,
      Reconsideration.Requester requestedBy,
      String representativeName,
      String grounds,
      LocalDate receivedOn,
      String recordedBy,
      LocalDate dueOn,
      UUID outcomeDecisionId) {}

  /**
   * A request for reconsideration of the negative decision that ended the procedure: who asked (the
   * person, or a representative on the person's behalf, then named), the grounds and the day it was
   * received.
   */
  record ReconsiderationRequest(
      Reconsideration.Requester requestedBy,
      String representativeName,
      String grounds,
      LocalDate receivedOn) {}

  /** Why the second reviewer returns a proposed decision. */
  record ReturnRequest(String reason) {}

  /** One decision. */
  record DecisionResponse(
      UUID id,
      DecisionKind kind,
      TraffickingStatus traffickingStatus,
      DecisionMakingOrg decidedByOrg,
      String grounds,
      String decidedBy,
      String authority,
      Instant decidedAt,
      LocalDate decidedOn,
      LocalDate dueOn,
      boolean late,
      DecisionKind.StandardOfProof standardOfProof,
      String secondReviewer,
      Decision.ReviewState reviewState,
      Instant reviewedAt,
      String returnReason,
      List<Evidence> evidence,
      String evidenceOther,
      boolean credibilityTraumaInformed,
      UUID supersedes,
      UUID supersededBy) {}

  /** Referral to a competent authority. */
  /**
   * A referral for identification: the authority and, for an adult, the consent (when given,
   * whether an interpreter was used).
   */
  record ReferralRequest(UUID authorityAgencyId, IdentificationConsent.Consent consent) {}

  /** An anonymous notification after an adult refused: no name, only what statistics need. */
  record NotificationRequest(IdentificationConsent.Exploitation exploitation, String country) {}

  /** A decision; {@code kind} may be left out to take the decision the procedure waits for. */
  record DecisionRequest(
      DecisionKind kind,
      TraffickingStatus traffickingStatus,
      DecisionMakingOrg decidedByOrg,
      String grounds,
      UUID secondReviewerId,
      Set<Evidence> evidence,
      String evidenceOther,
      Boolean credibilityTraumaInformed) {}

  /** A recorded removal. */
  record RemovalResponse(LocalDate removalRecordedOn) {}

  /** The authority's lists. */
  record AuthorityListsResponse(
      LocalDate today, List<ProcedureStore.Item> overdue, List<ProcedureStore.Item> open) {}

  @GetMapping("/screenings")
  @Operation(summary = "List your agency's screenings (drafts or completed), most recent first")
  ScreeningPage list(
      @RequestParam(defaultValue = "COMPLETED") ScreeningStatus status,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size) {
    PalermoPrincipal me = CurrentUser.get();
    List<ScreeningItem> items =
        screenings.page(me, status, page, size).stream().map(ScreeningApi::item).toList();
    return new ScreeningPage(items, page, size, screenings.count(me, status), status);
  }

  @GetMapping("/screenings/{id}")
  @Operation(
      summary = "Get one screening",
      description =
          "With its facts and assessment (the classification contract's JSON) once completed, and"
              + " its formal identification. Answers are returned to the agency holding the"
              + " screening only.")
  ScreeningResponse get(@PathVariable UUID id) {
    PalermoPrincipal me = CurrentUser.get();
    ScreeningQueries.Detail detail = screenings.get(me, id);
    Screening s = detail.screening();
    String ruleSet = null;
    JsonNode facts = null;
    JsonNode assessment = null;
    if (s.status() == ScreeningStatus.COMPLETED) {
      ScreeningStore.StoredAssessment stored = screenings.result(me, id).stored();
      ruleSet = stored.ruleSet();
      facts = json.readTree(stored.facts());
      assessment = json.readTree(stored.assessment());
    }
    return new ScreeningResponse(
        s.id(),
        s.status(),
        s.step().slug(),
        s.basis().legalBasis().name(),
        s.basis().consentGiven(),
        s.basis().interviewLanguage(),
        s.basis().interpreterPresent(),
        s.variant().name(),
        s.createdAt(),
        s.updatedAt(),
        s.completedAt(),
        detail.caseReference(),
        detail.owner() ? s.answers().values() : null,
        ruleSet,
        facts,
        assessment,
        identification(detail.procedure()));
  }

  @PostMapping("/screenings/{id}/referral")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Refer a completed screening to a competent authority for identification")
  IdentificationResponse refer(@PathVariable UUID id, @RequestBody ReferralRequest request) {
    PalermoPrincipal me = CurrentUser.get();
    refer.refer(
        me, new ReferForIdentification.Command(id, request.authorityAgencyId(), request.consent()));
    return identification(screenings.get(me, id).procedure());
  }

  @PostMapping("/screenings/{id}/anonymous-notification")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "The adult refused referral: make an anonymous, statistics-only notification",
      description =
          "Carries the agency, the month, the form of exploitation and the country; never a name,"
              + " the screening or a case (Modern Slavery Act 2015 s.52 Duty to Notify).")
  void notifyAnonymously(@PathVariable UUID id, @RequestBody NotificationRequest request) {
    consent.notifyAnonymously(
        CurrentUser.get(),
        id,
        new IdentificationConsent.NotificationCommand(request.exploitation(), request.country()));
  }

  @PostMapping("/screenings/{id}/decisions")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Record a reasonable-grounds or conclusive-grounds decision",
      description =
          "Competent-authority officers of the authority the screening was referred to only.")
  DecisionResponse decide(@PathVariable UUID id, @RequestBody DecisionRequest request) {
    PalermoPrincipal me = CurrentUser.get();
    DecisionKind kind = request.kind();
    if (kind == null) {
      IdentificationProcedure p = screenings.get(me, id).procedure();
      kind = p == null ? null : p.pendingDecision();
    }
    if (kind == null) {
      throw new PalermoException(
          ErrorCode.CONFLICT,
          IdentificationRefusal.DECISION_NOT_DUE,
          "No decision is awaited for this screening.");
    }
    DecisionCommand command =
        new DecisionCommand(
            id,
            request.traffickingStatus(),
            request.decidedByOrg(),
            request.grounds(),
            request.secondReviewerId(),
            request.evidence(),
            request.evidenceOther(),
            Boolean.TRUE.equals(request.credibilityTraumaInformed()));
    Decision d = decisions.decide(me, kind, command);
    return decision(d, null);
  }

  @PostMapping("/screenings/{id}/decisions/{decisionId}/confirmation")
  @Operation(
      summary = "Confirm (issue) a proposed negative decision",
      description =
          "The second reviewer named by the decider only, signed in as themselves: a"
              + " competent-authority officer of the same authority, not the decider. Refused 403"
              + " (NOT_THE_NAMED_REVIEWER, SECOND_REVIEWER_SAME) to anyone else.")
  DecisionResponse confirm(@PathVariable UUID id, @PathVariable UUID decisionId) {
    return decision(review.confirm(CurrentUser.get(), id, decisionId), null);
  }

  @PostMapping("/screenings/{id}/decisions/{decisionId}/return")
  @Operation(
      summary = "Return a proposed negative decision to its decider, with a reason",
      description = "The second reviewer named by the decider only. The decision is never issued.")
  DecisionResponse returnDecision(
      @PathVariable UUID id, @PathVariable UUID decisionId, @RequestBody ReturnRequest request) {
    return decision(
        review.returnToDecider(CurrentUser.get(), id, decisionId, request.reason()), null);
  }

  @PostMapping("/screenings/{id}/reconsiderations")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Record a request for reconsideration of the negative decision",
      description =
          "Reopens the procedure at the decision's stage with its own deadline; refused (409,"
              + " RECONSIDERATION_WINDOW_CLOSED) when received after the review window.")
  ReconsiderationResponse reconsider(
      @PathVariable UUID id, @RequestBody ReconsiderationRequest request) {
    return reconsideration(
        reconsideration.request(
            CurrentUser.get(),
            new RequestReconsideration.Command(
                id,
                request.requestedBy(),
                request.representativeName(),
                request.grounds(),
                request.receivedOn())));
  }

  @PostMapping("/screenings/{id}/removals")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Record that the person was removed today",
      description =
          "Refused (409, reason REMOVAL_BARRED) while identification is under way and during the"
              + " recovery and reflection period.")
  RemovalResponse recordRemoval(@PathVariable UUID id) {
    return new RemovalResponse(removal.record(CurrentUser.get(), new RecordRemoval.Command(id)));
  }

  @GetMapping("/identification/overdue")
  @Operation(summary = "Your authority's decisions past their deadline, and all awaited")
  AuthorityListsResponse overdue() {
    IdentificationQueries.AuthorityLists lists = identification.forAuthority(CurrentUser.get());
    return new AuthorityListsResponse(lists.today(), lists.overdue(), lists.open());
  }

  private IdentificationResponse identification(IdentificationProcedure p) {
    if (p == null) {
      return null;
    }
    LocalDate today = identification.today();
    return new IdentificationResponse(
        p.stage(),
        p.referredOn(),
        p.reasonableGroundsDue(),
        p.reflectionEnds(),
        p.conclusiveGroundsDue(),
        p.dueOn(),
        p.overdue(today),
        p.status(),
        p.removalRecordedOn(),
        p.decisions().stream().map(d -> decision(d, supersededBy(p, d))).toList(),
        p.reconsiderationWindowEnds(progress.reviewWindowDays()),
        p.reconsiderations().stream().map(ScreeningApi::reconsideration).toList());
  }

  private static UUID supersededBy(IdentificationProcedure p, Decision d) {
    return p.decisions().stream()
        .filter(x -> x.issued() && d.id().equals(x.supersedes()))
        .map(Decision::id)
        .findFirst()
        .orElse(null);
  }

  private static ReconsiderationResponse reconsideration(Reconsideration r) {
    return new ReconsiderationResponse(
        r.id(),
        r.decisionId(),
        r.requestedBy(),
        r.representativeName(),
        r.grounds(),
        r.receivedOn(),
        r.recordedByName(),
        r.dueOn(),
        r.outcomeDecisionId());
  }

  private static DecisionResponse decision(Decision d, UUID supersededBy) {
    return new DecisionResponse(
        d.id(),
        d.kind(),
        d.status(),
        d.decidedByOrg(),
        d.grounds(),
        d.decidedByName(),
        d.authorityName(),
        d.decidedAt(),
        d.decidedOn(),
        d.dueOn(),
        d.late(),
        d.standardOfProof(),
        d.reviewedByName(),
        d.reviewState(),
        d.reviewedAt(),
        d.returnReason(),
        d.evidence(),
        d.evidenceOther(),
        d.credibilityTraumaInformed(),
        d.supersedes(),
        supersededBy);
  }

  private static ScreeningItem item(ScreeningStore.Summary s) {
    return new ScreeningItem(
        s.id(),
        s.status(),
        s.step().slug(),
        s.createdAt(),
        s.updatedAt(),
        s.caseReference(),
        s.traffickingFinding(),
        s.smugglingFinding(),
        s.procedureStage());
  }
}
