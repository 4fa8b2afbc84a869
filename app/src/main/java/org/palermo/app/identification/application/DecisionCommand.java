package org.palermo.app.identification.application;

import java.util.Objects;
import java.util.UUID;
import org.palermo.app.identification.procedure.Decision;
import org.palermo.app.identification.procedure.DecisionMakingOrg;
import org.palermo.app.identification.procedure.TraffickingStatus;

/**
 * A decision as the officer records it, for either grounds; refuses a missing status or
 * organisation and missing grounds. {@code secondReviewerId}: the officer who concurs with a
 * negative decision.
 */
public record DecisionCommand(
    UUID screeningId,
    TraffickingStatus status,
    DecisionMakingOrg decidedByOrg,
    String grounds,
    UUID secondReviewerId) {
  public DecisionCommand {
    Objects.requireNonNull(screeningId, "screeningId");
    grounds = DecisionRecorder.input(status, decidedByOrg, grounds).grounds();
  }

  /** A decision without a second reviewer (a positive one needs none). */
  public DecisionCommand(
      UUID screeningId, TraffickingStatus status, DecisionMakingOrg decidedByOrg, String grounds) {
    this(screeningId, status, decidedByOrg, grounds, null);
  }

  Decision.Input input(Decision.Reviewer reviewer) {
    return new Decision.Input(status, decidedByOrg, grounds, reviewer);
  }
}
