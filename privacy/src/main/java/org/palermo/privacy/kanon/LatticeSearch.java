package org.palermo.privacy.kanon;

import java.util.ArrayList;
import java.util.List;

/**
 * Exhaustive full-domain search of the generalisation lattice. Nodes are visited by height; each
 * node's classes are rolled up from the predecessor with the fewest classes (as in Incognito), so
 * no node is computed from the raw records. Every node is scored, so the node returned has the
 * least normalised certainty penalty among all nodes within the suppression limit.
 */
final class LatticeSearch {
  /** Upper bound on lattice size, far above the 3,072 nodes of the seven CTDC hierarchies. */
  static final int MAX_NODES = 1 << 20;

  /** The chosen node and its scores. */
  record Result(
      int[] levels, long outliers, double penalty, double discernibility, int latticeSize) {}

  private final Dimension[] dims;
  private final long[] strides;
  private final long n;
  private final int k;
  private final long maxOutliers;
  private final int[] heights;
  private final int[] mult;

  LatticeSearch(Dimension[] dims, long[] strides, long n, int k, long maxOutliers) {
    this.dims = dims;
    this.strides = strides;
    this.n = n;
    this.k = k;
    this.maxOutliers = maxOutliers;
    this.heights = new int[dims.length];
    this.mult = new int[dims.length];
    long size = 1;
    for (int d = 0; d < dims.length; d++) {
      heights[d] = dims[d].qi.levels();
      mult[d] = (int) size;
      size *= heights[d];
      if (size > MAX_NODES) {
        throw new IllegalArgumentException("generalisation lattice too large");
      }
    }
  }

  /** The best node, or {@code null} if no node meets k within the suppression limit. */
  Result run(Histogram base) {
    int total = mult[dims.length - 1] * heights[dims.length - 1];
    List<List<Integer>> byHeight = new ArrayList<>();
    for (int index = 0; index < total; index++) {
      int h = 0;
      for (int level : levels(index)) {
        h += level;
      }
      while (byHeight.size() <= h) {
        byHeight.add(new ArrayList<>());
      }
      byHeight.get(h).add(index);
    }
    Histogram[] classes = new Histogram[total];
    classes[0] = base;
    Result best = evaluate(0, base, null, total);
    for (int h = 1; h < byHeight.size(); h++) {
      for (int index : byHeight.get(h)) {
        int[] lv = levels(index);
        int from = -1;
        int along = -1;
        for (int d = 0; d < dims.length; d++) {
          int p = index - mult[d];
          if (lv[d] > 0 && (from < 0 || classes[p].size() < classes[from].size())) {
            from = p;
            along = d;
          }
        }
        classes[index] = rollUp(classes[from], along, dims[along].up[lv[along]]);
        best = evaluate(index, classes[index], best, total);
      }
      for (int index : byHeight.get(h - 1)) {
        classes[index] = null;
      }
    }
    return best;
  }

  int[] levels(int index) {
    int[] lv = new int[dims.length];
    for (int d = 0; d < dims.length; d++) {
      lv[d] = (index / mult[d]) % heights[d];
    }
    return lv;
  }

  private Histogram rollUp(Histogram from, int d, int[] up) {
    Histogram.Builder builder = new Histogram.Builder(from.size());
    long stride = strides[d];
    long radix = dims[d].radix();
    for (int i = 0; i < from.size(); i++) {
      long key = from.keys[i];
      int code = (int) ((key / stride) % radix);
      builder.add(key + (up[code] - code) * stride, from.counts[i]);
    }
    return builder.build();
  }

  private Result evaluate(int index, Histogram classes, Result best, int total) {
    int[] lv = levels(index);
    long outliers = 0;
    double outlierPenalty = 0;
    double discernibility = 0;
    for (int i = 0; i < classes.size(); i++) {
      int count = classes.counts[i];
      if (count < k) {
        outliers += count;
        if (outliers > maxOutliers) {
          return best;
        }
        outlierPenalty += count * cellPenalties(classes.keys[i], lv);
      } else {
        discernibility += (double) count * count;
      }
    }
    double penalty = outliers * (double) dims.length - outlierPenalty;
    for (int d = 0; d < dims.length; d++) {
      penalty += dims[d].penaltySum[lv[d]];
    }
    discernibility += (double) outliers * n;
    if (best == null || penalty < best.penalty()) {
      return new Result(lv, outliers, penalty, discernibility, total);
    }
    return best;
  }

  private double cellPenalties(long key, int[] lv) {
    double sum = 0;
    for (int d = 0; d < dims.length; d++) {
      int code = (int) ((key / strides[d]) % dims[d].radix());
      sum += dims[d].ncp[lv[d]][code];
    }
    return sum;
  }
}
