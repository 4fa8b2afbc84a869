package org.palermo.law.smuggling;

import org.palermo.law.Citations;
import org.palermo.law.Facts;
import org.palermo.law.Reason;
import org.palermo.law.ReasonCode;
import org.palermo.law.rule.Rule;
import org.palermo.law.rule.Truth;
import org.palermo.law.rule.Verdict;

/**
 * Smuggling Protocol art. 3(a): the person is neither a national nor a permanent resident of the
 * State entered.
 */
public final class NonNationalStatus implements Rule {
  public static final String CODE = "SOM_NON_NATIONAL_STATUS";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public String citation() {
    return Citations.SOM_3A;
  }

  @Override
  public Verdict evaluate(Facts facts) {
    Truth truth = Truth.of(facts.nationalOrPermanentResidentOfDestination());
    return switch (truth) {
      case TRUE -> Verdict.of(CODE, Truth.FALSE, Reason.of(ReasonCode.SOM_NATIONAL_OR_RESIDENT));
      case FALSE ->
          Verdict.of(CODE, Truth.TRUE, Reason.of(ReasonCode.SOM_NOT_NATIONAL_OR_RESIDENT));
      case UNKNOWN ->
          Verdict.of(CODE, Truth.UNKNOWN, Reason.of(ReasonCode.SOM_NATIONALITY_UNKNOWN));
    };
  }
}
