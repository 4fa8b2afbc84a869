package org.palermo.law.smuggling;

import org.palermo.law.Citations;
import org.palermo.law.Facts;
import org.palermo.law.Reason;
import org.palermo.law.ReasonCode;
import org.palermo.law.rule.Rule;
import org.palermo.law.rule.Truth;
import org.palermo.law.rule.Verdict;

/** Smuggling Protocol art. 3(a): a third party procured (arranged) the entry of the person. */
public final class ProcurementByAnother implements Rule {
  public static final String CODE = "SOM_PROCUREMENT_BY_ANOTHER";

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
    Truth truth = Truth.of(facts.entryProcuredByAnother());
    return Verdict.of(
        CODE,
        truth,
        switch (truth) {
          case TRUE -> Reason.of(ReasonCode.SOM_PROCURED_BY_ANOTHER);
          case FALSE -> Reason.of(ReasonCode.SOM_NOT_PROCURED);
          case UNKNOWN -> Reason.of(ReasonCode.SOM_PROCUREMENT_UNKNOWN);
        });
  }
}
