package org.palermo.app.identification.application;

import java.util.EnumSet;
import org.palermo.app.identification.procedure.Decision;
import org.palermo.app.identification.procedure.DecisionMakingOrg;
import org.palermo.app.identification.procedure.Evidence;
import org.palermo.app.identification.procedure.TraffickingStatus;

/** Decisions as the tests record them: with evidence considered and the statement on trauma. */
final class Inputs {
  private Inputs() {}

  static Decision.Input of(TraffickingStatus status, DecisionMakingOrg org, String grounds) {
    return of(status, org, grounds, null);
  }

  static Decision.Input of(
      TraffickingStatus status, DecisionMakingOrg org, String grounds, Decision.Reviewer reviewer) {
    return DecideIdentification.input(
        status,
        org,
        grounds,
        reviewer,
        EnumSet.of(Evidence.FIRST_RESPONDER_REFERRAL, Evidence.PERSONS_ACCOUNT),
        null,
        true);
  }
}
