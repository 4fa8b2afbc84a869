package org.palermo.privacy.ledger;

import java.math.BigDecimal;

/**
 * The total privacy loss a dataset may ever incur, under basic sequential composition (the ε and
 * the δ of its releases add up).
 *
 * @param totalEpsilon total ε, at least 0
 * @param totalDelta total δ, in [0, 1)
 */
public record PrivacyBudget(BigDecimal totalEpsilon, BigDecimal totalDelta) {
  public PrivacyBudget {
    if (totalEpsilon == null || totalEpsilon.signum() < 0) {
      throw new IllegalArgumentException("total epsilon must not be negative");
    }
    if (totalDelta == null
        || totalDelta.signum() < 0
        || totalDelta.compareTo(BigDecimal.ONE) >= 0) {
      throw new IllegalArgumentException("total delta must lie in [0, 1)");
    }
  }

  /** A budget for pure ε-differential privacy releases only. */
  public static PrivacyBudget ofEpsilon(BigDecimal totalEpsilon) {
    return new PrivacyBudget(totalEpsilon, BigDecimal.ZERO);
  }
}
