package org.palermo.app.identification.application;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.identification.procedure.Decision;
import org.palermo.app.identification.procedure.DecisionMakingOrg;
import org.palermo.app.identification.procedure.Evidence;
import org.palermo.app.identification.procedure.TraffickingStatus;

/**
 * A decision as the officer records it, for either grounds; refuses a missing status or
 * organisation, missing grounds, no evidence considered and a missing statement on credibility.
 * {@code secondReviewerId}: the officer named to review a negative decision.
 */
public record DecisionCommand(
    UUID screeningId,
    TraffickingStatus status,
    DecisionMakingOrg decidedByOrg,
    String grounds,
    UUID secondReviewerId,
    Set<Evidence> evidence,
    String evidenceOther,
    boolean credibilityTraumaInformed) {
  public DecisionCommand {
    Objects.requireNonNull(screeningId, "screeningId");
    Decision.Input valid =
        DecideIdentification.input(
            status,
            decidedByOrg,
            grounds,
            null,
            evidence,
            evidenceOther,
            credibilityTraumaInformed);
    grounds = valid.grounds();
    evidence = valid.evidence();
    evidenceOther = valid.evidenceOther();
  }

  Decision.Input input(Decision.Reviewer reviewer) {
    return new Decision.Input(
        status,
        decidedByOrg,
        grounds,
        reviewer,
        evidence,
        evidenceOther,
        credibilityTraumaInformed);
  }
}
