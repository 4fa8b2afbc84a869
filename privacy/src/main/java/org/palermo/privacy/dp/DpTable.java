package org.palermo.privacy.dp;

import java.util.List;
import org.palermo.privacy.ledger.LedgerEntry;

/**
 * A released differentially private count table: each declared cell's count plus discrete Laplace
 * noise. Totals are sums of the noisy cells (post-processing, no extra privacy cost). Noisy counts
 * may be negative; clamping them with {@link #nonNegativeCount} is post-processing too.
 */
public final class DpTable {
  private final List<String> rowLabels;
  private final List<String> columnLabels;
  private final long[][] noisy;
  private final int maxCellsPerPerson;
  private final Rational scale;
  private final LedgerEntry charge;

  DpTable(
      List<String> rowLabels,
      List<String> columnLabels,
      long[][] noisy,
      int maxCellsPerPerson,
      Rational scale,
      LedgerEntry charge) {
    this.rowLabels = rowLabels;
    this.columnLabels = columnLabels;
    this.noisy = noisy;
    this.maxCellsPerPerson = maxCellsPerPerson;
    this.scale = scale;
    this.charge = charge;
  }

  public List<String> rowLabels() {
    return rowLabels;
  }

  public List<String> columnLabels() {
    return columnLabels;
  }

  /** The noisy count of a cell. */
  public long count(int row, int column) {
    return noisy[row][column];
  }

  /** The noisy count of a cell, negative values shown as 0. */
  public long nonNegativeCount(int row, int column) {
    return Math.max(0, noisy[row][column]);
  }

  /** The sum of a row's noisy counts. */
  public long rowTotal(int row) {
    long sum = 0;
    for (long c : noisy[row]) {
      sum += c;
    }
    return sum;
  }

  /** The sum of a column's noisy counts. */
  public long columnTotal(int column) {
    long sum = 0;
    for (long[] row : noisy) {
      sum += row[column];
    }
    return sum;
  }

  /** The contribution bound m, also the L1 sensitivity. */
  public int maxCellsPerPerson() {
    return maxCellsPerPerson;
  }

  /** The noise scale m/ε: each cell gets noise with P(x) ∝ exp(-|x| / scale). */
  public Rational scale() {
    return scale;
  }

  /** The ledger entry that paid for this table. */
  public LedgerEntry charge() {
    return charge;
  }
}
