package org.palermo.app.identification.procedure;

import java.util.EnumSet;
import java.util.Set;

/** The two formal decisions, each with the trafficking statuses it may set. */
public enum DecisionKind {
  /** Are there reasonable grounds to believe the person is a victim? Possible or not a victim. */
  REASONABLE_GROUNDS(
      EnumSet.of(
          TraffickingStatus.PossibleVictimOfTrafficking, TraffickingStatus.NotAVictimOfTrafficking),
      StandardOfProof.SUSPECTS_BUT_CANNOT_PROVE),
  /** Is the person a victim, on the balance of the evidence? Actual or not a victim. */
  CONCLUSIVE_GROUNDS(
      EnumSet.of(
          TraffickingStatus.ActualVictimOfTrafficking, TraffickingStatus.NotAVictimOfTrafficking),
      StandardOfProof.BALANCE_OF_PROBABILITIES);

  /** The standard of proof each decision applies (UK NRM statutory guidance). */
  public enum StandardOfProof {
    /** Reasonable grounds: the decision maker suspects but cannot prove. */
    SUSPECTS_BUT_CANNOT_PROVE,
    /** Conclusive grounds: more likely than not. */
    BALANCE_OF_PROBABILITIES
  }

  private final Set<TraffickingStatus> allowed;
  private final StandardOfProof standardOfProof;

  DecisionKind(Set<TraffickingStatus> allowed, StandardOfProof standardOfProof) {
    this.allowed = allowed;
    this.standardOfProof = standardOfProof;
  }

  /** The standard of proof this decision applies. */
  public StandardOfProof standardOfProof() {
    return standardOfProof;
  }

  /** The statuses this decision may set. */
  public Set<TraffickingStatus> allowed() {
    return allowed;
  }
}
