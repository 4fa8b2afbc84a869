package org.palermo.law.smuggling;

import org.palermo.law.Citations;
import org.palermo.law.Facts;
import org.palermo.law.Reason;
import org.palermo.law.ReasonCode;
import org.palermo.law.rule.Rule;
import org.palermo.law.rule.Truth;
import org.palermo.law.rule.Verdict;

/**
 * Aggravating circumstance, Smuggling Protocol art. 6(3)(a): the conduct endangered, or was likely
 * to endanger, the lives or safety of the migrants. Gives a reason only when it holds.
 */
public final class LifeOrSafetyEndangered implements Rule {
  public static final String CODE = "SOM_AGG_LIFE_OR_SAFETY";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public String citation() {
    return Citations.SOM_6_3A;
  }

  @Override
  public Verdict evaluate(Facts facts) {
    Truth truth = Truth.of(facts.lifeOrSafetyEndangered());
    return truth == Truth.TRUE
        ? Verdict.of(CODE, truth, Reason.of(ReasonCode.SOM_AGGRAVATED_LIFE_OR_SAFETY))
        : Verdict.silent(CODE, truth);
  }
}
