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
 * Takes the reasonable-grounds decision: "possible victim" starts the recovery and reflection
 * period, "not a victim" concludes the procedure.
 */
@Service
public class DecideReasonableGrounds {
  private final DecisionRecorder recorder;

  DecideReasonableGrounds(DecisionRecorder recorder) {
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
        who, command.screeningId(), DecisionKind.REASONABLE_GROUNDS, command.input());
  }
}
