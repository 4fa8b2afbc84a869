package org.palermo.app.identification.procedure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One formal decision: which one, the HTCDS trafficking status it sets, the kind of organisation
 * that decided, the grounds, who decided and when, the deadline it was due by, and for a negative
 * decision the second reviewer who concurred before it was issued (issue 13 §2; the UK NRM
 * multi-agency assurance panels are the model).
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
    LocalDate dueOn,
    UUID reviewedBy,
    String reviewedByName) {

  /** Longest grounds accepted, in characters. */
  public static final int MAX_GROUNDS = 4000;

  /**
   * The standard of proof the decision applied: "suspects but cannot prove" for reasonable grounds,
   * the balance of probabilities for conclusive grounds (UK NRM statutory guidance; OSCE ODIHR NRM
   * Handbook 2022).
   */
  public DecisionKind.StandardOfProof standardOfProof() {
    return kind.standardOfProof();
  }

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
   * @param grounds the reasons, in the officer's words: mandatory (a decision is reasoned)
   * @param reviewer the second reviewer who concurs with a negative decision, or null
   */
  public record Input(
      TraffickingStatus status, DecisionMakingOrg decidedByOrg, String grounds, Reviewer reviewer) {
    public Input {
      if (status == null || decidedByOrg == null) {
        throw new ProcedureRefused(ProcedureRefused.Reason.DECISION_INCOMPLETE);
      }
      grounds = grounds == null ? "" : grounds.strip();
      if (grounds.isEmpty()) {
        throw new ProcedureRefused(ProcedureRefused.Reason.GROUNDS_REQUIRED);
      }
      if (grounds.length() > MAX_GROUNDS) {
        throw new ProcedureRefused(ProcedureRefused.Reason.GROUNDS_TOO_LONG);
      }
    }

    /** A decision without a second reviewer (enough for a positive one). */
    public Input(TraffickingStatus status, DecisionMakingOrg decidedByOrg, String grounds) {
      this(status, decidedByOrg, grounds, null);
    }
  }

  /** The second reviewer of a negative decision: another officer of the same authority. */
  public record Reviewer(UUID userId, String displayName) {}

  /** Who decides, in which authority, at what moment. */
  public record Signature(
      UUID userId, String displayName, String authorityName, Instant at, LocalDate on) {}
}
