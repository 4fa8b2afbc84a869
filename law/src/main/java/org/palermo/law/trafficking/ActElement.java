package org.palermo.law.trafficking;

import org.palermo.law.Citations;
import org.palermo.law.Facts;
import org.palermo.law.Reason;
import org.palermo.law.ReasonCode;
import org.palermo.law.rule.Codes;
import org.palermo.law.rule.Rule;
import org.palermo.law.rule.Truth;
import org.palermo.law.rule.Verdict;

/**
 * The act element, Trafficking Protocol art. 3(a): the person was recruited, transported,
 * transferred, harboured or received.
 */
public final class ActElement implements Rule {
  public static final String CODE = "TIP_ACT";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public String citation() {
    return Citations.TIP_3A;
  }

  @Override
  public Verdict evaluate(Facts facts) {
    Truth truth = Truth.present(facts.acts());
    return Verdict.of(
        CODE,
        truth,
        switch (truth) {
          case TRUE -> Reason.of(ReasonCode.TIP_ACT_PRESENT, Codes.join(facts.acts()));
          case FALSE -> Reason.of(ReasonCode.TIP_ACT_ABSENT);
          case UNKNOWN -> Reason.of(ReasonCode.TIP_ACT_UNKNOWN);
        });
  }
}
