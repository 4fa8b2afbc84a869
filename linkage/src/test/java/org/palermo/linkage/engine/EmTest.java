package org.palermo.linkage.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** EM recovers m, u and the share of matches from unlabelled vectors drawn from a planted model. */
class EmTest {
  static final double[][] M = {{0.9, 0.07, 0.03}, {0.85, 0.15}, {0.8, 0.1, 0.1}};
  static final double[][] U = {{0.02, 0.08, 0.9}, {0.1, 0.9}, {0.05, 0.15, 0.8}};
  static final double LAMBDA = 0.2;

  @Test
  void converges_on_a_planted_m_and_u() {
    Random random = new Random(7);
    Map<Long, Long> patterns = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      boolean match = random.nextDouble() < LAMBDA;
      double[][] p = match ? M : U;
      int[] levels = new int[p.length];
      for (int c = 0; c < p.length; c++) {
        levels[c] = random.nextDouble() < 0.05 ? -1 : draw(random, p[c]);
      }
      patterns.merge(Em.encode(levels), 1L, Long::sum);
    }
    long[] keys = patterns.keySet().stream().mapToLong(Long::longValue).toArray();
    long[] counts = new long[keys.length];
    for (int k = 0; k < keys.length; k++) {
      counts[k] = patterns.get(keys[k]);
    }
    double[][] m0 = {{0.5, 0.3, 0.2}, {0.6, 0.4}, {0.5, 0.3, 0.2}};
    double[][] u0 = {{0.2, 0.3, 0.5}, {0.4, 0.6}, {0.2, 0.3, 0.5}};
    Em.Estimate e = Em.estimate(keys, counts, m0, u0, 0.5, false, 500);
    assertThat(e.lambda()).isCloseTo(LAMBDA, offset(0.01));
    for (int c = 0; c < M.length; c++) {
      for (int l = 0; l < M[c].length; l++) {
        assertThat(e.m()[c][l]).as("m[%d][%d]", c, l).isCloseTo(M[c][l], offset(0.02));
        assertThat(e.u()[c][l]).as("u[%d][%d]", c, l).isCloseTo(U[c][l], offset(0.02));
      }
    }
    assertThat(e.iterations()).isLessThan(500);

    Em.Estimate fixed = Em.estimate(keys, counts, m0, U, 0.5, true, 500);
    assertThat(fixed.u()[0][0]).isEqualTo(U[0][0]);
    assertThat(fixed.m()[0][0]).isCloseTo(M[0][0], offset(0.02));
  }

  private static int draw(Random random, double[] p) {
    double x = random.nextDouble();
    for (int l = 0; l < p.length; l++) {
      x -= p[l];
      if (x < 0) {
        return l;
      }
    }
    return p.length - 1;
  }
}
