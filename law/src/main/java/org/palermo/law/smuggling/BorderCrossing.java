package org.palermo.law.smuggling;

import org.palermo.law.Citations;
import org.palermo.law.Facts;
import org.palermo.law.Reason;
import org.palermo.law.ReasonCode;
import org.palermo.law.rule.Rule;
import org.palermo.law.rule.Truth;
import org.palermo.law.rule.Verdict;

/**
 * Smuggling Protocol art. 3(a) and 3(b): smuggling is an entry into a State, so an international
 * border was crossed. An irregular entry implies a crossing when the crossing itself is not
 * recorded.
 */
public final class BorderCrossing implements Rule {
  public static final String CODE = "SOM_BORDER_CROSSING";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public String citation() {
    return Citations.SOM_3B;
  }

  private final boolean revised;

  /** The rule of palermo-rules/1.0.0. */
  public BorderCrossing() {
    this(false);
  }

  /**
   * With {@code revised} (palermo-rules/1.1.0), "no border crossed" together with an irregular
   * entry is a contradiction: the element stays unknown (and the classifier warns), never a silent
   * "no".
   */
  public BorderCrossing(boolean revised) {
    this.revised = revised;
  }

  /** Whether the facts report no border crossing and yet an irregular entry. */
  public static boolean contradictory(Facts facts) {
    return Boolean.FALSE.equals(facts.crossedInternationalBorder())
        && Boolean.TRUE.equals(facts.entryIrregular());
  }

  @Override
  public Verdict evaluate(Facts facts) {
    if (revised && contradictory(facts)) {
      return Verdict.of(CODE, Truth.UNKNOWN, Reason.of(ReasonCode.SOM_BORDER_CONTRADICTORY));
    }
    Truth truth = Truth.of(facts.crossedInternationalBorder());
    if (truth == Truth.UNKNOWN && Boolean.TRUE.equals(facts.entryIrregular())) {
      truth = Truth.TRUE;
    }
    return Verdict.of(
        CODE,
        truth,
        switch (truth) {
          case TRUE -> Reason.of(ReasonCode.SOM_BORDER_CROSSED);
          case FALSE -> Reason.of(ReasonCode.SOM_NO_BORDER_CROSSED);
          case UNKNOWN -> Reason.of(ReasonCode.SOM_BORDER_UNKNOWN);
        });
  }
}
