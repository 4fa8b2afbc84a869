package org.palermo.law.trafficking;

import java.util.List;
import org.palermo.law.Citations;
import org.palermo.law.Facts;
import org.palermo.law.Reason;
import org.palermo.law.ReasonCode;
import org.palermo.law.rule.Rule;
import org.palermo.law.rule.Truth;
import org.palermo.law.rule.Verdict;

/**
 * Consent, Trafficking Protocol art. 3(b) (and 3(c) for children): once a means was used, the
 * person's consent to the intended exploitation is irrelevant. This rule only explains; its verdict
 * is always true, so consent can never negate a finding.
 */
public final class ConsentIrrelevance implements Rule {
  public static final String CODE = "TIP_CONSENT";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public String citation() {
    return Citations.TIP_3B;
  }

  @Override
  public Verdict evaluate(Facts facts) {
    if (!Boolean.TRUE.equals(facts.consentToExploitation())) {
      return Verdict.silent(CODE, Truth.TRUE);
    }
    ReasonCode code;
    if (ChildException.childAtFirstAct(facts) == Truth.TRUE) {
      code = ReasonCode.TIP_CONSENT_IRRELEVANT_CHILD;
    } else if (Truth.present(facts.means()) == Truth.TRUE) {
      code = ReasonCode.TIP_CONSENT_IRRELEVANT_MEANS;
    } else {
      code = ReasonCode.TIP_CONSENT_NOT_WEIGHED;
    }
    return new Verdict(CODE, Truth.TRUE, List.of(Reason.of(code)), List.of());
  }
}
