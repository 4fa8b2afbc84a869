package org.palermo.app.identification.application;

import java.util.Objects;
import java.util.UUID;
import org.palermo.app.identification.procedure.Decision;
import org.palermo.app.identification.procedure.DecisionMakingOrg;
import org.palermo.app.identification.procedure.TraffickingStatus;

/**
 * A decision as the officer records it, for either grounds; refuses a missing status or
 * organisation.
 */
public record DecisionCommand(
    UUID screeningId, TraffickingStatus status, DecisionMakingOrg decidedByOrg, String grounds) {
  public DecisionCommand {
    Objects.requireNonNull(screeningId, "screeningId");
    grounds = DecisionRecorder.input(status, decidedByOrg, grounds).grounds();
  }

  Decision.Input input() {
    return new Decision.Input(status, decidedByOrg, grounds);
  }
}
