package org.palermo.app.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.palermo.app.access.CurrentUser;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.CaseList;
import org.palermo.app.cases.CaseStatus;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.cases.application.CaseHistory;
import org.palermo.app.cases.application.CaseTasks;
import org.palermo.app.cases.application.CaseWork;
import org.palermo.app.cases.application.CaseWork.CaseView;
import org.palermo.app.cases.application.PersonRecords;
import org.palermo.app.cases.application.PersonView;
import org.palermo.app.cases.domain.ClosureReason;
import org.palermo.app.cases.domain.Transition;
import org.palermo.app.cases.persistence.Colleagues.Colleague;
import org.palermo.app.platform.DateMeaning;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.Idempotency;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.Plausible;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/cases}: the agency's cases, paged and filtered; one case with the person's
 * permitted fields and its ETag; lifecycle transitions and assignment ({@code PATCH}, If-Match);
 * the supervisor's decision; tasks, focal points and the timeline. A case of another agency is
 * answered 404, never 403: its existence is not revealed.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cases")
@SecurityRequirement(name = "token")
class CaseApi {
  private final CaseList cases;
  private final CaseWork work;
  private final CaseTasks tasks;
  private final CaseHistory history;
  private final Idempotency idempotency;
  private final JsonMapper json;

  CaseApi(
      CaseList cases,
      CaseWork work,
      CaseTasks tasks,
      CaseHistory history,
      Idempotency idempotency,
      JsonMapper json) {
    this.cases = cases;
    this.work = work;
    this.tasks = tasks;
    this.history = history;
    this.idempotency = idempotency;
    this.json = json;
  }

  /** One page of cases. */
  record CasePageResponse(
      List<CaseItem> items, int page, int size, long totalItems, long totalPages) {}

  /** One case in the list; the name is null when the caller may not read it. */
  record CaseItem(
      UUID id,
      String reference,
      CaseStatus status,
      Instant openedAt,
      boolean child,
      boolean assignedToMe,
      int overdueTasks,
      UUID personId,
      String givenName,
      String familyName) {}

  /** A user named on a case. */
  record UserRef(UUID id, String username, String displayName) {
    static UserRef of(Colleague c) {
      return c == null ? null : new UserRef(c.id(), c.username(), c.displayName());
    }
  }

  /** One case. */
  record CaseResponse(
      UUID id,
      String reference,
      CaseStatus status,
      int version,
      Instant openedAt,
      Instant closedAt,
      boolean child,
      UserRef assignedTo,
      List<UserRef> focalPoints,
      Transition pendingTransition,
      UserRef pendingBy,
      List<Transition> allowedTransitions,
      PersonView person,
      ClosureReason closureReason) {}

  /**
   * A change of a case: a lifecycle transition, an assignment, or both. Closing ({@code CLOSE})
   * needs {@code closureReason}, and a {@code closureNote} when the reason is {@code OTHER} (issue
   * 14 item 10); the note is kept as a sealed case note.
   */
  record CasePatch(
      Transition transition,
      UUID assignedTo,
      Boolean unassign,
      ClosureReason closureReason,
      String closureNote) {}

  /** A supervisor's decision on the pending transition. */
  record Decision(Boolean approve) {}

  /** Opening a case for a known person. */
  record NewCase(UUID personId) {}

  /** What opening created. */
  record Created(UUID personId, UUID caseId, String reference) {}

  /** A new task. */
  record NewTask(String title, @Plausible(DateMeaning.DUE) LocalDate dueOn, UUID assignee) {}

  /** The created task's id. */
  record TaskCreated(UUID id) {}

  /** Tasks. */
  record TaskList(List<CaseTasks.TaskView> items) {}

  /** The timeline. */
  record Timeline(List<CaseTimeline.Entry> items) {}

  @GetMapping("/cases")
  @Operation(summary = "List the cases of your agency, newest first, with filters")
  CasePageResponse list(
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size,
      @RequestParam(required = false) CaseStatus status,
      @RequestParam(required = false) Boolean child,
      @RequestParam(defaultValue = "false") boolean assignedToMe,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(required = false) String name) {
    CaseList.Listing p =
        cases.search(
            CurrentUser.get(),
            new CaseList.Filter(status, child, assignedToMe, overdue, name),
            page,
            size);
    return new CasePageResponse(
        p.items().stream()
            .map(
                c ->
                    new CaseItem(
                        c.id(),
                        c.reference(),
                        c.status(),
                        c.openedAt(),
                        c.child(),
                        c.assignedToMe(),
                        c.overdueTasks(),
                        c.givenName() == null ? null : c.personId(),
                        c.givenName(),
                        c.familyName()))
            .toList(),
        p.page(),
        p.size(),
        p.totalItems(),
        p.totalPages());
  }

  @PostMapping(path = "/cases", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Open a new case for a person already registered (Idempotency-Key)")
  ResponseEntity<String> open(
      @RequestBody String body,
      @RequestHeader(name = "Idempotency-Key", required = false) String key) {
    PalermoPrincipal who = CurrentUser.get();
    NewCase c = parse(body, NewCase.class);
    if (c.personId() == null) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "personId is required.",
          java.util.Map.of("field", "personId"));
    }
    return Replies.of(
        idempotency.run(
            who.userId(),
            key,
            Idempotency.fingerprint("POST", "/api/v1/cases", body),
            () -> {
              PersonRecords.Registered r = work.openFor(who, c.personId());
              return new Idempotency.Reply(
                  201,
                  "/api/v1/cases/" + r.caseId(),
                  json.writeValueAsString(new Created(r.personId(), r.caseId(), r.reference())));
            }));
  }

  @GetMapping("/cases/{id}")
  @Operation(summary = "One case with the person's fields you may read; ETag for If-Match")
  ResponseEntity<CaseResponse> get(@PathVariable UUID id) {
    CaseView v = work.view(CurrentUser.get(), id);
    return ResponseEntity.ok().eTag(ETags.of(v.version())).body(response(v));
  }

  @PatchMapping(path = "/cases/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Move the case in its lifecycle and/or assign it",
      description =
          "If-Match is required; a stale or missing one gets 412. An illegal move"
              + " gets 409 with reason ILLEGAL_TRANSITION.")
  ResponseEntity<CaseResponse> patch(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody CasePatch patch) {
    PalermoPrincipal who = CurrentUser.get();
    int version = ETags.required(ifMatch);
    if (patch.assignedTo() != null || Boolean.TRUE.equals(patch.unassign())) {
      version = work.assign(who, id, patch.assignedTo(), version);
    }
    if (patch.transition() == Transition.CLOSE) {
      work.close(who, id, patch.closureReason(), patch.closureNote(), version);
    } else if (patch.transition() != null) {
      work.transition(who, id, patch.transition(), version);
    }
    return get(id);
  }

  @PostMapping(path = "/cases/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "A case supervisor approves or rejects the pending transition (If-Match)")
  ResponseEntity<CaseResponse> decide(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody Decision decision) {
    int version = ETags.required(ifMatch);
    if (decision.approve() == null) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "approve is required.",
          java.util.Map.of("field", "approve"));
    }
    work.decide(CurrentUser.get(), id, decision.approve(), version);
    return get(id);
  }

  @PutMapping("/cases/{id}/focal-points/{userId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Name a focal point of the case")
  void addFocalPoint(@PathVariable UUID id, @PathVariable UUID userId) {
    work.addFocalPoint(CurrentUser.get(), id, userId);
  }

  @DeleteMapping("/cases/{id}/focal-points/{userId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a focal point of the case")
  void removeFocalPoint(@PathVariable UUID id, @PathVariable UUID userId) {
    work.removeFocalPoint(CurrentUser.get(), id, userId);
  }

  @GetMapping("/cases/{id}/tasks")
  @Operation(summary = "The tasks of a case")
  TaskList tasks(@PathVariable UUID id) {
    return new TaskList(tasks.of(CurrentUser.get(), id));
  }

  @PostMapping(path = "/cases/{id}/tasks", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a task with a due date")
  TaskCreated addTask(@PathVariable UUID id, @RequestBody @jakarta.validation.Valid NewTask task) {
    return new TaskCreated(
        tasks.add(CurrentUser.get(), id, task.title(), task.dueOn(), task.assignee()));
  }

  @PostMapping("/cases/{id}/tasks/{taskId}/completion")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Complete a task")
  void complete(@PathVariable UUID id, @PathVariable UUID taskId) {
    tasks.complete(CurrentUser.get(), id, taskId);
  }

  @GetMapping("/tasks/overdue")
  @Operation(summary = "Open tasks past their due date on your agency's cases")
  TaskList overdue() {
    return new TaskList(tasks.overdue(CurrentUser.get()));
  }

  @GetMapping("/cases/{id}/timeline")
  @Operation(summary = "The timeline of a case, oldest first")
  Timeline timeline(@PathVariable UUID id) {
    return new Timeline(history.of(CurrentUser.get(), id));
  }

  private static CaseResponse response(CaseView v) {
    return new CaseResponse(
        v.id(),
        v.reference(),
        v.status(),
        v.version(),
        v.openedAt(),
        v.closedAt(),
        v.person().child(),
        UserRef.of(v.assignedTo()),
        v.focalPoints().stream().map(UserRef::of).toList(),
        v.pending(),
        UserRef.of(v.pendingBy()),
        v.transitions(),
        v.person(),
        v.closureReason());
  }

  private <T> T parse(String body, Class<T> type) {
    try {
      return json.readValue(body, type);
    } catch (JacksonException e) {
      throw new PalermoException(ErrorCode.MALFORMED_REQUEST, "The request body is not valid.");
    }
  }
}
