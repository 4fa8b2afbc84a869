package org.palermo.app.statistics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.palermo.app.access.AgencyType;
import org.palermo.app.statistics.StatTable.Cell;
import org.palermo.app.statistics.StatTable.Row;
import org.palermo.privacy.table.AggregateView;
import org.palermo.privacy.table.CountTable;
import org.palermo.privacy.table.PublishedCell;
import org.springframework.context.MessageSource;

/**
 * How one view of the indicators is published to the user asking: exact for statisticians, or, for
 * aggregate-only users ({@link StatisticsAccess.Level#SUPPRESSED}), from the noisy release and
 * through the privacy module's {@link AggregateView} (threshold, rounding, complementary
 * suppression, zeros withheld, nothing when the view is too small). No disclosure rule is written
 * here: every one of them is the privacy module's.
 *
 * @param level what the user may see
 * @param text the messages in the user's locale
 * @param view the privacy module's rules for aggregate-only users
 * @param noise the victim tables' noisy counts and whether the view is too small
 * @param agencies the names of agencies by id (empty for aggregate-only users: types only)
 */
record Publication(
    StatisticsAccess.Level level,
    Text text,
    AggregateView view,
    Noise noise,
    Map<UUID, String> agencies) {

  boolean aggregate() {
    return level == StatisticsAccess.Level.SUPPRESSED;
  }

  /** The same publication with the victim tables' noise. */
  Publication withNoise(Noise n) {
    return new Publication(level, text, view, n, agencies);
  }

  /** Whether the view is too small for an aggregate-only user to see anything of it. */
  boolean small() {
    return aggregate() && view.tooSmall(noise.total());
  }

  /** A count that stands alone (not part of a partition). */
  Cell count(long value) {
    return aggregate() ? cell(view.count(value)) : Cell.of(value);
  }

  /** Whether a statistic (median, mean, ratio) over {@code units} may be shown. */
  boolean showsStatisticOver(long units) {
    return !aggregate() || view.showsStatisticOver(units);
  }

  /** The published cells of a count table of the view. */
  Grid grid(String id, CountTable exact) {
    CountTable table = noise.apply(id, exact);
    if (!aggregate()) {
      return new Grid(
          (r, c) -> Cell.of(table.count(r, c)),
          r -> Cell.of(table.rowTotal(r)),
          c -> Cell.of(table.columnTotal(c)),
          Cell.of(table.grandTotal()));
    }
    var p = view.protect(table, noise.total());
    return new Grid(
        (r, c) -> cell(p.cell(r, c)),
        r -> cell(p.rowTotal(r)),
        c -> cell(p.columnTotal(c)),
        cell(p.grandTotal()));
  }

  /** The table with every cell hidden when the view is too small for an aggregate-only user. */
  StatTable hiddenIfSmall(StatTable table) {
    if (!small()) {
      return table;
    }
    List<Row> rows = new ArrayList<>();
    for (Row r : table.rows()) {
      rows.add(new Row(r.label(), Collections.nCopies(r.cells().size(), Cell.HIDDEN), r.total()));
    }
    return new StatTable(
        table.id(),
        table.title(),
        table.description(),
        table.headings(),
        rows,
        table.chartColumn(),
        table.note());
  }

  /** The note under every table of an aggregate-only user, or null. */
  String note() {
    return aggregate() ? text.get("statistics.note.suppressed") : null;
  }

  /** A table with its translated title and description. */
  StatTable table(String id, List<String> headings, List<Row> rows, int chart, String note) {
    return new StatTable(
        id,
        text.get("statistics.table." + id + ".title"),
        text.get("statistics.table." + id + ".desc"),
        headings,
        rows,
        chart,
        note);
  }

  /**
   * The rows of the referral-mechanism tables an aggregate-only user always sees: every agency
   * type, never an agency's name, so that a row never appears with one referral to one shelter.
   */
  List<String> fixedAgencyRows() {
    List<String> rows = new ArrayList<>();
    if (aggregate()) {
      for (AgencyType type : AgencyType.values()) {
        rows.add(text.get("agencyType." + type.name()));
      }
    }
    return rows;
  }

  /** An agency's row label: its name when the user may see it, else its type, else unknown. */
  String agencyLabel(String name, String type) {
    if (name != null) {
      return name;
    }
    return type == null ? text.get("statistics.row.unknown") : text.get("agencyType." + type);
  }

  /** The agency ids and names the SQL may label rows with (none for aggregate-only users). */
  String[] agencyIds() {
    return agencies.keySet().stream().map(UUID::toString).toArray(String[]::new);
  }

  /** The names of {@link #agencyIds()}, in the same order. */
  String[] agencyNames() {
    return agencies.keySet().stream().map(agencies::get).toArray(String[]::new);
  }

  private static Cell cell(PublishedCell c) {
    return c instanceof PublishedCell.Count n ? Cell.of(n.value()) : Cell.HIDDEN;
  }

  /** Published cells of a count table. */
  record Grid(
      java.util.function.BiFunction<Integer, Integer, Cell> cells,
      java.util.function.IntFunction<Cell> rowTotals,
      java.util.function.IntFunction<Cell> columnTotals,
      Cell grand) {
    Cell cell(int r, int c) {
      return cells.apply(r, c);
    }

    Cell rowTotal(int r) {
      return rowTotals.apply(r);
    }

    Cell columnTotal(int c) {
      return columnTotals.apply(c);
    }
  }

  /**
   * The victim tables of one view: exact (none), recorded for noising, or from the noisy release,
   * with the view's noisy total of victims.
   */
  record Noise(Map<String, CountTable> noisy, long total, Map<String, CountTable> recorded) {
    static final Noise NONE = new Noise(null, Long.MAX_VALUE, null);

    static Noise recording() {
      return new Noise(null, Long.MAX_VALUE, new java.util.LinkedHashMap<>());
    }

    CountTable apply(String id, CountTable exact) {
      if (recorded != null) {
        recorded.put(id, exact);
        return exact;
      }
      return noisy == null ? exact : noisy.get(id);
    }
  }

  /** Messages in one locale. */
  record Text(MessageSource messages, Locale locale) {
    String get(String key, Object... args) {
      return messages.getMessage(key, args, key, locale);
    }
  }
}
