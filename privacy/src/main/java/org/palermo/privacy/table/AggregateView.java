package org.palermo.privacy.table;

/**
 * Disclosure control of figures shown on a screen to users who may see aggregates only (an
 * enforcement agency reading a shelter's statistics; SECURITY.md rule 3), on top of the released
 * tables' rules ({@link SmallCellSuppressor}):
 *
 * <ul>
 *   <li>a zero is withheld like a small count, so that a zero and a count from 1 to the threshold
 *       minus 1 look the same (a zero that turns into an {@code x} would betray the first person);
 *   <li>a view over fewer than {@code minPopulation} persons (counted after noise) shows nothing;
 *   <li>a statistic derived from fewer units than the threshold (a median, a mean, a ratio) is
 *       withheld, since it describes a handful of persons.
 * </ul>
 *
 * @param policy the threshold and rounding of every count
 * @param minPopulation the fewest persons a view may be computed over (at least the threshold)
 */
public record AggregateView(TableProtectionPolicy policy, long minPopulation) {

  public AggregateView {
    if (policy == null) {
      throw new IllegalArgumentException("policy is required");
    }
    if (minPopulation < policy.threshold()) {
      throw new IllegalArgumentException("minPopulation must be at least the threshold");
    }
  }

  /** The default policy (threshold 10, rounding to 5) with a minimum view population. */
  public static AggregateView withMinPopulation(long minPopulation) {
    return new AggregateView(TableProtectionPolicy.defaults(), minPopulation);
  }

  /**
   * A count that stands alone (not part of a partition, so no complementary suppression applies):
   * withheld from 0 to the threshold minus 1, rounded ({@link Rounding}) otherwise.
   */
  public PublishedCell count(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("count must be >= 0");
    }
    if (value < policy.threshold()) {
      return new PublishedCell.Suppressed(PublishedCell.Reason.PRIMARY);
    }
    return new PublishedCell.Count(
        Rounding.round(value, policy.roundingBase(), policy.threshold()));
  }

  /** Whether a statistic computed over {@code units} persons or cases may be shown. */
  public boolean showsStatisticOver(long units) {
    return units >= policy.threshold();
  }

  /** Whether a view whose (noisy) total is {@code total} is too small to show anything. */
  public boolean tooSmall(long total) {
    return total < minPopulation;
  }

  /**
   * The publishable form of one of a view's tables (noisy counts already): small-cell suppression
   * and rounding as for released tables, then every zero withheld, and every cell and total
   * withheld when {@code viewTotal} is below {@link #minPopulation}.
   */
  public TableProtection protect(CountTable table, long viewTotal) {
    TableProtection p = new SmallCellSuppressor().protect(table, policy);
    boolean small = tooSmall(viewTotal);
    int rows = table.rows() + 1;
    int cols = table.columns() + 1;
    PublishedCell[][] grid = new PublishedCell[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        PublishedCell cell =
            i < table.rows()
                ? (j < table.columns() ? p.cell(i, j) : p.rowTotal(i))
                : (j < table.columns() ? p.columnTotal(j) : p.grandTotal());
        boolean zero = cell instanceof PublishedCell.Count c && c.value() == 0;
        grid[i][j] =
            small || zero ? new PublishedCell.Suppressed(PublishedCell.Reason.PRIMARY) : cell;
      }
    }
    return new TableProtection(table.rowLabels(), table.columnLabels(), grid, policy);
  }
}
