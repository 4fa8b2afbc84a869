package org.palermo.privacy.table;

/**
 * Protects a two-way table with its row, column and grand totals: suppresses every count from 1 to
 * threshold - 1 (primary), then adds the cheapest complementary suppressions (small inner cells
 * first, totals only as a last resort) until no suppressed value can be pinned down from what is
 * published, then rounds the published counts ({@link Rounding}).
 */
public final class SmallCellSuppressor {

  /** The publishable form of a table under a policy. */
  public TableProtection protect(CountTable table, TableProtectionPolicy policy) {
    SuppressionPattern pattern = new SuppressionPattern(table, policy.threshold());
    pattern.protect();
    int rows = table.rows() + 1;
    int cols = table.columns() + 1;
    PublishedCell[][] grid = new PublishedCell[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        int status = pattern.status(i, j);
        if (status == SuppressionPattern.PRIMARY) {
          grid[i][j] = new PublishedCell.Suppressed(PublishedCell.Reason.PRIMARY);
        } else if (status == SuppressionPattern.COMPLEMENTARY) {
          grid[i][j] = new PublishedCell.Suppressed(PublishedCell.Reason.COMPLEMENTARY);
        } else {
          long rounded =
              Rounding.round(pattern.value(i, j), policy.roundingBase(), policy.threshold());
          grid[i][j] = new PublishedCell.Count(rounded);
        }
      }
    }
    return new TableProtection(table.rowLabels(), table.columnLabels(), grid, policy);
  }
}
