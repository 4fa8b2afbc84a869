package org.palermo.linkage.engine;

/**
 * A trained Fellegi–Sunter model: for each comparison and level, m (its probability among pairs of
 * records of one person) and u (among pairs of two people), the weight log2(m/u) of each level, and
 * the prior log2 odds that two records drawn at random are one person. The match weight of a pair
 * is the prior plus the weights of its levels (an unknown field adds 0); its match probability is
 * 2^w / (1 + 2^w). For the exact level of the given and family names the u is replaced by the
 * frequency of the name itself (term-frequency adjustment): two "Mohammed" agree by chance far more
 * often than two "Zebulon", so the agreement weighs less.
 */
public final class Model {
  private final double[][] m;
  private final double[][] u;
  private final double[][] weights;
  private final double priorLog2Odds;

  public Model(double[][] m, double[][] u, double priorLog2Odds) {
    this.m = m;
    this.u = u;
    this.priorLog2Odds = priorLog2Odds;
    this.weights = new double[m.length][];
    for (int c = 0; c < m.length; c++) {
      weights[c] = new double[m[c].length];
      for (int l = 0; l < m[c].length; l++) {
        weights[c][l] = log2(m[c][l] / u[c][l]);
      }
    }
  }

  /** m of a comparison's level. */
  public double m(Comparison c, int level) {
    return m[c.ordinal()][level];
  }

  /** u of a comparison's level. */
  public double u(Comparison c, int level) {
    return u[c.ordinal()][level];
  }

  public double priorLog2Odds() {
    return priorLog2Odds;
  }

  /** The weight of a level, without term-frequency adjustment. */
  public double weight(Comparison c, int level) {
    return weights[c.ordinal()][level];
  }

  /** The weight of a level of two records, term-frequency adjusted on exact names. */
  double weight(Comparison c, int level, Prepared a, Prepared b) {
    if (level == 0 && c == Comparison.GIVEN_NAME && a.givenTf > 0) {
      return log2(m[c.ordinal()][0] / Math.max(a.givenTf, b.givenTf));
    }
    if (level == 0 && c == Comparison.FAMILY_NAME && a.familyTf > 0) {
      return log2(m[c.ordinal()][0] / Math.max(a.familyTf, b.familyTf));
    }
    return weights[c.ordinal()][level];
  }

  /** The match weight of two records: prior plus the weights of all comparisons. */
  double matchWeight(Prepared a, Prepared b) {
    double w = priorLog2Odds;
    for (Comparison c : Comparison.ALL) {
      int l = c.level(a, b);
      if (l >= 0) {
        w += weight(c, l, a, b);
      }
    }
    return w;
  }

  static double probability(double log2Odds) {
    return 1.0 / (1.0 + Math.pow(2, -log2Odds));
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
