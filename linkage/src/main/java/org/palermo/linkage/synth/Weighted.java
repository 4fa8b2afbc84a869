package org.palermo.linkage.synth;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws items with given weights by binary search on the cumulative weights. {@link #zipf} gives a
 * list ordered from the most to the least frequent the weights 1/rank^s, the long tail of real name
 * frequencies (a common name is many times more frequent than a rare one).
 */
final class Weighted<T> {
  private final List<T> items;
  private final double[] cumulative;

  Weighted(List<T> items, double[] weights) {
    if (items.isEmpty() || items.size() != weights.length) {
      throw new IllegalArgumentException("one weight per item, at least one item");
    }
    this.items = List.copyOf(items);
    this.cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      cumulative[i] = sum;
    }
  }

  static <T> Weighted<T> zipf(List<T> ordered, double exponent) {
    double[] w = new double[ordered.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = 1.0 / Math.pow(i + 1, exponent);
    }
    return new Weighted<>(ordered, w);
  }

  T draw(SplittableRandom random) {
    double x = random.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return items.get(lo);
  }

  List<T> items() {
    return items;
  }
}
