package org.palermo.privacy.table;

import java.util.ArrayList;
import java.util.List;
import org.palermo.privacy.dp.Rational;

/**
 * What an attacker can deduce about the suppressed entries of a table extended by its totals, when
 * every published entry is known exactly (rounding off, the strongest attacker): interval bounds by
 * propagating the row, column and grand-total equations with non-negativity to a fixed point, and
 * which entries the equations alone determine (exact rational elimination).
 */
final class MarginalAttack {
  static final long INF = Long.MAX_VALUE / 4;

  final int rows;
  final int cols;
  final boolean[][] hidden;
  final long[][] lo;
  final long[][] hi;
  private final List<int[][]> equations = new ArrayList<>();

  /** {@code value} is the extended true table; {@code hidden} marks the suppressed entries. */
  MarginalAttack(long[][] value, boolean[][] hidden) {
    this.rows = value.length;
    this.cols = value[0].length;
    this.hidden = hidden;
    this.lo = new long[rows][cols];
    this.hi = new long[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        lo[i][j] = hidden[i][j] ? 0 : value[i][j];
        hi[i][j] = hidden[i][j] ? INF : value[i][j];
      }
    }
    for (int i = 0; i < rows; i++) {
      int[][] eq = new int[cols][];
      for (int j = 0; j < cols; j++) {
        eq[j] = new int[] {i, j, j == cols - 1 ? -1 : 1};
      }
      equations.add(eq);
    }
    for (int j = 0; j < cols; j++) {
      int[][] eq = new int[rows][];
      for (int i = 0; i < rows; i++) {
        eq[i] = new int[] {i, j, i == rows - 1 ? -1 : 1};
      }
      equations.add(eq);
    }
  }

  /** Tightens every interval until nothing changes. */
  MarginalAttack propagate() {
    boolean changed = true;
    for (int round = 0; changed && round < 10_000; round++) {
      changed = false;
      for (int[][] eq : equations) {
        for (int[] u : eq) {
          if (!hidden[u[0]][u[1]]) {
            continue;
          }
          long min = 0;
          long max = 0;
          for (int[] v : eq) {
            if (v != u) {
              long a = v[2] > 0 ? lo[v[0]][v[1]] : -hi[v[0]][v[1]];
              long b = v[2] > 0 ? hi[v[0]][v[1]] : -lo[v[0]][v[1]];
              min = sat(min + a);
              max = sat(max + b);
            }
          }
          long newLo = u[2] > 0 ? -max : min;
          long newHi = u[2] > 0 ? -min : max;
          if (newLo > lo[u[0]][u[1]]) {
            lo[u[0]][u[1]] = newLo;
            changed = true;
          }
          if (newHi < hi[u[0]][u[1]]) {
            hi[u[0]][u[1]] = newHi;
            changed = true;
          }
        }
      }
    }
    return this;
  }

  /** Whether the equations alone fix this hidden entry (its unit vector is in their row space). */
  boolean determinedByEquations(int ti, int tj) {
    List<int[]> unknowns = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        if (hidden[i][j]) {
          unknowns.add(new int[] {i, j});
        }
      }
    }
    List<Rational[]> matrix = new ArrayList<>();
    for (int[][] eq : equations) {
      Rational[] row = new Rational[unknowns.size()];
      for (int u = 0; u < unknowns.size(); u++) {
        row[u] = Rational.ZERO;
        for (int[] v : eq) {
          if (v[0] == unknowns.get(u)[0] && v[1] == unknowns.get(u)[1]) {
            row[u] = Rational.of(v[2], 1);
          }
        }
      }
      matrix.add(row);
    }
    int before = rank(matrix, unknowns.size());
    Rational[] unit = new Rational[unknowns.size()];
    for (int u = 0; u < unknowns.size(); u++) {
      boolean target = unknowns.get(u)[0] == ti && unknowns.get(u)[1] == tj;
      unit[u] = target ? Rational.ONE : Rational.ZERO;
    }
    matrix.add(unit);
    return rank(matrix, unknowns.size()) == before;
  }

  private static int rank(List<Rational[]> original, int width) {
    List<Rational[]> m = new ArrayList<>();
    original.forEach(r -> m.add(r.clone()));
    int rank = 0;
    for (int col = 0; col < width && rank < m.size(); col++) {
      int pivot = -1;
      for (int r = rank; r < m.size(); r++) {
        if (m.get(r)[col].signum() != 0) {
          pivot = r;
          break;
        }
      }
      if (pivot < 0) {
        continue;
      }
      Rational[] p = m.get(pivot);
      m.set(pivot, m.get(rank));
      m.set(rank, p);
      for (int r = 0; r < m.size(); r++) {
        if (r != rank && m.get(r)[col].signum() != 0) {
          Rational f = m.get(r)[col].divide(p[col]);
          for (int c = 0; c < width; c++) {
            m.get(r)[c] = m.get(r)[c].subtract(f.multiply(p[c]));
          }
        }
      }
      rank++;
    }
    return rank;
  }

  private static long sat(long v) {
    return Math.max(-INF, Math.min(INF, v));
  }
}
