package org.palermo.privacy.table;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A two-way table of true, non-negative counts with labelled rows and columns. */
public final class CountTable {
  private final List<String> rowLabels;
  private final List<String> columnLabels;
  private final long[][] counts;

  private CountTable(List<String> rowLabels, List<String> columnLabels, long[][] counts) {
    this.rowLabels = List.copyOf(rowLabels);
    this.columnLabels = List.copyOf(columnLabels);
    if (this.rowLabels.isEmpty() || this.columnLabels.isEmpty()) {
      throw new IllegalArgumentException("a table needs at least one row and one column");
    }
    if (counts.length != this.rowLabels.size()) {
      throw new IllegalArgumentException("expected " + this.rowLabels.size() + " rows of counts");
    }
    this.counts = new long[counts.length][];
    for (int r = 0; r < counts.length; r++) {
      if (counts[r].length != this.columnLabels.size()) {
        throw new IllegalArgumentException("row " + r + " has the wrong number of columns");
      }
      for (long c : counts[r]) {
        if (c < 0) {
          throw new IllegalArgumentException("counts must not be negative");
        }
      }
      this.counts[r] = counts[r].clone();
    }
  }

  /** A table from labels and a {@code rows × columns} array of counts (copied). */
  public static CountTable of(List<String> rowLabels, List<String> columnLabels, long[][] counts) {
    return new CountTable(rowLabels, columnLabels, counts);
  }

  /**
   * Counts items by row and column label. The labels are declared up front, so a category with no
   * items still appears (as 0); an item whose label is not declared is an error.
   */
  public static <T> CountTable tabulate(
      Iterable<T> items,
      Function<T, String> row,
      Function<T, String> column,
      List<String> rowLabels,
      List<String> columnLabels) {
    Map<String, Integer> rows = index(rowLabels);
    Map<String, Integer> columns = index(columnLabels);
    long[][] counts = new long[rowLabels.size()][columnLabels.size()];
    for (T item : items) {
      counts[lookUp(rows, row.apply(item))][lookUp(columns, column.apply(item))]++;
    }
    return new CountTable(rowLabels, columnLabels, counts);
  }

  public List<String> rowLabels() {
    return rowLabels;
  }

  public List<String> columnLabels() {
    return columnLabels;
  }

  public int rows() {
    return rowLabels.size();
  }

  public int columns() {
    return columnLabels.size();
  }

  public long count(int row, int column) {
    return counts[row][column];
  }

  public long rowTotal(int row) {
    long sum = 0;
    for (long c : counts[row]) {
      sum += c;
    }
    return sum;
  }

  public long columnTotal(int column) {
    long sum = 0;
    for (long[] row : counts) {
      sum += row[column];
    }
    return sum;
  }

  public long grandTotal() {
    long sum = 0;
    for (int r = 0; r < counts.length; r++) {
      sum += rowTotal(r);
    }
    return sum;
  }

  private static Map<String, Integer> index(List<String> labels) {
    Map<String, Integer> map = new HashMap<>();
    for (String label : labels) {
      if (map.put(label, map.size()) != null) {
        throw new IllegalArgumentException("label declared twice: " + label);
      }
    }
    return map;
  }

  private static int lookUp(Map<String, Integer> labels, String label) {
    Integer i = labels.get(label);
    if (i == null) {
      throw new IllegalArgumentException("undeclared label: " + label);
    }
    return i;
  }
}
