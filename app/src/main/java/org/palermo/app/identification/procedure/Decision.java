package org.palermo.app.identification.procedure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One formal decision: which one, the HTCDS trafficking status it sets, the kind of organisation
 * that decided, the grounds, who decided and when, the deadline it was due by, and for a negative
 * decision the second reviewer who concurred before it was issued (issue 13 §2; the UK NRM
 * multi-agency assurance panels are the model).
 *
 * <p>A negative decision is first <em>proposed</em> ({@link ReviewState#AWAITING_REVIEW}): it is
 * not issued, has no letter and changes nothing for the person until the named reviewer, signed in
 * as themselves, confirms it ({@link ReviewState#ISSUED}) or returns it with a reason ({@link
 * ReviewState#RETURNED}). Every decision lists the evidence considered and states that credibility
 * was assessed with trauma in mind (UK NRM statutory guidance; OSCE ODIHR NRM Handbook 2022). A
 * decision taken on reconsideration names the decision it {@code supersedes}.
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
    String reviewedByName,
    ReviewState reviewState,
    Instant reviewedAt,
    LocalDate reviewedOn,
    String returnReason,
    List<Evidence> evidence,
    String evidenceOther,
    boolean credibilityTraumaInformed,
    UUID supersedes) {

  public Decision {
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
    reviewState = reviewState == null ? ReviewState.ISSUED : reviewState;
  }

  /** Where a decision stands in its second review. */
  public enum ReviewState {
    /** Issued: it has effect (a positive one at once, a negative one once confirmed). */
    ISSUED,
    /** A negative decision proposed, waiting for the named reviewer. */
    AWAITING_REVIEW,
    /** Returned by the reviewer with a reason; never issued, kept in the history. */
    RETURNED
  }

  /** Longest description of "other" evidence, in characters. */
  public static final int MAX_EVIDENCE_OTHER = 500;

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

  /** Whether the decision has effect: not a proposal awaiting review nor a returned one. */
  public boolean issued() {
    return reviewState == ReviewState.ISSUED;
  }

  /** Whether it waits for its second reviewer. */
  public boolean awaitingReview() {
    return reviewState == ReviewState.AWAITING_REVIEW;
  }

  /** The day it was issued: a negative decision on the day its reviewer confirmed it. */
  public LocalDate issuedOn() {
    return reviewedOn != null && issued() ? reviewedOn : decidedOn;
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
   * @param evidence the evidence considered: at least one
   * @param evidenceOther what the "other" evidence was, required with {@link Evidence#OTHER}
   * @param credibilityTraumaInformed the officer states that credibility was assessed with the
   *     effects of trauma in mind: required
   */
  public record Input(
      TraffickingStatus status,
      DecisionMakingOrg decidedByOrg,
      String grounds,
      Reviewer reviewer,
      Set<Evidence> evidence,
      String evidenceOther,
      boolean credibilityTraumaInformed) {
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
      // The evidence considered and a trauma-informed credibility assessment (UK NRM statutory
      // guidance; OSCE ODIHR NRM Handbook 2022, on the effects of trauma on an account).
      evidence =
          evidence == null || evidence.isEmpty()
              ? EnumSet.noneOf(Evidence.class)
              : EnumSet.copyOf(evidence);
      if (evidence.isEmpty()) {
        throw new ProcedureRefused(ProcedureRefused.Reason.EVIDENCE_REQUIRED);
      }
      evidenceOther = evidenceOther == null ? "" : evidenceOther.strip();
      if (evidence.contains(Evidence.OTHER)) {
        if (evidenceOther.isEmpty() || evidenceOther.length() > MAX_EVIDENCE_OTHER) {
          throw new ProcedureRefused(ProcedureRefused.Reason.EVIDENCE_OTHER_REQUIRED);
        }
      } else {
        evidenceOther = null;
      }
      if (!credibilityTraumaInformed) {
        throw new ProcedureRefused(ProcedureRefused.Reason.TRAUMA_STATEMENT_REQUIRED);
      }
      evidence = java.util.Collections.unmodifiableSet(evidence);
    }

    /** The evidence in the vocabulary's order. */
    public List<Evidence> evidenceList() {
      return List.copyOf(EnumSet.copyOf(evidence));
    }
  }

  /** The second reviewer of a negative decision: another officer of the same authority. */
  public record Reviewer(UUID userId, String displayName) {}

  /** Who decides, in which authority, at what moment. */
  public record Signature(
      UUID userId, String displayName, String authorityName, Instant at, LocalDate on) {}
}
