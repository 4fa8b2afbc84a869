package org.palermo.app.identification.procedure;

/** A move that formal identification does not allow, with a stable reason. */
public class ProcedureRefused extends RuntimeException {
  private final Reason reason;

  public ProcedureRefused(Reason reason) {
    super(reason.name());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** Why the move was refused. */
  public enum Reason implements org.palermo.app.platform.RefusalReason {
    /** This decision is not the one the procedure is waiting for. */
    DECISION_NOT_DUE,
    /** The status cannot be set by this decision (e.g. "actual victim" at reasonable grounds). */
    STATUS_NOT_ALLOWED,
    /** A status and the kind of deciding organisation are required. */
    DECISION_INCOMPLETE,
    /** A decision states its grounds: it is reasoned and reviewable. */
    GROUNDS_REQUIRED,
    /** A negative decision needs a second reviewer who concurs before it is issued. */
    SECOND_REVIEW_REQUIRED,
    /** The second reviewer is another officer than the one deciding. */
    SECOND_REVIEWER_SAME,
    /** The grounds are longer than {@link Decision#MAX_GROUNDS} characters. */
    GROUNDS_TOO_LONG,
    /** Identification is under way or the recovery and reflection period runs: no removal. */
    REMOVAL_BARRED,
    /** A removal is already recorded. */
    REMOVAL_ALREADY_RECORDED,
    /** At least one kind of evidence considered is listed. */
    EVIDENCE_REQUIRED,
    /** "Other" evidence is described in words. */
    EVIDENCE_OTHER_REQUIRED,
    /** The officer states that credibility was assessed with trauma in mind. */
    TRAUMA_STATEMENT_REQUIRED,
    /** A negative decision already waits for its second reviewer. */
    REVIEW_PENDING,
    /** No proposed decision with this id waits for review. */
    NOT_AWAITING_REVIEW,
    /** Only the reviewer the decider named confirms or returns the decision. */
    NOT_THE_NAMED_REVIEWER,
    /** A returned decision states why. */
    RETURN_REASON_REQUIRED,
    /** No conclusive decision before the recovery and reflection period ends (CETS 197 art. 13). */
    REFLECTION_PERIOD_RUNNING,
    /** Only an issued negative decision that ended the procedure can be reconsidered. */
    NOTHING_TO_RECONSIDER,
    /** This decision has already been reconsidered. */
    ALREADY_RECONSIDERED,
    /** The request came after the review window closed. */
    RECONSIDERATION_WINDOW_CLOSED,
    /** The day received is before the decision or in the future. */
    RECONSIDERATION_DATE_INVALID,
    /** Say who asked. */
    RECONSIDERATION_REQUESTER_REQUIRED,
    /** A representative is named. */
    RECONSIDERATION_REPRESENTATIVE_REQUIRED;

    @Override
    public String messageKey() {
      return "screening.problem." + code();
    }
  }
}
