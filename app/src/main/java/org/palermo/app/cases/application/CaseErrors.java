package org.palermo.app.cases.application;

import java.util.Map;
import org.palermo.app.cases.domain.CaseRefused;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;

/** The errors of case work, from the one catalogue. */
public final class CaseErrors {
  private CaseErrors() {}

  static PalermoException of(CaseRefused e) {
    String detail =
        switch (e.reason()) {
          case ILLEGAL_TRANSITION -> "The case cannot make this move from its current status.";
          case TRANSITION_PENDING -> "A move of this case waits for a supervisor's decision.";
          case NOTHING_PENDING -> "No move of this case waits for a decision.";
          case SELF_APPROVAL -> "Another supervisor must decide on your own request.";
        };
    return new PalermoException(ErrorCode.CONFLICT, e.reason(), detail);
  }

  /** The record changed since the caller read it (the ETag no longer matches). */
  public static PalermoException stale() {
    return new PalermoException(
        ErrorCode.PRECONDITION_FAILED,
        "Someone saved this record after you read it; read it again and redo your change.");
  }

  public static PalermoException notFound() {
    return new PalermoException(ErrorCode.NOT_FOUND, "No such case.");
  }

  public static PalermoException invalid(Map<String, String> problems) {
    return new PalermoException(
        ErrorCode.VALIDATION_FAILED,
        "One or more fields are not valid.",
        Map.of(
            "errors",
            problems.entrySet().stream()
                .map(e -> Map.of("field", e.getKey(), "reason", e.getValue()))
                .toList()));
  }

  public static PalermoException invalid(String field, String detail) {
    return new PalermoException(ErrorCode.VALIDATION_FAILED, detail, Map.of("field", field));
  }
}
