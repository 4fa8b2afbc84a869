package org.palermo.app.cases.protection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.palermo.app.access.CurrentUser;
import org.palermo.app.cases.protection.ProtectionApiRecords.AgeAssessmentRequest;
import org.palermo.app.cases.protection.ProtectionApiRecords.AgeResponse;
import org.palermo.app.cases.protection.ProtectionApiRecords.AsylumDecisionRequest;
import org.palermo.app.cases.protection.ProtectionApiRecords.AsylumDecisionResponse;
import org.palermo.app.cases.protection.ProtectionApiRecords.BestInterestsRequest;
import org.palermo.app.cases.protection.ProtectionApiRecords.ChildResponse;
import org.palermo.app.cases.protection.ProtectionApiRecords.Closed;
import org.palermo.app.cases.protection.ProtectionApiRecords.CooperationRequest;
import org.palermo.app.cases.protection.ProtectionApiRecords.CooperationResponse;
import org.palermo.app.cases.protection.ProtectionApiRecords.Created;
import org.palermo.app.cases.protection.ProtectionApiRecords.Done;
import org.palermo.app.cases.protection.ProtectionApiRecords.ExpiringResponse;
import org.palermo.app.cases.protection.ProtectionApiRecords.FollowUpRequest;
import org.palermo.app.cases.protection.ProtectionApiRecords.GuardianRequest;
import org.palermo.app.cases.protection.ProtectionApiRecords.PermitRequest;
import org.palermo.app.cases.protection.ProtectionApiRecords.ProceedingRequest;
import org.palermo.app.cases.protection.ProtectionApiRecords.ProtectionStatusResponse;
import org.palermo.app.cases.protection.ProtectionApiRecords.RecordReturnRequest;
import org.palermo.app.cases.protection.ProtectionApiRecords.ResidenceResponse;
import org.palermo.app.cases.protection.ProtectionApiRecords.ReturnsResponse;
import org.palermo.app.cases.protection.ProtectionApiRecords.RiskRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/cases/{id}/guardian}, {@code /best-interests}, {@code /returns} and {@code
 * /residence}, and {@code /api/v1/residence/expiring}: the child safeguards, return and residence
 * records through the same services, access policy and audit as the pages.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Child protection, return and residence")
@SecurityRequirement(name = "token")
class ProtectionApi {
  private final ChildSafeguards children;
  private final AgeAssessments ages;
  private final Returns returns;
  private final Residence residence;
  private final ReturnGate gate;
  private final CriminalProceedings proceedings;
  private final AsylumDecisions asylum;

  ProtectionApi(
      ChildSafeguards children,
      AgeAssessments ages,
      Returns returns,
      Residence residence,
      ReturnGate gate,
      CriminalProceedings proceedings,
      AsylumDecisions asylum) {
    this.asylum = asylum;
    this.gate = gate;
    this.proceedings = proceedings;
    this.children = children;
    this.ages = ages;
    this.returns = returns;
    this.residence = residence;
  }

  @GetMapping({"/cases/{id}/guardian", "/cases/{id}/best-interests"})
  @Operation(summary = "The child record: guardians and best-interests assessments/determinations")
  ChildResponse child(@PathVariable UUID id) {
    return ChildResponse.of(children.view(CurrentUser.get(), id));
  }

  @PostMapping("/cases/{id}/guardian")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record a guardian appointment (who, by which authority, since when)")
  Created appoint(@PathVariable UUID id, @RequestBody @Valid GuardianRequest body) {
    return new Created(children.appointGuardian(CurrentUser.get(), id, body.command()));
  }

  @PostMapping("/cases/{id}/best-interests")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record a best-interests assessment (BIA) or determination (BID)")
  Created bestInterests(@PathVariable UUID id, @RequestBody @Valid BestInterestsRequest body) {
    return new Created(children.recordBestInterests(CurrentUser.get(), id, body.command()));
  }

  @GetMapping("/cases/{id}/age-assessments")
  @Operation(summary = "The age assessments of the case and whether the age is still disputed")
  AgeResponse ageAssessments(@PathVariable UUID id) {
    return AgeResponse.of(ages.view(CurrentUser.get(), id));
  }

  @PostMapping("/cases/{id}/age-assessments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Record an age assessment",
      description =
          "Who, method, multidisciplinary, benefit of the doubt, right to challenge told, outcome."
              + " Only a CHILD or ADULT outcome ends an age dispute (CoE Convention art. 10(3));"
              + " until then the person is treated as a child.")
  Created ageAssessment(@PathVariable UUID id, @RequestBody @Valid AgeAssessmentRequest body) {
    return new Created(ages.record(CurrentUser.get(), id, body.command()));
  }

  @GetMapping("/cases/{id}/protection-status")
  @Operation(
      summary = "The person's one protection status",
      description =
          "Everything that protects the person of the case from removal or return, over all"
              + " their cases and identification procedures, each with its article and last day.")
  ProtectionStatusResponse protectionStatus(@PathVariable UUID id) {
    return ProtectionStatusResponse.of(gate.view(CurrentUser.get(), id));
  }

  @GetMapping("/persons/{id}/protection-status")
  @Operation(summary = "The person's one protection status, by person")
  ProtectionStatusResponse personProtectionStatus(@PathVariable UUID id) {
    return ProtectionStatusResponse.of(gate.viewPerson(CurrentUser.get(), id));
  }

  @GetMapping("/cases/{id}/asylum-decisions")
  @Operation(summary = "The asylum decisions recorded on the case")
  List<AsylumDecisionResponse> asylumDecisions(@PathVariable UUID id) {
    return asylum.of(CurrentUser.get(), id).stream().map(AsylumDecisionResponse::of).toList();
  }

  @PostMapping("/cases/{id}/asylum-decisions")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Record an asylum decision",
      description =
          "The only way the person's protection status leaves asylum seeker, refugee or"
              + " complementary protection; a rejection that is not final keeps the person an"
              + " asylum seeker (Directive 2013/32/EU art. 46(5)).")
  Created asylumDecision(@PathVariable UUID id, @RequestBody @Valid AsylumDecisionRequest body) {
    return new Created(asylum.record(CurrentUser.get(), id, body.command()));
  }

  @PostMapping("/cases/{id}/criminal-proceedings")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Record criminal proceedings in which the person is a victim or witness",
      description = "While open, no removal is recorded (TIP Protocol art. 8(2)).")
  Created proceeding(@PathVariable UUID id, @RequestBody @Valid ProceedingRequest body) {
    return new Created(proceedings.record(CurrentUser.get(), id, body.command()));
  }

  @PostMapping("/cases/{id}/criminal-proceedings/{proceedingId}/closed")
  @Operation(summary = "Record that the proceedings ended today")
  Closed proceedingClosed(@PathVariable UUID id, @PathVariable UUID proceedingId) {
    proceedings.close(CurrentUser.get(), id, proceedingId);
    return new Closed(proceedingId, true);
  }

  @GetMapping("/cases/{id}/returns")
  @Operation(summary = "Risk assessments, returns and the reintegration follow-ups")
  ReturnsResponse returns(@PathVariable UUID id) {
    return ReturnsResponse.of(returns.view(CurrentUser.get(), id));
  }

  @PostMapping("/cases/{id}/returns/risk-assessments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Document the risk on return (the non-refoulement check), with sources")
  Created risk(@PathVariable UUID id, @RequestBody @Valid RiskRequest body) {
    return new Created(returns.assessRisk(CurrentUser.get(), id, body.command()));
  }

  @PostMapping("/cases/{id}/returns")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Record a return",
      description =
          "Refused (409, with reason and reasons) without a risk assessment for the destination,"
              + " when the person's protection status protects them (reason, article), when a"
              + " risk is found, for an assisted voluntary return without free choice and"
              + " an informed decision, and for a child without guardian, assessment or a"
              + " determination deciding return.")
  Created recordReturn(@PathVariable UUID id, @RequestBody @Valid RecordReturnRequest body) {
    return new Created(returns.recordReturn(CurrentUser.get(), id, body.command()));
  }

  @PostMapping("/cases/{id}/returns/follow-ups")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Plan a reintegration follow-up with its due date")
  Created followUp(@PathVariable UUID id, @RequestBody @Valid FollowUpRequest body) {
    return new Created(returns.addFollowUp(CurrentUser.get(), id, body.command()));
  }

  @PostMapping("/cases/{id}/returns/follow-ups/{followUpId}/done")
  @Operation(summary = "Mark a follow-up done today")
  Done followUpDone(@PathVariable UUID id, @PathVariable UUID followUpId) {
    returns.followUpDone(CurrentUser.get(), id, followUpId);
    return new Done(followUpId, true);
  }

  @GetMapping("/cases/{id}/residence")
  @Operation(summary = "Residence permits and reflection periods of the case")
  ResidenceResponse residence(@PathVariable UUID id) {
    return ResidenceResponse.of(residence.view(CurrentUser.get(), id));
  }

  @PostMapping("/cases/{id}/residence")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record a residence permit or reflection period (type, from, to)")
  Created permit(@PathVariable UUID id, @RequestBody @Valid PermitRequest body) {
    return new Created(residence.addPermit(CurrentUser.get(), id, body.command()));
  }

  @PostMapping("/cases/{id}/cooperation")
  @Operation(
      summary = "Record whether the person cooperates with the authorities",
      description = "Information only: no referral, shelter or residence step depends on it.")
  CooperationResponse cooperation(@PathVariable UUID id, @RequestBody CooperationRequest body) {
    residence.recordCooperation(CurrentUser.get(), id, body == null ? null : body.status());
    return new CooperationResponse(body.status());
  }

  @GetMapping("/residence/expiring")
  @Operation(summary = "The agency's permits and periods ending within the reminder window")
  List<ExpiringResponse> expiring() {
    return residence.expiringSoon(CurrentUser.get()).stream().map(ExpiringResponse::of).toList();
  }
}
