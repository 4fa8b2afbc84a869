package org.palermo.privacy.ledger;

import java.math.BigDecimal;

/**
 * The privacy loss of one release, exact decimals.
 *
 * @param epsilon ε, greater than 0
 * @param delta δ, in [0, 1); 0 for pure ε-differential privacy
 */
public record PrivacyCost(BigDecimal epsilon, BigDecimal delta) {
  public PrivacyCost {
    if (epsilon == null || epsilon.signum() <= 0) {
      throw new IllegalArgumentException("epsilon must be greater than 0");
    }
    if (delta == null || delta.signum() < 0 || delta.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException("delta must lie in [0, 1)");
    }
  }

  /** A pure ε-differential privacy cost (δ = 0). */
  public static PrivacyCost pure(BigDecimal epsilon) {
    return new PrivacyCost(epsilon, BigDecimal.ZERO);
  }
}
