package org.palermo.law.smuggling;

import org.palermo.law.Citations;
import org.palermo.law.Facts;
import org.palermo.law.Reason;
import org.palermo.law.ReasonCode;
import org.palermo.law.rule.Rule;
import org.palermo.law.rule.Truth;
import org.palermo.law.rule.Verdict;

/**
 * Aggravating circumstance, Smuggling Protocol art. 6(3)(b): the migrants were subjected to inhuman
 * or degrading treatment. Gives a reason only when it holds.
 */
public final class DegradingTreatmentReported implements Rule {
  public static final String CODE = "SOM_AGG_DEGRADING_TREATMENT";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public String citation() {
    return Citations.SOM_6_3B;
  }

  @Override
  public Verdict evaluate(Facts facts) {
    Truth truth = Truth.of(facts.inhumanOrDegradingTreatment());
    return truth == Truth.TRUE
        ? Verdict.of(CODE, truth, Reason.of(ReasonCode.SOM_AGGRAVATED_DEGRADING_TREATMENT))
        : Verdict.silent(CODE, truth);
  }
}
