package org.palermo.law.trafficking;

import org.palermo.law.ChildStatus;
import org.palermo.law.Citations;
import org.palermo.law.Facts;
import org.palermo.law.Reason;
import org.palermo.law.ReasonCode;
import org.palermo.law.rule.Rule;
import org.palermo.law.rule.Truth;
import org.palermo.law.rule.Verdict;

/**
 * The child exception, Trafficking Protocol art. 3(c) and 3(d): when the person was under 18 at the
 * first act, act and purpose suffice and no means is needed. A person under 18 now was under 18 at
 * the first act too.
 */
public final class ChildException implements Rule {
  public static final String CODE = "TIP_CHILD";
  static final int ADULTHOOD = ChildStatus.ADULTHOOD;

  private final boolean presumption;

  /** The rule of palermo-rules/1.0.0, by age alone. */
  public ChildException() {
    this(false);
  }

  /**
   * With {@code presumption} (palermo-rules/1.1.0), a presumed child (see {@link ChildStatus}) is a
   * child for this rule too, unless reported under 18 at the first act already (CETS 197 art.
   * 10(3); Directive 2011/36/EU art. 13(2)).
   */
  public ChildException(boolean presumption) {
    this.presumption = presumption;
  }

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public String citation() {
    return Citations.TIP_3C_3D;
  }

  /** Whether the person was under 18 at the first act, without giving reasons. */
  static Truth childAtFirstAct(Facts facts) {
    Integer atFirstAct = facts.ageAtFirstAct();
    if (atFirstAct != null) {
      return atFirstAct < ADULTHOOD ? Truth.TRUE : Truth.FALSE;
    }
    return facts.age() != null && facts.age() < ADULTHOOD ? Truth.TRUE : Truth.UNKNOWN;
  }

  /** Why the person is presumed a child: the age is disputed, or unknown for a reported child. */
  public static String presumptionGround(Facts facts) {
    if (Boolean.TRUE.equals(facts.ageDisputed())) {
      return "AGE_DISPUTED";
    }
    return facts.age() == null
        ? "REPORTED_AS_UNACCOMPANIED_OR_SEPARATED_CHILD_OF_UNKNOWN_AGE"
        : "REPORTED_AS_UNACCOMPANIED_OR_SEPARATED_CHILD";
  }

  @Override
  public Verdict evaluate(Facts facts) {
    Integer atFirstAct = facts.ageAtFirstAct();
    if (presumption
        && !(atFirstAct != null && atFirstAct < ADULTHOOD)
        && ChildStatus.of(facts) == ChildStatus.PRESUMED) {
      return Verdict.of(
          CODE, Truth.TRUE, Reason.of(ReasonCode.TIP_PRESUMED_CHILD, presumptionGround(facts)));
    }
    if (atFirstAct != null) {
      return atFirstAct < ADULTHOOD
          ? Verdict.of(
              CODE, Truth.TRUE, Reason.of(ReasonCode.TIP_CHILD_AT_FIRST_ACT, atFirstAct.toString()))
          : Verdict.of(
              CODE,
              Truth.FALSE,
              Reason.of(ReasonCode.TIP_ADULT_AT_FIRST_ACT, atFirstAct.toString()));
    }
    Integer age = facts.age();
    if (age != null && age < ADULTHOOD) {
      return Verdict.of(
          CODE, Truth.TRUE, Reason.of(ReasonCode.TIP_CHILD_BY_CURRENT_AGE, age.toString()));
    }
    return Verdict.of(CODE, Truth.UNKNOWN, Reason.of(ReasonCode.TIP_AGE_AT_FIRST_ACT_UNKNOWN));
  }
}
