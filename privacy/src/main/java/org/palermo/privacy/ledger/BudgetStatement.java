package org.palermo.privacy.ledger;

import java.math.BigDecimal;

/**
 * What a dataset has spent and has left.
 *
 * @param dataset the dataset
 * @param budget its total budget
 * @param spentEpsilon exact sum of the ε charged so far
 * @param spentDelta exact sum of the δ charged so far
 * @param releases number of charges
 */
public record BudgetStatement(
    DatasetId dataset,
    PrivacyBudget budget,
    BigDecimal spentEpsilon,
    BigDecimal spentDelta,
    int releases) {

  /** ε still available (never negative). */
  public BigDecimal remainingEpsilon() {
    return budget.totalEpsilon().subtract(spentEpsilon).max(BigDecimal.ZERO);
  }

  /** δ still available (never negative). */
  public BigDecimal remainingDelta() {
    return budget.totalDelta().subtract(spentDelta).max(BigDecimal.ZERO);
  }

  /** Whether a further cost fits in the budget. */
  public boolean allows(PrivacyCost cost) {
    return spentEpsilon.add(cost.epsilon()).compareTo(budget.totalEpsilon()) <= 0
        && spentDelta.add(cost.delta()).compareTo(budget.totalDelta()) <= 0;
  }
}
