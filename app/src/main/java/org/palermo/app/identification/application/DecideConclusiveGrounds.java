package org.palermo.app.identification.application;

import java.util.Objects;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.identification.procedure.Decision;
import org.palermo.app.identification.procedure.DecisionKind;
import org.palermo.app.identification.procedure.DecisionMakingOrg;
import org.palermo.app.identification.procedure.TraffickingStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes the conclusive-grounds decision ("actual victim" or "not a victim"), which concludes the
 * procedure; a recovery and reflection period still running continues to its end.
 */
@Service
public class DecideConclusiveGrounds {
  private final DecisionRecorder recorder;

  DecideConclusiveGrounds(DecisionRecorder recorder) {
    this.recorder = recorder;
  }

  /** The decision as the officer records it; refuses a missing status or organisation. */
  public record Command(
      UUID screeningId, TraffickingStatus status, DecisionMakingOrg decidedByOrg, String grounds) {
    public Command {
      Objects.requireNonNull(screeningId, "screeningId");
      grounds = DecisionRecorder.input(status, decidedByOrg, grounds).grounds();
    }

    Decision.Input input() {
      return new Decision.Input(status, decidedByOrg, grounds);
    }
  }

  @Transactional
  public Decision decide(PalermoPrincipal who, Command command) {
    return recorder.decide(
        who, command.screeningId(), DecisionKind.CONCLUSIVE_GROUNDS, command.input());
  }
}
