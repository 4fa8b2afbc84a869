package org.palermo.law.delphi;

import org.palermo.law.DelphiClass;
import org.palermo.law.DelphiList;

/**
 * The Delphi rules (ILO–EC 2009, WCMS_105023; not yet verified against the brochure). Dimension
 * rule: a dimension is positive with (a) two strong, (b) one strong and one medium or weak, (c)
 * three medium, or (d) two medium and one weak indicators, so weak ones alone never suffice.
 * Adults: (DR or CR or VR) and EX and (CD or VD). Children, where no means is needed (cf.
 * Trafficking Protocol art. 3(c)): (DR or CR or VR) and EX.
 */
public final class DelphiRules {
  public static final String ADULT_RULE =
      "adult: (DECEPTIVE_RECRUITMENT or COERCIVE_RECRUITMENT or"
          + " RECRUITMENT_BY_ABUSE_OF_VULNERABILITY) and EXPLOITATIVE_CONDITIONS_OF_WORK and"
          + " (COERCION_AT_DESTINATION or ABUSE_OF_VULNERABILITY_AT_DESTINATION)";
  public static final String CHILD_RULE =
      "child: (DECEPTIVE_RECRUITMENT or COERCIVE_RECRUITMENT or"
          + " RECRUITMENT_BY_ABUSE_OF_VULNERABILITY) and EXPLOITATIVE_CONDITIONS_OF_WORK";

  private DelphiRules() {}

  /** The clause ("a" to "d") of the dimension rule that these counts meet, or null if none. */
  public static String dimensionClause(int strong, int medium, int weak) {
    if (strong >= 2) {
      return "a";
    }
    if (strong >= 1 && medium + weak >= 1) {
      return "b";
    }
    if (medium >= 3) {
      return "c";
    }
    if (medium >= 2 && weak >= 1) {
      return "d";
    }
    return null;
  }

  /**
   * Whether the combination rule of {@code list} holds, given which dimensions are positive
   * (indexed by {@link org.palermo.law.Dimension#ordinal()}).
   */
  public static boolean combination(DelphiList list, boolean[] positive) {
    boolean recruitment = positive[0] || positive[1] || positive[2];
    boolean exploitation = positive[3];
    boolean destination = positive[4] || positive[5];
    return list.children()
        ? recruitment && exploitation
        : recruitment && exploitation && destination;
  }

  /** The class of a list result, given the positive dimensions. */
  public static DelphiClass classify(DelphiList list, boolean[] positive) {
    if (combination(list, positive)) {
      return DelphiClass.POSSIBLE_VICTIM_OF_TRAFFICKING;
    }
    int count = 0;
    for (boolean p : positive) {
      count += p ? 1 : 0;
    }
    boolean exploitation = positive[3];
    boolean destination = positive[4] || positive[5];
    if (!list.children() && exploitation && positive[0] && !destination) {
      return DelphiClass.DECEPTION_AND_EXPLOITATION;
    }
    if (exploitation && count == 1) {
      return DelphiClass.EXPLOITATION_ONLY;
    }
    return count > 0 ? DelphiClass.PARTIAL_INDICATORS : DelphiClass.NOT_IDENTIFIED;
  }

  /** The rule text applied to {@code list}. */
  public static String ruleOf(DelphiList list) {
    return list.children() ? CHILD_RULE : ADULT_RULE;
  }
}
