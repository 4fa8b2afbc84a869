package org.palermo.privacy.dp;

/** Pearson's chi-square goodness-of-fit p-value, via the regularised upper incomplete gamma. */
final class ChiSquare {
  private ChiSquare() {}

  /** The statistic for observed counts against expected counts. */
  static double statistic(long[] observed, double[] expected) {
    double sum = 0;
    for (int i = 0; i < observed.length; i++) {
      double d = observed[i] - expected[i];
      sum += d * d / expected[i];
    }
    return sum;
  }

  /** P(χ²(df) ≥ x). */
  static double pValue(double x, int df) {
    return upperGamma(df / 2.0, x / 2.0);
  }

  private static double upperGamma(double a, double x) {
    if (x < a + 1) {
      double term = 1 / a;
      double sum = term;
      for (int n = 1; n < 10_000; n++) {
        term *= x / (a + n);
        sum += term;
        if (Math.abs(term) < Math.abs(sum) * 1e-15) {
          break;
        }
      }
      return 1 - sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }
    double b = x + 1 - a;
    double c = 1 / 1e-300;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < 10_000; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      d = Math.abs(d) < 1e-300 ? 1e-300 : d;
      c = b + an / c;
      c = Math.abs(c) < 1e-300 ? 1e-300 : c;
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < 1e-15) {
        break;
      }
    }
    return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
  }

  private static double logGamma(double x) {
    double[] g = {
      676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
      12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
    };
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    x -= 1;
    double a = 0.99999999999980993;
    double t = x + 7.5;
    for (int i = 0; i < g.length; i++) {
      a += g[i] / (x + i + 1);
    }
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
  }
}
