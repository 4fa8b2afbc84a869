package org.palermo.app.identification.procedure;

/** Where a formal identification stands. */
public enum ProcedureStage {
  /** Referred; the reasonable-grounds decision is due. */
  AWAITING_REASONABLE_GROUNDS,
  /** Reasonable grounds found; recovery and reflection period running; conclusive decision due. */
  AWAITING_CONCLUSIVE_GROUNDS,
  /** A negative reasonable-grounds decision or a conclusive decision has been taken. */
  CONCLUDED
}
