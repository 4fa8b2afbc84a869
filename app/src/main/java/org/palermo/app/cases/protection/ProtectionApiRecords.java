package org.palermo.app.cases.protection;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.palermo.app.cases.domain.Cooperation;
import org.palermo.app.cases.protection.AgeAssessments.AgeOutcome;
import org.palermo.app.cases.protection.AgeAssessments.Method;
import org.palermo.app.cases.protection.AsylumDecisions.DecisionOutcome;
import org.palermo.app.cases.protection.ChildSafeguards.Kind;
import org.palermo.app.cases.protection.CriminalProceedings.Role;
import org.palermo.app.cases.protection.PersonProtection.Reason;
import org.palermo.app.cases.protection.Residence.PermitKind;
import org.palermo.app.cases.protection.ReturnConditions.ReturnKind;
import org.palermo.app.platform.DateMeaning;
import org.palermo.app.platform.Plausible;

/**
 * The request and response bodies of {@link ProtectionApi} (issue #12 §4): the API's own records,
 * so that a change to a service's commands or views does not change the JSON by accident, and the
 * shape of each field (length, date plausibility) is checked at the edge by Bean Validation, as a
 * 400 problem with {@code field} and {@code reason}. The rules themselves (what is required, what
 * the law refuses) stay in the services, which answer with their own reasons. Field names are those
 * the API had before, so that clients keep working.
 */
final class ProtectionApiRecords {
  private ProtectionApiRecords() {}

  // ---- requests ----

  /** Appoint a guardian (CoE Convention art. 10(4); Directive 2011/36/EU art. 14(2)). */
  record GuardianRequest(
      @Size(max = 200) String guardianName,
      @Size(max = 200) String organisation,
      @Size(max = 200) String authority,
      @Plausible(DateMeaning.HAPPENED) LocalDate appointedOn,
      UUID guardianAgencyId,
      @Size(max = 200) String guardianUsername,
      @Size(max = 500) String contact) {
    ChildSafeguards.GuardianCommand command() {
      return new ChildSafeguards.GuardianCommand(
          guardianName,
          organisation,
          authority,
          appointedOn,
          guardianAgencyId,
          guardianUsername,
          contact);
    }
  }

  /** A best-interests assessment or determination (UNCRC art. 3). */
  record BestInterestsRequest(
      Kind kind,
      @Plausible(DateMeaning.HAPPENED) LocalDate doneOn,
      @Size(max = 200) String conductedBy,
      Boolean childHeard,
      BestInterestsOutcome outcome,
      @Size(max = 4000) String summary) {
    ChildSafeguards.BestInterestsCommand command() {
      return new ChildSafeguards.BestInterestsCommand(
          kind, doneOn, conductedBy, childHeard, outcome, summary);
    }
  }

  /** An age assessment (CoE Convention art. 10(3); Directive 2011/36/EU art. 13(2)). */
  record AgeAssessmentRequest(
      @Plausible(DateMeaning.HAPPENED) LocalDate assessedOn,
      @Size(max = 200) String assessedBy,
      Method method,
      Boolean multidisciplinary,
      Boolean benefitOfDoubt,
      Boolean informedOfRightToChallenge,
      AgeOutcome outcome,
      @Plausible(DateMeaning.BIRTH) LocalDate assessedBirthDate) {
    AgeAssessments.AgeAssessmentCommand command() {
      return new AgeAssessments.AgeAssessmentCommand(
          assessedOn,
          assessedBy,
          method,
          multidisciplinary,
          benefitOfDoubt,
          informedOfRightToChallenge,
          outcome,
          assessedBirthDate);
    }
  }

  /** An asylum decision; {@code final} in JSON. */
  record AsylumDecisionRequest(
      DecisionOutcome outcome,
      @Plausible(DateMeaning.HAPPENED) LocalDate decidedOn,
      @Size(max = 200) String authority,
      @JsonProperty("final") Boolean isFinal) {
    AsylumDecisions.DecisionCommand command() {
      return new AsylumDecisions.DecisionCommand(outcome, decidedOn, authority, isFinal);
    }
  }

  /** Criminal proceedings in which the person is a victim or witness. */
  record ProceedingRequest(Role role, @Plausible(DateMeaning.HAPPENED) LocalDate openedOn) {
    CriminalProceedings.ProceedingCommand command() {
      return new CriminalProceedings.ProceedingCommand(role, openedOn);
    }
  }

  /** The risk on return, with its sources (the non-refoulement check). */
  record RiskRequest(
      @Size(max = 2) String destinationCountry,
      @Plausible(DateMeaning.HAPPENED) LocalDate assessedOn,
      Boolean riskToLifeOrFreedom,
      Boolean riskOfTorture,
      Boolean riskOfSeriousHarm,
      Boolean riskOfRetrafficking,
      @Size(max = 2000) String sources) {
    Returns.RiskCommand command() {
      return new Returns.RiskCommand(
          destinationCountry,
          assessedOn,
          riskToLifeOrFreedom,
          riskOfTorture,
          riskOfSeriousHarm,
          riskOfRetrafficking,
          sources);
    }
  }

  /** A return (planned or done). */
  record RecordReturnRequest(
      ReturnKind kind,
      @Size(max = 2) String destinationCountry,
      LocalDate returnOn,
      Boolean freeChoice,
      Boolean informedDecision) {
    Returns.ReturnCommand command() {
      return new Returns.ReturnCommand(
          kind, destinationCountry, returnOn, freeChoice, informedDecision);
    }
  }

  /** A reintegration follow-up with its due date. */
  record FollowUpRequest(
      @Size(max = 500) String description, @Plausible(DateMeaning.DUE) LocalDate dueOn) {
    Returns.FollowUpCommand command() {
      return new Returns.FollowUpCommand(description, dueOn);
    }
  }

  /** A residence permit or the recovery and reflection period. */
  record PermitRequest(PermitKind kind, LocalDate validFrom, LocalDate validTo) {
    Residence.PermitCommand command() {
      return new Residence.PermitCommand(kind, validFrom, validTo);
    }
  }

  /** Where cooperation with the authorities stands: information only. */
  record CooperationRequest(Cooperation status) {}

  // ---- responses ----

  /** The id of what was recorded. */
  record Created(UUID id) {}

  /** Criminal proceedings recorded as ended today. */
  record Closed(UUID id, boolean closed) {}

  /** A follow-up marked done today. */
  record Done(UUID id, boolean done) {}

  /** Where cooperation stands after recording it. */
  record CooperationResponse(Cooperation status) {}

  record BestInterestsResponse(
      UUID id,
      Kind kind,
      LocalDate doneOn,
      String conductedBy,
      UUID guardianId,
      boolean childHeard,
      BestInterestsOutcome outcome,
      String summary) {
    static BestInterestsResponse of(ChildSafeguards.BestInterests b) {
      return new BestInterestsResponse(
          b.id(),
          b.kind(),
          b.doneOn(),
          b.conductedBy(),
          b.guardianId(),
          b.childHeard(),
          b.outcome(),
          b.summary());
    }
  }

  /** The child record: guardians and best-interests assessments and determinations. */
  record ChildResponse(
      UUID caseId,
      String reference,
      boolean child,
      boolean ageDisputed,
      boolean unaccompanied,
      boolean exploitedByParentOrCaregiver,
      boolean guardianMissing,
      // The guardian is the domain's own record (one owner per fact): its JSON is its components.
      List<ChildSafeguards.Guardian> guardians,
      List<BestInterestsResponse> bestInterests) {
    static ChildResponse of(ChildSafeguards.ChildRecord r) {
      return new ChildResponse(
          r.caseId(),
          r.reference(),
          r.child(),
          r.ageDisputed(),
          r.unaccompanied(),
          r.exploitedByParentOrCaregiver(),
          r.guardianMissing(),
          r.guardians(),
          r.bestInterests().stream().map(BestInterestsResponse::of).toList());
    }
  }

  record AgeAssessmentResponse(
      UUID id,
      LocalDate assessedOn,
      String assessedBy,
      Method method,
      boolean multidisciplinary,
      boolean benefitOfDoubt,
      boolean informedOfRightToChallenge,
      AgeOutcome outcome,
      String recordedBy) {
    static AgeAssessmentResponse of(AgeAssessments.AgeAssessment a) {
      return new AgeAssessmentResponse(
          a.id(),
          a.assessedOn(),
          a.assessedBy(),
          a.method(),
          a.multidisciplinary(),
          a.benefitOfDoubt(),
          a.informedOfRightToChallenge(),
          a.outcome(),
          a.recordedBy());
    }
  }

  /** The age assessments of a case and whether the age is still disputed. */
  record AgeResponse(
      UUID caseId, boolean child, boolean ageDisputed, List<AgeAssessmentResponse> assessments) {
    static AgeResponse of(AgeAssessments.AgeRecord r) {
      return new AgeResponse(
          r.caseId(),
          r.child(),
          r.ageDisputed(),
          r.assessments().stream().map(AgeAssessmentResponse::of).toList());
    }
  }

  /** One ground that protects the person, with its article and last day. */
  record GroundResponse(Reason reason, String article, LocalDate until) {
    static GroundResponse of(PersonProtection.Ground g) {
      return new GroundResponse(g.reason(), g.article(), g.until());
    }
  }

  /** The person's one protection status. */
  record ProtectionStatusResponse(
      UUID caseId,
      LocalDate today,
      boolean protects,
      boolean removalAllowed,
      boolean voluntaryReturnAllowed,
      List<GroundResponse> grounds,
      LocalDate riskAssessedOn) {
    static ProtectionStatusResponse of(ReturnGate.View v) {
      return new ProtectionStatusResponse(
          v.caseId(),
          v.today(),
          v.protects(),
          v.removalAllowed(),
          v.voluntaryReturnAllowed(),
          v.grounds().stream().map(GroundResponse::of).toList(),
          v.riskAssessedOn());
    }
  }

  /** An asylum decision; {@code final} in JSON. */
  record AsylumDecisionResponse(
      UUID id,
      DecisionOutcome outcome,
      LocalDate decidedOn,
      String authority,
      @JsonProperty("final") boolean isFinal) {
    static AsylumDecisionResponse of(AsylumDecisions.Decision d) {
      return new AsylumDecisionResponse(
          d.id(), d.outcome(), d.decidedOn(), d.authority(), d.isFinal());
    }
  }

  record RiskAssessmentResponse(
      UUID id,
      String destinationCountry,
      LocalDate assessedOn,
      boolean riskToLifeOrFreedom,
      boolean riskOfTorture,
      boolean riskOfSeriousHarm,
      boolean riskOfRetrafficking,
      String sources) {
    static RiskAssessmentResponse of(Returns.RiskAssessment r) {
      return new RiskAssessmentResponse(
          r.id(),
          r.destinationCountry(),
          r.assessedOn(),
          r.riskToLifeOrFreedom(),
          r.riskOfTorture(),
          r.riskOfSeriousHarm(),
          r.riskOfRetrafficking(),
          r.sources());
    }
  }

  record ReturnResponse(
      UUID id,
      ReturnKind kind,
      String destinationCountry,
      LocalDate returnOn,
      UUID riskAssessmentId,
      Boolean freeChoice,
      Boolean informedDecision) {
    static ReturnResponse of(Returns.Return r) {
      return new ReturnResponse(
          r.id(),
          r.kind(),
          r.destinationCountry(),
          r.returnOn(),
          r.riskAssessmentId(),
          r.freeChoice(),
          r.informedDecision());
    }
  }

  record FollowUpResponse(UUID id, String description, LocalDate dueOn, LocalDate doneOn) {
    static FollowUpResponse of(Returns.FollowUp f) {
      return new FollowUpResponse(f.id(), f.description(), f.dueOn(), f.doneOn());
    }
  }

  /** Risk assessments, returns and the reintegration follow-ups of a case. */
  record ReturnsResponse(
      UUID caseId,
      String reference,
      boolean child,
      LocalDate today,
      List<RiskAssessmentResponse> assessments,
      List<ReturnResponse> returns,
      List<FollowUpResponse> followUps) {
    static ReturnsResponse of(Returns.ReturnRecord r) {
      return new ReturnsResponse(
          r.caseId(),
          r.reference(),
          r.child(),
          r.today(),
          r.assessments().stream().map(RiskAssessmentResponse::of).toList(),
          r.returns().stream().map(ReturnResponse::of).toList(),
          r.followUps().stream().map(FollowUpResponse::of).toList());
    }
  }

  record PermitResponse(
      UUID id,
      PermitKind kind,
      LocalDate validFrom,
      LocalDate validTo,
      long daysLeft,
      boolean expiringSoon) {
    static PermitResponse of(Residence.Permit p) {
      return new PermitResponse(
          p.id(), p.kind(), p.validFrom(), p.validTo(), p.daysLeft(), p.expiringSoon());
    }
  }

  /** One statement on the case's cooperation record. */
  record CooperationStatementResponse(Cooperation status, String recordedBy, Instant recordedAt) {
    static CooperationStatementResponse of(Cooperation.Statement s) {
      return new CooperationStatementResponse(s.status(), s.recordedBy(), s.recordedAt());
    }
  }

  /** Permits and periods with days left, and where cooperation stands with its history. */
  record ResidenceResponse(
      UUID caseId,
      String reference,
      LocalDate today,
      int reminderDays,
      List<PermitResponse> permits,
      Cooperation cooperation,
      List<CooperationStatementResponse> cooperationHistory) {
    static ResidenceResponse of(Residence.ResidenceRecord r) {
      return new ResidenceResponse(
          r.caseId(),
          r.reference(),
          r.today(),
          r.reminderDays(),
          r.permits().stream().map(PermitResponse::of).toList(),
          r.cooperation(),
          r.cooperationHistory().stream().map(CooperationStatementResponse::of).toList());
    }
  }

  /** A permit about to end, on the agency's list. */
  record ExpiringResponse(
      UUID caseId, String reference, PermitKind kind, LocalDate validTo, long daysLeft) {
    static ExpiringResponse of(Residence.Expiring e) {
      return new ExpiringResponse(e.caseId(), e.reference(), e.kind(), e.validTo(), e.daysLeft());
    }
  }
}
