package org.palermo.linkage.engine;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Why the engine scored a pair as it did: the prior, then each comparison's level and weight (bits
 * of evidence, log2 of m/u; positive for a match). {@link #toString()} reads "family name same
 * sound (Arabic ↔ Latin) +6.1; birth date day/month swapped +3.2"; the application translates from
 * the {@link Term} fields instead (comparison and level are stable codes).
 */
public record Explanation(double probability, double priorLog2Odds, List<Term> terms) {

  /**
   * One comparison: its level (-1 unknown on either side, then weight 0), the level in words, the
   * weight, the scripts of the two names where a name was written in a script other than Latin, and
   * whether the weight was adjusted for the frequency of the name.
   */
  public record Term(
      Comparison comparison,
      int level,
      String levelLabel,
      double weight,
      String leftScript,
      String rightScript,
      boolean frequencyAdjusted) {

    /** For example "family name same sound (Arabic ↔ Latin) +6.1". */
    @Override
    public String toString() {
      String scripts =
          leftScript == null && rightScript == null
              ? ""
              : " ("
                  + (leftScript == null ? "Latin" : leftScript)
                  + " ↔ "
                  + (rightScript == null ? "Latin" : rightScript)
                  + ")";
      String tf = frequencyAdjusted ? " (common-name adjusted)" : "";
      return comparison.label()
          + " "
          + levelLabel
          + scripts
          + tf
          + " "
          + String.format(Locale.ROOT, "%+.1f", weight);
    }
  }

  /** The known comparisons, strongest evidence first, then the probability. */
  @Override
  public String toString() {
    return terms.stream()
            .filter(t -> t.level() >= 0)
            .sorted((x, y) -> Double.compare(Math.abs(y.weight()), Math.abs(x.weight())))
            .map(Term::toString)
            .collect(Collectors.joining("; "))
        + String.format(Locale.ROOT, " → match probability %.4f", probability);
  }
}
