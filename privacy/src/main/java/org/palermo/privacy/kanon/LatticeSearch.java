package org.palermo.privacy.kanon;

import java.util.ArrayList;
import java.util.List;

/**
 * Exhaustive full-domain search of the generalisation lattice, bottom-up by height. Each node's
 * classes are rolled up from the predecessor with the fewest classes (as in Incognito), never from
 * the raw records. A node's certainty penalty is at least the penalty its levels impose on every
 * record, a bound that only grows with generalisation; once a node's bound reaches the best penalty
 * found, it and all its generalisations are skipped. The node returned therefore has the least
 * penalty among all nodes within the suppression limit.
 */
final class LatticeSearch {
  /** Upper bound on lattice size, far above the 3,072 nodes of the seven CTDC hierarchies. */
  static final int MAX_NODES = 1 << 20;

  /** The chosen node and its scores. */
  record Result(
      int[] levels, long outliers, double penalty, double discernibility, int latticeSize) {}

  private final Dimension[] dims;
  private final int[] shifts;
  private final long[] masks;
  private final long n;
  private final int k;
  private final long maxOutliers;
  private final int[] heights;
  private final int[] mult;
  private final Histogram.Grouper grouper = new Histogram.Grouper();

  LatticeSearch(Dimension[] dims, int[] shifts, long[] masks, long n, int k, long maxOutliers) {
    this.dims = dims;
    this.shifts = shifts;
    this.masks = masks;
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
    boolean[] pruned = new boolean[total];
    classes[0] = base;
    Result best = evaluate(0, base, null, total);
    for (int h = 1; h < byHeight.size(); h++) {
      for (int index : byHeight.get(h)) {
        int[] lv = levels(index);
        int from = -1;
        int along = -1;
        for (int d = 0; d < dims.length && !pruned[index]; d++) {
          int p = index - mult[d];
          if (lv[d] > 0) {
            pruned[index] = pruned[p];
            if (from < 0 || (!pruned[p] && classes[p].size() < classes[from].size())) {
              from = p;
              along = d;
            }
          }
        }
        if (pruned[index] || (best != null && lowerBound(lv) >= best.penalty())) {
          pruned[index] = true;
          continue;
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

  /** The penalty the levels impose on all records, before any suppression. */
  private double lowerBound(int[] lv) {
    double bound = 0;
    for (int d = 0; d < dims.length; d++) {
      bound += dims[d].penaltySum[lv[d]];
    }
    return bound;
  }

  private Histogram rollUp(Histogram from, int d, int[] up) {
    grouper.reset(from.size());
    int shift = shifts[d];
    long mask = masks[d];
    for (int i = 0; i < from.size(); i++) {
      long key = from.keys[i];
      int code = (int) ((key >>> shift) & mask);
      grouper.add((key & ~(mask << shift)) | ((long) up[code] << shift), from.counts[i]);
    }
    return grouper.build();
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
    double penalty = outliers * (double) dims.length - outlierPenalty + lowerBound(lv);
    discernibility += (double) outliers * n;
    if (best == null || penalty < best.penalty()) {
      return new Result(lv, outliers, penalty, discernibility, total);
    }
    return best;
  }

  private double cellPenalties(long key, int[] lv) {
    double sum = 0;
    for (int d = 0; d < dims.length; d++) {
      sum += dims[d].ncp[lv[d]][(int) ((key >>> shifts[d]) & masks[d])];
    }
    return sum;
  }
}
