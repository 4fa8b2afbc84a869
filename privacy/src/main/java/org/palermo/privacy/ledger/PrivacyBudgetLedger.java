package org.palermo.privacy.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Keeps each dataset within its privacy budget: a charge is appended only if the exact decimal sum
 * of ε (and of δ) over the dataset's ledger stays within the budget; otherwise it is refused with
 * {@link BudgetExceededException} and nothing is recorded.
 */
public final class PrivacyBudgetLedger {
  private static final int MAX_ATTEMPTS = 20;

  private final LedgerStore store;
  private final Function<DatasetId, PrivacyBudget> budgets;
  private final Clock clock;

  /** A ledger whose budgets may differ per dataset. */
  public PrivacyBudgetLedger(
      LedgerStore store, Function<DatasetId, PrivacyBudget> budgets, Clock clock) {
    this.store = Objects.requireNonNull(store);
    this.budgets = Objects.requireNonNull(budgets);
    this.clock = Objects.requireNonNull(clock);
  }

  /** A ledger that gives every dataset the same budget. */
  public static PrivacyBudgetLedger withBudget(
      LedgerStore store, PrivacyBudget budget, Clock clock) {
    Objects.requireNonNull(budget);
    return new PrivacyBudgetLedger(store, dataset -> budget, clock);
  }

  /** What a dataset has spent and has left. */
  public BudgetStatement statement(DatasetId dataset) {
    return statement(dataset, store.entries(dataset));
  }

  /**
   * Charges a cost to a dataset, or refuses it.
   *
   * @return the appended entry
   * @throws BudgetExceededException if the cost does not fit; nothing is charged then
   */
  public LedgerEntry charge(
      DatasetId dataset, PrivacyCost cost, String purpose, String releasedBy) {
    for (int attempt = 1; ; attempt++) {
      List<LedgerEntry> entries = store.entries(dataset);
      BudgetStatement statement = statement(dataset, entries);
      if (!statement.allows(cost)) {
        throw new BudgetExceededException(statement, cost);
      }
      LedgerEntry entry =
          new LedgerEntry(dataset, entries.size(), cost, purpose, releasedBy, clock.instant());
      try {
        store.append(entry);
        return entry;
      } catch (LedgerConflictException conflict) {
        if (attempt >= MAX_ATTEMPTS) {
          throw conflict;
        }
      }
    }
  }

  private BudgetStatement statement(DatasetId dataset, List<LedgerEntry> entries) {
    BigDecimal epsilon = BigDecimal.ZERO;
    BigDecimal delta = BigDecimal.ZERO;
    for (LedgerEntry entry : entries) {
      epsilon = epsilon.add(entry.cost().epsilon());
      delta = delta.add(entry.cost().delta());
    }
    PrivacyBudget budget = Objects.requireNonNull(budgets.apply(dataset), "no budget");
    return new BudgetStatement(dataset, budget, epsilon, delta, entries.size());
  }
}
