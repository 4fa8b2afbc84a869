package org.palermo.law.rule;

import java.util.ArrayList;
import java.util.List;
import org.palermo.law.Facts;

/** Disjunction of rules: every part is evaluated (for complete reasons), true wins over unknown. */
final class Any implements Rule {
  private final String code;
  private final String citation;
  private final List<Rule> parts;

  Any(String code, String citation, List<Rule> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("any() of nothing");
    }
    this.code = code;
    this.citation = citation;
    this.parts = List.copyOf(parts);
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String citation() {
    return citation;
  }

  @Override
  public Verdict evaluate(Facts facts) {
    List<Verdict> verdicts = new ArrayList<>(parts.size());
    Truth truth = Truth.FALSE;
    for (Rule part : parts) {
      Verdict verdict = part.evaluate(facts);
      verdicts.add(verdict);
      truth = truth.or(verdict.truth());
    }
    return new Verdict(code, truth, List.of(), verdicts);
  }
}
