package org.palermo.law.trafficking;

import org.palermo.law.Citations;
import org.palermo.law.Facts;
import org.palermo.law.Reason;
import org.palermo.law.ReasonCode;
import org.palermo.law.rule.Rule;
import org.palermo.law.rule.Truth;
import org.palermo.law.rule.Verdict;

/**
 * Trafficking Protocol art. 3(a) names no border crossing among the elements, so trafficking can be
 * domestic. This rule only explains; its verdict is always true.
 */
public final class NoBorderRequired implements Rule {
  public static final String CODE = "TIP_NO_BORDER";

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
    return Boolean.FALSE.equals(facts.crossedInternationalBorder())
        ? Verdict.of(CODE, Truth.TRUE, Reason.of(ReasonCode.TIP_NO_BORDER_REQUIRED))
        : Verdict.silent(CODE, Truth.TRUE);
  }
}
