package org.palermo.privacy.kanon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One quasi-identifier encoded for a dataset: integer codes of its values at every level (code 0 is
 * missing / *), the maps between levels, and the certainty penalty of each code.
 */
final class Dimension {
  final QuasiIdentifier qi;
  private final Map<Object, Integer> dictionary = new HashMap<>();
  private final List<Object> values = new ArrayList<>();
  private int[] count0 = new int[16];

  /** {@code toLevel[l][code0]}: the code at level {@code l} of a level-0 code. */
  int[][] toLevel;

  /** {@code up[l][code]}: the code at level {@code l} of a code at level {@code l - 1}. */
  int[][] up;

  /** {@code ncp[l][code]}: the normalised certainty penalty of a code at level {@code l}. */
  double[][] ncp;

  /** {@code penaltySum[l]}: the penalty of all records with this dimension at level {@code l}. */
  double[] penaltySum;

  Dimension(QuasiIdentifier qi) {
    this.qi = qi;
    values.add(null);
  }

  /** The level-0 code of a value, assigning a new code on first sight, and counts it. */
  int encode(Object value) {
    int code;
    if (value == null) {
      code = 0;
    } else {
      Integer known = dictionary.get(value);
      if (known == null) {
        code = values.size();
        dictionary.put(value, code);
        values.add(value);
      } else {
        code = known;
      }
    }
    if (code >= count0.length) {
      count0 = java.util.Arrays.copyOf(count0, count0.length * 2);
    }
    count0[code]++;
    return code;
  }

  /** The number of level-0 codes, missing included: the radix of this dimension in a key. */
  int radix() {
    return values.size();
  }

  /** The level-0 value of a code. */
  Object value(int code0) {
    return values.get(code0);
  }

  /** Builds the level maps and penalties once every record has been encoded. */
  void freeze() {
    int levels = qi.levels();
    int n0 = values.size();
    toLevel = new int[levels][n0];
    up = new int[levels][];
    ncp = new double[levels][];
    penaltySum = new double[levels];
    int leaves = n0 - 1;
    for (int l = 0; l < levels; l++) {
      Map<Object, Integer> codes = new HashMap<>();
      List<Integer> leafCounts = new ArrayList<>();
      leafCounts.add(0);
      for (int c = 1; c < n0; c++) {
        Object general = Hierarchies.generalise(qi, values.get(c), l);
        int code = 0;
        if (general != null) {
          Integer existing = codes.putIfAbsent(general, codes.size() + 1);
          code = existing == null ? codes.size() : existing;
          if (existing == null) {
            leafCounts.add(0);
          }
          leafCounts.set(code, leafCounts.get(code) + 1);
        }
        toLevel[l][c] = code;
      }
      ncp[l] = new double[codes.size() + 1];
      ncp[l][0] = 1.0;
      for (int code = 1; code <= codes.size(); code++) {
        ncp[l][code] = leaves <= 1 ? 0.0 : (leafCounts.get(code) - 1) / (double) (leaves - 1);
      }
      for (int c = 0; c < n0; c++) {
        penaltySum[l] += count0[c] * ncp[l][toLevel[l][c]];
      }
      if (l > 0) {
        up[l] = new int[ncp[l - 1].length];
        java.util.Arrays.fill(up[l], -1);
        up[l][0] = 0;
        for (int c = 0; c < n0; c++) {
          int below = toLevel[l - 1][c];
          if (up[l][below] >= 0 && up[l][below] != toLevel[l][c]) {
            throw new IllegalStateException(qi + " hierarchy is not a tree at level " + l);
          }
          up[l][below] = toLevel[l][c];
        }
      }
    }
  }
}
