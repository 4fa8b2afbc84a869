package org.palermo.app.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/privacy}: subject access export, erasure requests and legal holds (the DPO). */
@RestController
@Tag(name = "Data protection")
@SecurityRequirement(name = "token")
class PrivacyApi {
  private final SubjectAccess subjectAccess;
  private final Erasures erasures;

  PrivacyApi(SubjectAccess subjectAccess, Erasures erasures) {
    this.subjectAccess = subjectAccess;
    this.erasures = erasures;
  }

  @GetMapping(
      value = "/api/v1/privacy/cases/{caseId}/export",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Everything held on the person of a case (data-subject access, DPO)")
  String export(@PathVariable UUID caseId) {
    return subjectAccess.exportCase(CurrentUser.get(), caseId);
  }

  @PostMapping("/api/v1/privacy/cases/{caseId}/erasure-requests")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record the person's request to erase their data")
  Created request(@PathVariable UUID caseId, @RequestBody ReasonRequest r) {
    return new Created(erasures.request(CurrentUser.get(), caseId, r.reason()));
  }

  @GetMapping("/api/v1/privacy/erasure-requests")
  @Operation(summary = "Erasure requests of your agency (DPO)")
  List<RequestResponse> requests() {
    return erasures.requests(CurrentUser.get()).stream()
        .map(
            q ->
                new RequestResponse(
                    q.id(), q.caseId(), q.status(), q.requestedAt(), q.decisionNote(), q.held()))
        .toList();
  }

  @PostMapping("/api/v1/privacy/erasure-requests/{id}/decision")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Decide an erasure request: erase (unless a legal hold blocks it) or refuse")
  void decide(@PathVariable UUID id, @RequestBody DecisionRequest r) {
    erasures.decide(CurrentUser.get(), id, r.erase(), r.note());
  }

  @PostMapping("/api/v1/privacy/cases/{caseId}/legal-holds")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Place a legal hold that blocks erasure and retention (DPO)")
  Created hold(@PathVariable UUID caseId, @RequestBody ReasonRequest r) {
    return new Created(erasures.hold(CurrentUser.get(), caseId, r.reason()));
  }

  @PostMapping("/api/v1/privacy/legal-holds/{id}/release")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Release a legal hold (DPO)")
  void release(@PathVariable UUID id) {
    erasures.release(CurrentUser.get(), id);
  }

  record ReasonRequest(String reason) {}

  record DecisionRequest(boolean erase, String note) {}

  record Created(UUID id) {}

  record RequestResponse(
      UUID id,
      UUID caseId,
      String status,
      Instant requestedAt,
      String decisionNote,
      boolean held) {}
}
