package org.palermo.law.rule;

import java.util.List;
import org.palermo.law.Facts;

/**
 * A named legal rule: judges facts and returns a verdict with reasons, never a bare boolean. Each
 * implementation's Javadoc cites the article it encodes.
 */
public interface Rule {

  /** Stable code of this rule, e.g. {@code TIP_ACT}. */
  String code();

  /** The article this rule encodes, e.g. "Trafficking Protocol art. 3(a)". */
  String citation();

  /** Judges {@code facts}. */
  Verdict evaluate(Facts facts);

  /** A rule that holds when all {@code parts} hold (Kleene conjunction). */
  static Rule all(String code, String citation, Rule... parts) {
    return new All(code, citation, List.of(parts));
  }

  /** A rule that holds when any of {@code parts} holds (Kleene disjunction). */
  static Rule any(String code, String citation, Rule... parts) {
    return new Any(code, citation, List.of(parts));
  }
}
