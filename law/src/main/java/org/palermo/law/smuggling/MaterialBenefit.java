package org.palermo.law.smuggling;

import org.palermo.law.Benefit;
import org.palermo.law.Citations;
import org.palermo.law.Facts;
import org.palermo.law.Reason;
import org.palermo.law.ReasonCode;
import org.palermo.law.rule.Rule;
import org.palermo.law.rule.Truth;
import org.palermo.law.rule.Verdict;

/**
 * Smuggling Protocol art. 3(a) and 6(1): the entry was procured to obtain, directly or indirectly,
 * a financial or other material benefit; help given for no gain is not smuggling.
 */
public final class MaterialBenefit implements Rule {
  public static final String CODE = "SOM_MATERIAL_BENEFIT";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public String citation() {
    return Citations.SOM_3A_6_1A;
  }

  @Override
  public Verdict evaluate(Facts facts) {
    Benefit benefit =
        facts.benefitToFacilitator() == null ? Benefit.UNKNOWN : facts.benefitToFacilitator();
    return switch (benefit) {
      case FINANCIAL, OTHER_MATERIAL ->
          Verdict.of(CODE, Truth.TRUE, Reason.of(ReasonCode.SOM_BENEFIT_SOUGHT, benefit.name()));
      case NONE -> Verdict.of(CODE, Truth.FALSE, Reason.of(ReasonCode.SOM_NO_BENEFIT));
      case UNKNOWN -> Verdict.of(CODE, Truth.UNKNOWN, Reason.of(ReasonCode.SOM_BENEFIT_UNKNOWN));
    };
  }
}
