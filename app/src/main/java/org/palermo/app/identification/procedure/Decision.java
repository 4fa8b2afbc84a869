package org.palermo.app.identification.procedure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One formal decision: which one, the HTCDS trafficking status it sets, the kind of organisation
 * that decided, the grounds, who decided and when, and the deadline it was due by.
 */
public record Decision(
    UUID id,
    DecisionKind kind,
    TraffickingStatus status,
    DecisionMakingOrg decidedByOrg,
    String grounds,
    UUID decidedBy,
    String decidedByName,
    String authorityName,
    Instant decidedAt,
    LocalDate decidedOn,
    LocalDate dueOn) {

  /** Longest grounds accepted, in characters. */
  public static final int MAX_GROUNDS = 4000;

  /** Whether the decision came after its deadline. */
  public boolean late() {
    return decidedOn.isAfter(dueOn);
  }

  /** Whether the decision is positive (reasonable grounds found, or a victim identified). */
  public boolean positive() {
    return status != TraffickingStatus.NotAVictimOfTrafficking;
  }

  /**
   * What the deciding officer records; self-validating.
   *
   * @param status the trafficking status the decision sets
   * @param decidedByOrg the kind of organisation that decides
   * @param grounds the reasons, in the officer's words (may be blank)
   */
  public record Input(TraffickingStatus status, DecisionMakingOrg decidedByOrg, String grounds) {
    public Input {
      if (status == null || decidedByOrg == null) {
        throw new ProcedureRefused(ProcedureRefused.Reason.DECISION_INCOMPLETE);
      }
      grounds = grounds == null ? "" : grounds.strip();
      if (grounds.length() > MAX_GROUNDS) {
        throw new ProcedureRefused(ProcedureRefused.Reason.GROUNDS_TOO_LONG);
      }
    }
  }

  /** Who decides, in which authority, at what moment. */
  public record Signature(
      UUID userId, String displayName, String authorityName, Instant at, LocalDate on) {}
}
