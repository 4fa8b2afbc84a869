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
  public enum Reason {
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
    REMOVAL_ALREADY_RECORDED
  }
}
