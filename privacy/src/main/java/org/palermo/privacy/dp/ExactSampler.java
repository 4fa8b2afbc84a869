package org.palermo.privacy.dp;

import java.math.BigInteger;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exact samplers from Canonne, Kamath and Steinke, "The Discrete Gaussian for Differential Privacy"
 * (NeurIPS 2020, arXiv:2004.00010): Bernoulli(exp(-γ)) (their Algorithm 1), the discrete Laplace
 * (Algorithm 2) and the discrete Gaussian (Algorithm 3). Only integer and rational arithmetic and
 * uniform integers drawn by rejection from the injected generator are used, so the output
 * distribution is exactly the stated one; no floating point touches a sample. Production code
 * injects {@link java.security.SecureRandom}; tests inject a seeded generator.
 */
public final class ExactSampler {
  private static final Rational HALF = Rational.of(1, 2);

  private final RandomGenerator random;

  public ExactSampler(RandomGenerator random) {
    this.random = Objects.requireNonNull(random);
  }

  /** A uniform integer in {@code [0, n)} for {@code n >= 1}, by rejection on random bits. */
  public long uniform(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1");
    }
    if (n == 1) {
      return 0;
    }
    int bits = 64 - Long.numberOfLeadingZeros(n - 1);
    while (true) {
      long candidate = random.nextLong() >>> (64 - bits);
      if (candidate < n) {
        return candidate;
      }
    }
  }

  /** A uniform integer in {@code [0, n)} for {@code n >= 1}. */
  public BigInteger uniform(BigInteger n) {
    if (n.signum() <= 0) {
      throw new IllegalArgumentException("n must be at least 1");
    }
    if (n.bitLength() < 63) {
      return BigInteger.valueOf(uniform(n.longValueExact()));
    }
    int bits = n.subtract(BigInteger.ONE).bitLength();
    while (true) {
      BigInteger candidate = BigInteger.ZERO;
      for (int filled = 0; filled < bits; filled += 63) {
        candidate = candidate.shiftLeft(63).or(BigInteger.valueOf(random.nextLong() >>> 1));
      }
      candidate = candidate.shiftRight(((bits + 62) / 63) * 63 - bits);
      if (candidate.compareTo(n) < 0) {
        return candidate;
      }
    }
  }

  /** True with probability exactly {@code p}, for rational {@code p} in [0, 1]. */
  public boolean bernoulli(Rational p) {
    if (p.signum() < 0 || p.compareTo(Rational.ONE) > 0) {
      throw new IllegalArgumentException("p must lie in [0, 1]: " + p);
    }
    return uniform(p.denominator()).compareTo(p.numerator()) < 0;
  }

  /** True with probability exactly {@code exp(-gamma)}, for rational {@code gamma >= 0}. */
  public boolean bernoulliExpMinus(Rational gamma) {
    if (gamma.signum() < 0) {
      throw new IllegalArgumentException("gamma must not be negative: " + gamma);
    }
    if (gamma.compareTo(Rational.ONE) <= 0) {
      return bernoulliExpMinusAtMostOne(gamma);
    }
    BigInteger whole = gamma.floor();
    for (BigInteger i = BigInteger.ONE; i.compareTo(whole) <= 0; i = i.add(BigInteger.ONE)) {
      if (!bernoulliExpMinusAtMostOne(Rational.ONE)) {
        return false;
      }
    }
    return bernoulliExpMinusAtMostOne(gamma.subtract(Rational.of(whole)));
  }

  /**
   * Algorithm 1 for γ in [0, 1]: draws A_k ~ Bernoulli(γ/k) for k = 1, 2, ... until one fails; the
   * index K of the first failure is odd with probability exp(-γ).
   */
  private boolean bernoulliExpMinusAtMostOne(Rational gamma) {
    long k = 1;
    while (bernoulli(new Rational(gamma.numerator(), gamma.denominator().multiply(big(k))))) {
      k++;
    }
    return k % 2 == 1;
  }

  /**
   * A discrete Laplace sample with {@code P(x) ∝ exp(-|x| / scale)} for rational {@code scale > 0}
   * (Algorithm 2 with scale = t/s).
   */
  public long discreteLaplace(Rational scale) {
    if (scale.signum() <= 0) {
      throw new IllegalArgumentException("scale must be positive: " + scale);
    }
    BigInteger t = scale.numerator();
    BigInteger s = scale.denominator();
    while (true) {
      BigInteger u = uniform(t);
      if (!bernoulliExpMinus(new Rational(u, t))) {
        continue;
      }
      long v = 0;
      while (bernoulliExpMinusAtMostOne(Rational.ONE)) {
        v++;
      }
      BigInteger x = u.add(t.multiply(big(v)));
      long y = x.divide(s).longValueExact();
      boolean negative = bernoulli(HALF);
      if (negative && y == 0) {
        continue;
      }
      return negative ? -y : y;
    }
  }

  /**
   * A discrete Gaussian sample with {@code P(x) ∝ exp(-x² / (2 σ²))} for rational {@code σ² > 0}
   * (Algorithm 3: discrete Laplace proposals with scale ⌊σ⌋ + 1, accepted with probability
   * exp(-(|y| - σ²/t)² / (2σ²))).
   */
  public long discreteGaussian(Rational sigmaSquared) {
    if (sigmaSquared.signum() <= 0) {
      throw new IllegalArgumentException("sigma squared must be positive: " + sigmaSquared);
    }
    BigInteger t = sigmaSquared.floor().sqrt().add(BigInteger.ONE);
    Rational tRational = Rational.of(t);
    Rational twoSigmaSquared = sigmaSquared.multiply(Rational.of(2, 1));
    while (true) {
      long y = discreteLaplace(tRational);
      Rational offset = Rational.of(big(Math.abs(y))).subtract(sigmaSquared.divide(tRational));
      if (bernoulliExpMinus(offset.multiply(offset).divide(twoSigmaSquared))) {
        return y;
      }
    }
  }

  private static BigInteger big(long value) {
    return BigInteger.valueOf(value);
  }
}
