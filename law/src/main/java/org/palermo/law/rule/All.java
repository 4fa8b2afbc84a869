package org.palermo.law.rule;

import java.util.ArrayList;
import java.util.List;
import org.palermo.law.Facts;

/**
 * Conjunction of rules: every part is evaluated (for complete reasons), false wins over unknown.
 */
final class All implements Rule {
  private final String code;
  private final String citation;
  private final List<Rule> parts;

  All(String code, String citation, List<Rule> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("all() of nothing");
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
    Truth truth = Truth.TRUE;
    for (Rule part : parts) {
      Verdict verdict = part.evaluate(facts);
      verdicts.add(verdict);
      truth = truth.and(verdict.truth());
    }
    return new Verdict(code, truth, List.of(), verdicts);
  }
}
