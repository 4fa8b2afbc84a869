package org.palermo.privacy.table;

import java.util.List;

/**
 * A table ready to publish: every cell and total is a rounded count or a suppression marker, and no
 * suppressed value is kept. Totals are rounded from the true totals, independently of the cells, so
 * published cells need not add up to published totals.
 */
public final class TableProtection {
  private final List<String> rowLabels;
  private final List<String> columnLabels;
  private final PublishedCell[][] grid;
  private final TableProtectionPolicy policy;
  private final long primary;
  private final long complementary;

  TableProtection(
      List<String> rowLabels,
      List<String> columnLabels,
      PublishedCell[][] grid,
      TableProtectionPolicy policy) {
    this.rowLabels = rowLabels;
    this.columnLabels = columnLabels;
    this.grid = grid;
    this.policy = policy;
    long p = 0;
    long c = 0;
    for (PublishedCell[] row : grid) {
      for (PublishedCell cell : row) {
        if (cell instanceof PublishedCell.Suppressed s) {
          p += s.reason() == PublishedCell.Reason.PRIMARY ? 1 : 0;
          c += s.reason() == PublishedCell.Reason.COMPLEMENTARY ? 1 : 0;
        }
      }
    }
    this.primary = p;
    this.complementary = c;
  }

  public List<String> rowLabels() {
    return rowLabels;
  }

  public List<String> columnLabels() {
    return columnLabels;
  }

  /** The published inner cell. */
  public PublishedCell cell(int row, int column) {
    check(row, rowLabels.size());
    check(column, columnLabels.size());
    return grid[row][column];
  }

  /** The published total of a row. */
  public PublishedCell rowTotal(int row) {
    check(row, rowLabels.size());
    return grid[row][columnLabels.size()];
  }

  /** The published total of a column. */
  public PublishedCell columnTotal(int column) {
    check(column, columnLabels.size());
    return grid[rowLabels.size()][column];
  }

  /** The published grand total. */
  public PublishedCell grandTotal() {
    return grid[rowLabels.size()][columnLabels.size()];
  }

  public TableProtectionPolicy policy() {
    return policy;
  }

  /** Cells and totals suppressed because they were small. */
  public long primarySuppressions() {
    return primary;
  }

  /** Cells and totals suppressed to protect the small ones. */
  public long complementarySuppressions() {
    return complementary;
  }

  private static void check(int index, int size) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
  }
}
