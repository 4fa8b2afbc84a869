package org.palermo.privacy.ledger;

import java.math.BigDecimal;

/** A release was refused because it would take a dataset past its privacy budget. */
public final class BudgetExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient BudgetStatement statement;
  private final transient PrivacyCost requested;

  public BudgetExceededException(BudgetStatement statement, PrivacyCost requested) {
    super(
        "privacy budget of dataset "
            + statement.dataset()
            + " exceeded: requested epsilon "
            + requested.epsilon().toPlainString()
            + (requested.delta().signum() == 0
                ? ""
                : ", delta " + requested.delta().toPlainString())
            + " but only epsilon "
            + statement.remainingEpsilon().toPlainString()
            + deltaLeft(statement)
            + " of "
            + statement.budget().totalEpsilon().toPlainString()
            + " remains; nothing was charged");
    this.statement = statement;
    this.requested = requested;
  }

  /** The dataset's budget and spending when the release was refused. */
  public BudgetStatement statement() {
    return statement;
  }

  /** What the refused release asked for. */
  public PrivacyCost requested() {
    return requested;
  }

  private static String deltaLeft(BudgetStatement s) {
    BigDecimal delta = s.remainingDelta();
    return s.budget().totalDelta().signum() == 0 ? "" : " (delta " + delta.toPlainString() + ")";
  }
}
