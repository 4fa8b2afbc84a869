package org.palermo.linkage.engine;

import java.util.Arrays;

/**
 * Expectation–maximisation for the Fellegi–Sunter model (Winkler 1988; as Splink estimates it):
 * from the comparison vectors of candidate pairs, with no labels, the probability of each level
 * among matches (m), among non-matches (u) and the share of matches (lambda). The vectors are
 * grouped into distinct patterns first, so an iteration costs one pass over the patterns. A level
 * unknown on either side (-1) is left out of both sums, as it carries no evidence. A small
 * Dirichlet prior (two pseudo-pairs at the starting values) keeps a level that no pair shows from
 * reaching probability 0.
 */
public final class Em {
  /** The estimates, and how many iterations it took. */
  public record Estimate(double[][] m, double[][] u, double lambda, int iterations) {}

  private static final double PSEUDO = 2.0;

  private Em() {}

  /** A pattern: 4 bits a comparison, level + 1, 0 for unknown. */
  public static long encode(int[] levels) {
    long p = 0;
    for (int c = 0; c < levels.length; c++) {
      p |= (long) (levels[c] + 1) << (4 * c);
    }
    return p;
  }

  static int level(long pattern, int c) {
    return (int) ((pattern >>> (4 * c)) & 0xF) - 1;
  }

  /**
   * Runs EM from the starting values until no probability moves by more than 1e-5 or after
   * maxIterations.
   *
   * @param patterns distinct comparison vectors ({@link #encode})
   * @param counts how many pairs show each pattern
   * @param m0 starting m, [comparison][level]
   * @param u0 starting u, [comparison][level]
   * @param fixU keep u at its starting value (u from random sampling), estimate m and lambda only
   */
  public static Estimate estimate(
      long[] patterns,
      long[] counts,
      double[][] m0,
      double[][] u0,
      double lambda0,
      boolean fixU,
      int maxIterations) {
    return estimate(patterns, counts, m0, u0, lambda0, false, fixU, maxIterations);
  }

  /**
   * As {@link #estimate(long[], long[], double[][], double[][], double, boolean, int)}, and with
   * fixM m kept at its starting value too (then EM estimates u among the candidates and the share
   * of matches only).
   */
  public static Estimate estimate(
      long[] patterns,
      long[] counts,
      double[][] m0,
      double[][] u0,
      double lambda0,
      boolean fixM,
      boolean fixU,
      int maxIterations) {
    int nc = m0.length;
    double[][] m = copy(m0);
    double[][] u = copy(u0);
    double lambda = lambda0;
    double[][] mSum = new double[nc][];
    double[][] uSum = new double[nc][];
    for (int c = 0; c < nc; c++) {
      mSum[c] = new double[m0[c].length];
      uSum[c] = new double[m0[c].length];
    }
    int it = 0;
    while (it < maxIterations) {
      it++;
      for (int c = 0; c < nc; c++) {
        Arrays.fill(mSum[c], 0);
        Arrays.fill(uSum[c], 0);
      }
      double matchTotal = 0;
      double total = 0;
      for (int k = 0; k < patterns.length; k++) {
        long p = patterns[k];
        double lm = Math.log(lambda);
        double lu = Math.log1p(-lambda);
        for (int c = 0; c < nc; c++) {
          int l = level(p, c);
          if (l >= 0) {
            lm += Math.log(m[c][l]);
            lu += Math.log(u[c][l]);
          }
        }
        double post = 1.0 / (1.0 + Math.exp(lu - lm));
        double n = counts[k];
        matchTotal += post * n;
        total += n;
        for (int c = 0; c < nc; c++) {
          int l = level(p, c);
          if (l >= 0) {
            mSum[c][l] += post * n;
            uSum[c][l] += (1 - post) * n;
          }
        }
      }
      double change = 0;
      for (int c = 0; c < nc; c++) {
        if (!fixM) {
          change = Math.max(change, normalise(mSum[c], m0[c], m[c]));
        }
        if (!fixU) {
          change = Math.max(change, normalise(uSum[c], u0[c], u[c]));
        }
      }
      double next = (matchTotal + PSEUDO * lambda0) / (total + PSEUDO);
      next = Math.min(Math.max(next, 1e-9), 1 - 1e-9);
      change = Math.max(change, Math.abs(next - lambda));
      lambda = next;
      if (change < 1e-5) {
        break;
      }
    }
    return new Estimate(m, u, lambda, it);
  }

  private static double normalise(double[] sums, double[] prior, double[] into) {
    double total = PSEUDO;
    for (double s : sums) {
      total += s;
    }
    double change = 0;
    for (int l = 0; l < sums.length; l++) {
      double v = Math.max((sums[l] + PSEUDO * prior[l]) / total, 1e-9);
      change = Math.max(change, Math.abs(v - into[l]));
      into[l] = v;
    }
    return change;
  }

  private static double[][] copy(double[][] a) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
    }
    return out;
  }
}
