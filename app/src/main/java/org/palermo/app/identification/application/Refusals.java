package org.palermo.app.identification.application;

import java.util.Map;
import org.palermo.app.identification.procedure.ProcedureRefused;
import org.palermo.app.identification.screening.ScreeningRefused;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;

/**
 * Turns the domain's typed refusals into errors of the catalogue: invalid input is {@code
 * VALIDATION_FAILED}, a move the current state does not allow is {@code CONFLICT}. The problem
 * carries the stable {@code reason} (and, for answers, the {@code errors} by question).
 */
final class Refusals {
  private Refusals() {}

  static PalermoException of(ScreeningRefused e) {
    ErrorCode code =
        switch (e.reason()) {
          case LEGAL_BASIS_REQUIRED, CONSENT_REQUIRED, LANGUAGE_INVALID, INVALID_ANSWERS ->
              ErrorCode.VALIDATION_FAILED;
          case COMPLETED, NOT_COMPLETED, STEP_NOT_IN_INTERVIEW -> ErrorCode.CONFLICT;
        };
    String detail =
        switch (e.reason()) {
          case LEGAL_BASIS_REQUIRED ->
              "Record the legal basis before anything about the person is asked.";
          case CONSENT_REQUIRED ->
              "Consent is the legal basis: record that the person was informed and agreed.";
          case LANGUAGE_INVALID -> "The interview language must be an ISO 639 code.";
          case INVALID_ANSWERS -> "Some answers are not valid.";
          case COMPLETED -> "The screening is completed and can no longer change.";
          case NOT_COMPLETED -> "Complete the screening first.";
          case STEP_NOT_IN_INTERVIEW -> "This page is not part of this interview.";
        };
    return new PalermoException(code, e.reason(), detail, Map.of("errors", e.errors()));
  }

  static PalermoException of(ProcedureRefused e) {
    ErrorCode code =
        switch (e.reason()) {
          case DECISION_INCOMPLETE,
              GROUNDS_REQUIRED,
              GROUNDS_TOO_LONG,
              STATUS_NOT_ALLOWED,
              EVIDENCE_REQUIRED,
              EVIDENCE_OTHER_REQUIRED,
              TRAUMA_STATEMENT_REQUIRED,
              RETURN_REASON_REQUIRED,
              RECONSIDERATION_DATE_INVALID,
              RECONSIDERATION_REQUESTER_REQUIRED,
              RECONSIDERATION_REPRESENTATIVE_REQUIRED ->
              ErrorCode.VALIDATION_FAILED;
          case NOT_THE_NAMED_REVIEWER -> ErrorCode.FORBIDDEN;
          case DECISION_NOT_DUE,
              REMOVAL_BARRED,
              REMOVAL_ALREADY_RECORDED,
              SECOND_REVIEW_REQUIRED,
              SECOND_REVIEWER_SAME,
              REVIEW_PENDING,
              NOT_AWAITING_REVIEW,
              REFLECTION_PERIOD_RUNNING,
              NOTHING_TO_RECONSIDER,
              ALREADY_RECONSIDERED,
              RECONSIDERATION_WINDOW_CLOSED ->
              ErrorCode.CONFLICT;
        };
    String detail =
        switch (e.reason()) {
          case DECISION_INCOMPLETE -> "Give the trafficking status and who decided.";
          case GROUNDS_TOO_LONG -> "The grounds are too long.";
          case GROUNDS_REQUIRED -> "State the grounds: a decision is reasoned and reviewable.";
          case SECOND_REVIEW_REQUIRED ->
              "A negative decision is issued only with a second reviewer who concurs.";
          case SECOND_REVIEWER_SAME -> "The second reviewer is another officer than you.";
          case STATUS_NOT_ALLOWED -> "This decision cannot set that trafficking status.";
          case DECISION_NOT_DUE -> "This decision is not the one the procedure is waiting for.";
          case REMOVAL_BARRED ->
              "No removal may be recorded while identification is under way or during the"
                  + " recovery and reflection period.";
          case REMOVAL_ALREADY_RECORDED -> "A removal is already recorded.";
          case EVIDENCE_REQUIRED -> "List the evidence considered: at least one kind.";
          case EVIDENCE_OTHER_REQUIRED -> "Describe the other evidence considered.";
          case TRAUMA_STATEMENT_REQUIRED ->
              "State that credibility was assessed with the effects of trauma in mind.";
          case REVIEW_PENDING ->
              "A negative decision already waits for its second reviewer: confirm or return it"
                  + " first.";
          case NOT_AWAITING_REVIEW -> "No proposed decision with this id waits for review.";
          case NOT_THE_NAMED_REVIEWER ->
              "Only the second reviewer named by the decider confirms or returns the decision.";
          case RETURN_REASON_REQUIRED -> "Say why the decision is returned.";
          case REFLECTION_PERIOD_RUNNING ->
              "No conclusive-grounds decision before the recovery and reflection period ends"
                  + " (CETS 197 art. 13(1)).";
          case NOTHING_TO_RECONSIDER ->
              "Only an issued negative decision that ended the procedure can be reconsidered.";
          case ALREADY_RECONSIDERED -> "This decision has already been reconsidered.";
          case RECONSIDERATION_WINDOW_CLOSED ->
              "The request was received after the window for asking reconsideration closed"
                  + " (CETS 197 art. 10(2)).";
          case RECONSIDERATION_DATE_INVALID ->
              "The day received is on or after the decision and not in the future.";
          case RECONSIDERATION_REQUESTER_REQUIRED -> "Say who asked for reconsideration.";
          case RECONSIDERATION_REPRESENTATIVE_REQUIRED -> "Name the representative who asked.";
        };
    Map<String, Object> props = new java.util.LinkedHashMap<>();
    String field =
        switch (e.reason()) {
          case GROUNDS_REQUIRED -> "grounds";
          case EVIDENCE_REQUIRED, EVIDENCE_OTHER_REQUIRED -> "evidence";
          case TRAUMA_STATEMENT_REQUIRED -> "credibilityTraumaInformed";
          case RETURN_REASON_REQUIRED -> "reason";
          case RECONSIDERATION_DATE_INVALID, RECONSIDERATION_WINDOW_CLOSED -> "receivedOn";
          case RECONSIDERATION_REQUESTER_REQUIRED -> "requestedBy";
          case RECONSIDERATION_REPRESENTATIVE_REQUIRED -> "representativeName";
          default -> null;
        };
    if (field != null) {
      props.put("field", field);
    }
    if (e.reason() == ProcedureRefused.Reason.REFLECTION_PERIOD_RUNNING) {
      props.put("article", "CETS 197 art. 13(1)");
    }
    return new PalermoException(code, e.reason(), detail, props);
  }

  static PalermoException notFound() {
    return new PalermoException(ErrorCode.NOT_FOUND, "No such screening.");
  }

  static PalermoException forbidden(String detail) {
    return new PalermoException(ErrorCode.FORBIDDEN, detail);
  }

  static PalermoException stale() {
    return new PalermoException(
        ErrorCode.PRECONDITION_FAILED,
        "Someone saved this record after you opened it; reload to see the latest version.");
  }
}
