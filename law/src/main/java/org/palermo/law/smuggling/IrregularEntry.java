package org.palermo.law.smuggling;

import org.palermo.law.Citations;
import org.palermo.law.Facts;
import org.palermo.law.Reason;
import org.palermo.law.ReasonCode;
import org.palermo.law.rule.Rule;
import org.palermo.law.rule.Truth;
import org.palermo.law.rule.Verdict;

/**
 * Smuggling Protocol art. 3(b): the entry was illegal, i.e. the border was crossed without meeting
 * the requirements for lawful entry into the receiving State.
 */
public final class IrregularEntry implements Rule {
  public static final String CODE = "SOM_IRREGULAR_ENTRY";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public String citation() {
    return Citations.SOM_3B;
  }

  @Override
  public Verdict evaluate(Facts facts) {
    Truth truth = Truth.of(facts.entryIrregular());
    return Verdict.of(
        CODE,
        truth,
        switch (truth) {
          case TRUE -> Reason.of(ReasonCode.SOM_ENTRY_IRREGULAR);
          case FALSE -> Reason.of(ReasonCode.SOM_ENTRY_REGULAR);
          case UNKNOWN -> Reason.of(ReasonCode.SOM_ENTRY_UNKNOWN);
        });
  }
}
