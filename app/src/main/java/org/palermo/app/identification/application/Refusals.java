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
    return new PalermoException(
        code, detail, Map.of("reason", e.reason().name(), "errors", e.errors()));
  }

  static PalermoException of(ProcedureRefused e) {
    ErrorCode code =
        switch (e.reason()) {
          case DECISION_INCOMPLETE, GROUNDS_REQUIRED, GROUNDS_TOO_LONG, STATUS_NOT_ALLOWED ->
              ErrorCode.VALIDATION_FAILED;
          case DECISION_NOT_DUE,
              REMOVAL_BARRED,
              REMOVAL_ALREADY_RECORDED,
              SECOND_REVIEW_REQUIRED,
              SECOND_REVIEWER_SAME ->
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
        };
    return e.reason() == ProcedureRefused.Reason.GROUNDS_REQUIRED
        ? new PalermoException(
            code, detail, Map.of("reason", e.reason().name(), "field", "grounds"))
        : new PalermoException(code, detail, Map.of("reason", e.reason().name()));
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
