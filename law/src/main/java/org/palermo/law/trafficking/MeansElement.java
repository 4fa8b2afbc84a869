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
 * The means element, Trafficking Protocol art. 3(a): threat or use of force, other coercion,
 * abduction, fraud, deception, abuse of power or of a position of vulnerability, or payments to
 * someone in control of the person.
 */
public final class MeansElement implements Rule {
  public static final String CODE = "TIP_MEANS";

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
    Truth truth = Truth.present(facts.means());
    return Verdict.of(
        CODE,
        truth,
        switch (truth) {
          case TRUE -> Reason.of(ReasonCode.TIP_MEANS_PRESENT, Codes.join(facts.means()));
          case FALSE -> Reason.of(ReasonCode.TIP_MEANS_ABSENT);
          case UNKNOWN -> Reason.of(ReasonCode.TIP_MEANS_UNKNOWN);
        });
  }
}
