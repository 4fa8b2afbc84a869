package org.palermo.app.audit;

import java.util.Objects;

/**
 * What to record: who (actor and agency) did what (action) to which record (target) with which
 * outcome. {@code detail} is free text that must hold no personal data: identifiers and counts,
 * never names.
 */
public record AuditEntry(
    String actor, String agency, String action, String target, Outcome outcome, String detail) {

  public AuditEntry {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(outcome, "outcome");
    actor = orDash(actor);
    agency = orDash(agency);
    target = orDash(target);
    detail = detail == null ? "" : detail;
  }

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "-" : s;
  }

  /** Whether the action went through. */
  public enum Outcome {
    SUCCESS,
    FAILURE,
    DENIED
  }
}
