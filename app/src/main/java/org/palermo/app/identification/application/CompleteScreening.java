package org.palermo.app.identification.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.identification.ClassificationContract;
import org.palermo.app.identification.persistence.FactsJson;
import org.palermo.app.identification.persistence.ScreeningStore;
import org.palermo.app.identification.screening.Questionnaire;
import org.palermo.app.identification.screening.Screening;
import org.palermo.app.identification.screening.ScreeningRefused;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.law.Assessment;
import org.palermo.law.Facts;
import org.palermo.law.Problem;
import org.palermo.law.engine.Classifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Completes a screening: turns the answers into facts, classifies them, and stores the assessment
 * with its rule-set version and the facts (both as the JSON of the classification contract), and
 * optionally links the screening to a case of the agency. The screening is read-only afterwards.
 */
@Service
public class CompleteScreening {
  private final Screenings screenings;
  private final ScreeningStore store;
  private final Questionnaire questionnaire;
  private final Classifier classifier;
  private final ClassificationContract contract;
  private final CaseLookup cases;
  private final JsonMapper json;
  private final IdentificationAudit audit;
  private final CaseTimeline timeline;
  private final Clock clock;
  private final StatusReport status;

  CompleteScreening(
      Screenings screenings,
      ScreeningStore store,
      Questionnaire questionnaire,
      Classifier classifier,
      ClassificationContract contract,
      CaseLookup cases,
      JsonMapper json,
      IdentificationAudit audit,
      CaseTimeline timeline,
      Clock clock,
      StatusReport status) {
    this.status = status;
    this.screenings = screenings;
    this.store = store;
    this.questionnaire = questionnaire;
    this.classifier = classifier;
    this.contract = contract;
    this.cases = cases;
    this.json = json;
    this.audit = audit;
    this.timeline = timeline;
    this.clock = clock;
  }

  /** The screening to complete, an optional case reference, and the version shown. */
  public record Command(UUID screeningId, String caseReference, Integer expectedVersion) {
    public Command {
      Objects.requireNonNull(screeningId, "screeningId");
      caseReference =
          caseReference == null || caseReference.isBlank() ? null : caseReference.strip();
      if (caseReference != null && caseReference.length() > 40) {
        throw caseNotFound();
      }
    }
  }

  @Transactional
  public Assessment complete(PalermoPrincipal who, Command command) {
    Screening screening =
        screenings
            .owned(who, command.screeningId(), "identification.screening.complete")
            .screening();
    SaveScreeningStep.checkVersion(screening, command.expectedVersion());
    UUID caseId = null;
    if (command.caseReference() != null) {
      caseId =
          cases
              .byReference(who, command.caseReference())
              .orElseThrow(CompleteScreening::caseNotFound)
              .id();
    }
    Facts facts = screening.facts(questionnaire);
    List<Problem> problems = classifier.validate(facts);
    if (!problems.isEmpty()) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "The answers contradict each other: " + problems.get(0).code(),
          Map.of("reason", problems.get(0).code(), "field", problems.get(0).field()));
    }
    Assessment assessment = classifier.classify(facts);
    String factsJson = FactsJson.write(json, facts);
    String assessmentJson = contract.print(contract.classify(factsJson));
    try {
      screening.complete(who.userId(), clock.instant());
      if (caseId != null) {
        screening.linkCase(caseId, who.userId(), clock.instant());
      }
    } catch (ScreeningRefused e) {
      throw Refusals.of(e);
    }
    if (!store.update(screening)) {
      throw Refusals.stale();
    }
    store.saveAssessment(
        screening.id(),
        new ScreeningStore.StoredAssessment(
            assessment.ruleSet(),
            classifier.catalogue().version(),
            factsJson,
            assessmentJson,
            assessment.trafficking().finding().name(),
            assessment.smuggling().finding().name(),
            who.userId(),
            clock.instant()));
    if (caseId != null) {
      LinkScreeningToCase.linked(timeline, who, caseId, screening.id());
      status.screening(who, caseId, screening.id());
    }
    audit.success(
        who,
        "identification.screening.complete",
        screening.id(),
        "ruleSet=" + assessment.ruleSet() + (caseId == null ? "" : " case:" + caseId));
    return assessment;
  }

  static PalermoException caseNotFound() {
    return new PalermoException(
        ErrorCode.VALIDATION_FAILED,
        IdentificationRefusal.CASE_NOT_FOUND,
        "Your agency has no case with that reference.",
        Map.of("field", "caseReference"));
  }
}
