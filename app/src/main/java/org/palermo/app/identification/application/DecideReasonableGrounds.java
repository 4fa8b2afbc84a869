package org.palermo.app.identification.application;

import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.identification.procedure.Decision;
import org.palermo.app.identification.procedure.DecisionKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes the reasonable-grounds decision: "possible victim" starts the recovery and reflection
 * period, "not a victim" concludes the procedure.
 */
@Service
public class DecideReasonableGrounds {
  private final DecisionRecorder recorder;
  private final SecondReviewers reviewers;

  DecideReasonableGrounds(DecisionRecorder recorder, SecondReviewers reviewers) {
    this.recorder = recorder;
    this.reviewers = reviewers;
  }

  @Transactional
  public Decision decide(PalermoPrincipal who, DecisionCommand command) {
    return recorder.decide(
        who,
        command.screeningId(),
        DecisionKind.REASONABLE_GROUNDS,
        command.input(reviewers.resolve(who, command.secondReviewerId())));
  }
}
