package org.palermo.law.delphi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.palermo.law.DelphiAssessment;
import org.palermo.law.DelphiList;
import org.palermo.law.DelphiListScore;
import org.palermo.law.Dimension;
import org.palermo.law.DimensionScore;
import org.palermo.law.indicator.Indicator;
import org.palermo.law.indicator.IndicatorCatalogue;
import org.palermo.law.indicator.IndicatorList;

/**
 * Scores indicator codes against the Delphi lists: per list that any code belongs to, the counts
 * and verdict of each dimension and the list's combination rule and class ({@link DelphiRules}).
 */
public final class DelphiScorer {
  private static final Dimension[] DIMENSIONS = Dimension.values();
  private static final DelphiList[] LISTS = DelphiList.values();

  private final IndicatorCatalogue catalogue;
  private final boolean[] pending = new boolean[LISTS.length];

  public DelphiScorer(IndicatorCatalogue catalogue) {
    this.catalogue = catalogue;
    for (DelphiList list : LISTS) {
      pending[list.ordinal()] =
          catalogue.list(list.name()).map(IndicatorList::pendingVerification).orElse(true);
    }
  }

  /** Scores {@code codes}; codes not in a Delphi list (e.g. ILO ones) are ignored here. */
  public DelphiAssessment score(Set<String> codes) {
    int[] counts = new int[LISTS.length * DIMENSIONS.length * 3];
    boolean[] touched = new boolean[LISTS.length];
    for (String code : codes) {
      Indicator indicator = catalogue.indicator(code).orElse(null);
      if (indicator == null || indicator.dimension() == null) {
        continue;
      }
      int list = DelphiList.valueOf(indicator.list()).ordinal();
      touched[list] = true;
      counts[
          (list * DIMENSIONS.length + indicator.dimension().ordinal()) * 3
              + indicator.rating().ordinal()]++;
    }
    List<DelphiListScore> scores = new ArrayList<>(2);
    for (DelphiList list : LISTS) {
      if (touched[list.ordinal()]) {
        scores.add(
            scoreList(
                list, pending[list.ordinal()], counts, list.ordinal() * DIMENSIONS.length * 3));
      }
    }
    return new DelphiAssessment(catalogue.version(), DelphiAssessment.NOTICE, scores);
  }

  /**
   * Scores one list from counts indexed by [dimension ordinal][rating ordinal: strong, medium,
   * weak].
   */
  public static DelphiListScore scoreList(DelphiList list, boolean pending, int[][] counts) {
    int[] flat = new int[DIMENSIONS.length * 3];
    for (int d = 0; d < DIMENSIONS.length; d++) {
      System.arraycopy(counts[d], 0, flat, d * 3, 3);
    }
    return scoreList(list, pending, flat, 0);
  }

  private static DelphiListScore scoreList(
      DelphiList list, boolean pending, int[] counts, int offset) {
    List<DimensionScore> dimensions = new ArrayList<>(DIMENSIONS.length);
    boolean[] positive = new boolean[DIMENSIONS.length];
    for (Dimension dimension : DIMENSIONS) {
      int at = offset + dimension.ordinal() * 3;
      int strong = counts[at];
      int medium = counts[at + 1];
      int weak = counts[at + 2];
      String clause = DelphiRules.dimensionClause(strong, medium, weak);
      positive[dimension.ordinal()] = clause != null;
      dimensions.add(new DimensionScore(dimension, strong, medium, weak, clause != null, clause));
    }
    return new DelphiListScore(
        list,
        pending,
        dimensions,
        DelphiRules.combination(list, positive),
        DelphiRules.classify(list, positive),
        DelphiRules.ruleOf(list));
  }
}
