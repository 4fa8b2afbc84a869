package org.palermo.app.cases.domain;

/** A move the case lifecycle does not allow, with a stable reason (CONVENTIONS.md §4). */
public class CaseRefused extends RuntimeException {
  private final Reason reason;

  public CaseRefused(Reason reason) {
    super(reason.name());
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** Why the move was refused. */
  public enum Reason implements org.palermo.app.platform.RefusalReason {
    /** The transition does not start from the case's current status. */
    ILLEGAL_TRANSITION,
    /** A transition waits for a supervisor's decision; nothing else moves until then. */
    TRANSITION_PENDING,
    /** There is no pending transition to approve or reject. */
    NOTHING_PENDING,
    /** A supervisor may not approve their own request (four eyes). */
    SELF_APPROVAL;

    @Override
    public String messageKey() {
      return "cases.problem." + code();
    }
  }
}
