package org.palermo.app.identification.application;

import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.identification.procedure.Decision;
import org.palermo.app.identification.procedure.DecisionKind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes the conclusive-grounds decision ("actual victim" or "not a victim"), which concludes the
 * procedure; a recovery and reflection period still running continues to its end.
 */
@Service
public class DecideConclusiveGrounds {
  private final DecisionRecorder recorder;
  private final SecondReviewers reviewers;

  DecideConclusiveGrounds(DecisionRecorder recorder, SecondReviewers reviewers) {
    this.recorder = recorder;
    this.reviewers = reviewers;
  }

  @Transactional
  public Decision decide(PalermoPrincipal who, DecisionCommand command) {
    return recorder.decide(
        who,
        command.screeningId(),
        DecisionKind.CONCLUSIVE_GROUNDS,
        command.input(reviewers.resolve(who, command.secondReviewerId())));
  }
}
