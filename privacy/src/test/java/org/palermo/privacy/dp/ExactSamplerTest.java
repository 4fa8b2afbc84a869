package org.palermo.privacy.dp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Statistical tests with fixed seeds. Goodness of fit uses Pearson's chi-square at significance
 * level α = 0.001 over bins with expected count at least 5 plus two tail bins; Bernoulli
 * frequencies must lie within 4.5 standard errors (two-sided α ≈ 7e-6).
 */
class ExactSamplerTest {
  private static final double ALPHA = 0.001;
  private static final int N = 200_000;

  @Test
  void chiSquareHelperMatchesKnownQuantiles() {
    assertThat(ChiSquare.pValue(3.841, 1)).isCloseTo(0.05, within(1e-3));
    assertThat(ChiSquare.pValue(29.588, 10)).isCloseTo(0.001, within(1e-4));
    assertThat(ChiSquare.pValue(45.315, 20)).isCloseTo(0.001, within(1e-4));
  }

  @Test
  void bernoulliExpMinusGammaHasFrequencyExpMinusGamma() {
    for (Rational gamma :
        List.of(Rational.of(1, 3), Rational.ONE, Rational.of(3, 2), Rational.of(7, 2))) {
      ExactSampler sampler = new ExactSampler(new SplittableRandom(11));
      long hits = 0;
      for (int i = 0; i < N; i++) {
        hits += sampler.bernoulliExpMinus(gamma) ? 1 : 0;
      }
      double p = Math.exp(-gamma.numerator().doubleValue() / gamma.denominator().doubleValue());
      double z = (hits / (double) N - p) / Math.sqrt(p * (1 - p) / N);
      assertThat(Math.abs(z))
          .as("gamma=%s frequency=%s p=%s", gamma, hits / (double) N, p)
          .isLessThan(4.5);
    }
    ExactSampler sampler = new ExactSampler(new SplittableRandom(1));
    for (int i = 0; i < 1000; i++) {
      assertThat(sampler.bernoulliExpMinus(Rational.ZERO)).isTrue();
      assertThat(sampler.bernoulli(Rational.ZERO)).isFalse();
      assertThat(sampler.bernoulli(Rational.ONE)).isTrue();
    }
  }

  @Test
  void bernoulliOfARationalUsesOneUniformDrawBelowTheDenominator() {
    ExactSampler sampler = new ExactSampler(new SplittableRandom(5));
    long hits = 0;
    for (int i = 0; i < N; i++) {
      hits += sampler.bernoulli(Rational.of(2, 7)) ? 1 : 0;
    }
    double p = 2 / 7.0;
    assertThat(Math.abs(hits / (double) N - p) / Math.sqrt(p * (1 - p) / N)).isLessThan(4.5);
  }

  @Test
  void uniformIntegersCoverTheirRangeEvenly() {
    ExactSampler sampler = new ExactSampler(new SplittableRandom(9));
    long[] observed = new long[7];
    for (int i = 0; i < 70_000; i++) {
      observed[(int) sampler.uniform(7)]++;
    }
    double[] expected = new double[7];
    java.util.Arrays.fill(expected, 10_000);
    assertThat(ChiSquare.pValue(ChiSquare.statistic(observed, expected), 6)).isGreaterThan(ALPHA);

    BigInteger big = BigInteger.valueOf(3).shiftLeft(64);
    int upperThird = 0;
    for (int i = 0; i < 30_000; i++) {
      BigInteger u = sampler.uniform(big);
      assertThat(u.signum()).isGreaterThanOrEqualTo(0);
      assertThat(u).isLessThan(big);
      upperThird += u.compareTo(BigInteger.ONE.shiftLeft(65)) >= 0 ? 1 : 0;
    }
    assertThat(upperThird / 30_000.0).isCloseTo(1 / 3.0, within(0.015));
  }

  @Test
  void discreteLaplaceMatchesTheExactPmf() {
    for (Rational scale : List.of(Rational.of(3, 2), Rational.of(5, 1), Rational.of(2, 7))) {
      long[] samples =
          samples(N, new ExactSampler(new SplittableRandom(2020))::discreteLaplace, scale);
      double p = fit(samples, laplacePmf(scale));
      assertThat(p).as("discrete Laplace scale %s: chi-square p-value", scale).isGreaterThan(ALPHA);
    }
  }

  @Test
  void theGoodnessOfFitTestRejectsAWrongScale() {
    long[] samples =
        samples(
            N, new ExactSampler(new SplittableRandom(2020))::discreteLaplace, Rational.of(3, 2));

    assertThat(fit(samples, laplacePmf(Rational.of(8, 5)))).isLessThan(ALPHA);
  }

  @Test
  void discreteGaussianMatchesTheExactPmf() {
    for (Rational sigma2 : List.of(Rational.of(2, 1), Rational.of(25, 4), Rational.of(1, 3))) {
      long[] samples =
          samples(100_000, new ExactSampler(new SplittableRandom(77))::discreteGaussian, sigma2);
      double s2 = sigma2.numerator().doubleValue() / sigma2.denominator().doubleValue();
      double norm = 0;
      for (int x = -200; x <= 200; x++) {
        norm += Math.exp(-x * (double) x / (2 * s2));
      }
      double z = norm;
      assertThat(fit(samples, x -> Math.exp(-x * (double) x / (2 * s2)) / z))
          .as("discrete Gaussian sigma^2 %s", sigma2)
          .isGreaterThan(ALPHA);
    }
  }

  private static IntToDoubleFunction laplacePmf(Rational scale) {
    double q = Math.exp(-scale.denominator().doubleValue() / scale.numerator().doubleValue());
    return x -> (1 - q) / (1 + q) * Math.pow(q, Math.abs(x));
  }

  interface Sampler {
    long sample(Rational parameter);
  }

  private static long[] samples(int n, Sampler sampler, Rational parameter) {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = sampler.sample(parameter);
    }
    return out;
  }

  /** Chi-square p-value of samples against a symmetric pmf on the integers. */
  private static double fit(long[] samples, IntToDoubleFunction pmf) {
    int n = samples.length;
    int bound = 0;
    while (n * pmf.applyAsDouble(bound + 1) >= 5) {
      bound++;
    }
    List<Double> expected = new ArrayList<>();
    double inside = 0;
    for (int x = -bound; x <= bound; x++) {
      expected.add(n * pmf.applyAsDouble(x));
      inside += pmf.applyAsDouble(x);
    }
    double tail = (1 - inside) / 2;
    long[] observed = new long[expected.size() + (tail * n >= 5 ? 2 : 0)];
    for (long s : samples) {
      if (Math.abs(s) <= bound) {
        observed[(int) (s + bound)]++;
      } else if (observed.length > expected.size()) {
        observed[expected.size() + (s < 0 ? 0 : 1)]++;
      } else {
        observed[s < 0 ? 0 : expected.size() - 1]++;
      }
    }
    double[] exp = new double[observed.length];
    for (int i = 0; i < expected.size(); i++) {
      exp[i] = expected.get(i);
    }
    if (observed.length > expected.size()) {
      exp[expected.size()] = tail * n;
      exp[expected.size() + 1] = tail * n;
    } else {
      exp[0] += tail * n;
      exp[expected.size() - 1] += tail * n;
    }
    return ChiSquare.pValue(ChiSquare.statistic(observed, exp), observed.length - 1);
  }
}
