package org.palermo.app.identification.procedure;

import java.util.EnumSet;
import java.util.Set;

/** The two formal decisions, each with the trafficking statuses it may set. */
public enum DecisionKind {
  /** Are there reasonable grounds to believe the person is a victim? Possible or not a victim. */
  REASONABLE_GROUNDS(
      EnumSet.of(
          TraffickingStatus.PossibleVictimOfTrafficking,
          TraffickingStatus.NotAVictimOfTrafficking)),
  /** Is the person a victim, on the balance of the evidence? Actual or not a victim. */
  CONCLUSIVE_GROUNDS(
      EnumSet.of(
          TraffickingStatus.ActualVictimOfTrafficking, TraffickingStatus.NotAVictimOfTrafficking));

  private final Set<TraffickingStatus> allowed;

  DecisionKind(Set<TraffickingStatus> allowed) {
    this.allowed = allowed;
  }

  /** The statuses this decision may set. */
  public Set<TraffickingStatus> allowed() {
    return allowed;
  }
}
