package org.palermo.app.statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.palermo.app.platform.TableExport;

/**
 * One indicator table as the dashboard shows it and the downloads write it: translated title and
 * headings, labelled rows of cells that are a count, a rate, a suppressed marker or empty.
 *
 * @param id the table's identifier in URLs ({@code sdg-rates}, {@code citizenship} …)
 * @param title the translated title
 * @param description the translated description (also the chart's {@code <desc>})
 * @param headings the row heading, then one heading per column
 * @param rows the rows, totals last
 * @param chartColumn the column the chart draws
 * @param note a translated note under the table, or {@code null}
 */
public record StatTable(
    String id,
    String title,
    String description,
    List<String> headings,
    List<Row> rows,
    int chartColumn,
    String note) {

  /** The marker of a suppressed cell in tables and downloads. */
  public static final String SUPPRESSED = "x";

  public StatTable {
    headings = List.copyOf(headings);
    rows = List.copyOf(rows);
  }

  /** A row: its label, its cells, and whether it is a total. */
  public record Row(String label, List<Cell> cells, boolean total) {
    public Row {
      cells = List.copyOf(cells);
    }
  }

  /** A cell: a count or rate, suppressed, or empty ({@code value} null, not suppressed). */
  public record Cell(Number value, boolean suppressed) {
    static final Cell EMPTY = new Cell(null, false);
    static final Cell HIDDEN = new Cell(null, true);

    static Cell of(Number value) {
      return new Cell(value, false);
    }

    /** The text shown: the number, {@code x} when suppressed, a dash when empty. */
    public String text() {
      if (suppressed) {
        return SUPPRESSED;
      }
      if (value == null) {
        return "–";
      }
      return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
  }

  /** Whether any cell of the table is suppressed. */
  public boolean anySuppressed() {
    return rows.stream().anyMatch(r -> r.cells().stream().anyMatch(Cell::suppressed));
  }

  /** The table for {@link TableExport}: numbers as numbers, suppressed cells as {@code x}. */
  public TableExport.Table export() {
    List<List<?>> out = new ArrayList<>();
    for (Row r : rows) {
      List<Object> line = new ArrayList<>();
      line.add(r.label());
      for (Cell c : r.cells()) {
        line.add(c.suppressed() ? SUPPRESSED : c.value());
      }
      out.add(line);
    }
    return new TableExport.Table(id, headings, out);
  }
}
