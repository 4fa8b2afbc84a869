package org.palermo.law.trafficking;

import java.util.ArrayList;
import java.util.List;
import org.palermo.law.Citations;
import org.palermo.law.Facts;
import org.palermo.law.Purpose;
import org.palermo.law.Reason;
import org.palermo.law.ReasonCode;
import org.palermo.law.rule.Codes;
import org.palermo.law.rule.Rule;
import org.palermo.law.rule.Truth;
import org.palermo.law.rule.Verdict;

/**
 * The purpose element, Trafficking Protocol art. 3(a): exploitation, which at a minimum includes
 * sexual exploitation, forced labour or services, slavery or similar practices, servitude and
 * removal of organs. Extended purposes are explained by the category they fall under.
 */
public final class PurposeElement implements Rule {
  public static final String CODE = "TIP_PURPOSE";

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
    Truth truth = Truth.present(facts.purposes());
    if (truth == Truth.FALSE) {
      return Verdict.of(CODE, truth, Reason.of(ReasonCode.TIP_PURPOSE_ABSENT));
    }
    if (truth == Truth.UNKNOWN) {
      return Verdict.of(CODE, truth, Reason.of(ReasonCode.TIP_PURPOSE_UNKNOWN));
    }
    List<Reason> reasons = new ArrayList<>(2);
    reasons.add(Reason.of(ReasonCode.TIP_PURPOSE_PRESENT, Codes.join(facts.purposes())));
    for (Purpose purpose : facts.purposes()) {
      if (purpose == Purpose.OTHER_EXPLOITATION) {
        reasons.add(Reason.of(ReasonCode.TIP_PURPOSE_OPEN_LIST));
      } else if (purpose.protocolCategory() != purpose) {
        reasons.add(
            Reason.of(
                ReasonCode.TIP_PURPOSE_MAPPED, purpose.name(), purpose.protocolCategory().name()));
      }
    }
    return new Verdict(CODE, truth, reasons, List.of());
  }
}
