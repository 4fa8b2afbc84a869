package org.palermo.app.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.palermo.app.cases.MigrationStatus;
import org.palermo.app.cases.PersonRegistered.Exploitation;
import org.palermo.app.cases.ProtectionStatus;
import org.palermo.app.statistics.StatTable.Cell;
import org.palermo.app.statistics.StatTable.Row;
import org.palermo.privacy.table.CountTable;

/**
 * The victim tables, from the counts of {@link VictimCountStore}:
 *
 * <ul>
 *   <li>SDG 16.2.2 (DOMAIN.md §3): detected victims per 100,000 population, by sex and age (women,
 *       men, girls, boys) and by form of exploitation (sexual exploitation, forced labour, other
 *       purposes), over the population imported by {@link Populations} for the year the period ends
 *       in, and the counts of the same table;
 *   <li>GLOTIP-style tables: citizenship, domestic or foreign (citizenship equal to the country of
 *       exploitation), country of exploitation, and the forms of exploitation one by one;
 *   <li>breakdowns by migration and protection status (HTCDS Guidance 7).
 * </ul>
 *
 * Rates are computed from the published counts only. Plain Java: it is tested on fixed counts.
 */
final class VictimTables {
  static final String UNKNOWN = "unknown";
  static final String MIXED = "mixed";
  static final String OTHER = "other";
  static final String NOT_RECORDED = "notRecorded";
  private static final BigDecimal PER = BigDecimal.valueOf(100_000);

  private VictimTables() {}

  /**
   * The eight victim tables, in the dashboard's order.
   *
   * @param fixedCodes the fixed rows of the citizenship and country tables for aggregate-only
   *     users, or null to show every code counted
   * @param population the population of the reference year ({@link Populations#totals})
   */
  static List<StatTable> all(
      VictimCounts counts,
      Indicators.Filter f,
      int year,
      Map<String, Long> population,
      List<String> fixedCodes,
      Publication p) {
    List<StatTable> tables = new ArrayList<>();
    tables.add(sdgRates(counts, f, year, population, p));
    tables.add(sdgCounts(counts, p));
    tables.add(codes(Indicators.CITIZENSHIP, counts.citizenship(), fixedCodes, p));
    tables.add(
        oneWay(
            Indicators.DOMESTIC,
            counts.origin(),
            k -> k,
            List.of("domestic", "foreign", UNKNOWN),
            "statistics.col.origin",
            p));
    tables.add(codes(Indicators.COUNTRY, counts.country(), fixedCodes, p));
    tables.add(forms(counts, p));
    tables.add(
        statuses(Indicators.MIGRATION, counts.migration(), names(MigrationStatus.values()), p));
    tables.add(
        statuses(Indicators.PROTECTION, counts.protection(), names(ProtectionStatus.values()), p));
    return tables;
  }

  // ---- SDG 16.2.2 ------------------------------------------------------------------------

  private static StatTable sdgCounts(VictimCounts counts, Publication p) {
    Publication.Grid g = p.grid(Indicators.SDG, counts.sdg());
    List<String> headings = new ArrayList<>();
    headings.add(p.text().get("statistics.col.sexAge"));
    for (String c : List.of("sexual", "labour", "otherPurposes", "notRecorded", "total")) {
      headings.add(p.text().get("statistics.col." + c));
    }
    List<String> rowKeys = List.of("women", "men", "girls", "boys", "otherSexAge");
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < rowKeys.size(); r++) {
      List<Cell> cells = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        cells.add(g.cell(r, c));
      }
      cells.add(g.rowTotal(r));
      rows.add(new Row(p.text().get("statistics.row." + rowKeys.get(r)), cells, false));
    }
    List<Cell> totals = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      totals.add(g.columnTotal(c));
    }
    totals.add(g.grand());
    rows.add(new Row(p.text().get("statistics.row.total"), totals, true));
    return p.table(Indicators.SDG_COUNTS, headings, rows, 4, p.note());
  }

  private static StatTable sdgRates(
      VictimCounts counts, Indicators.Filter f, int year, Map<String, Long> pop, Publication p) {
    Publication.Grid g = p.grid(Indicators.SDG, counts.sdg());
    record Group(String key, Cell count, String sex, String age) {}
    List<Group> groups =
        List.of(
            new Group("allVictims", g.grand(), "total", "total"),
            new Group("women", g.rowTotal(0), "female", "adult"),
            new Group("men", g.rowTotal(1), "male", "adult"),
            new Group("girls", g.rowTotal(2), "female", "child"),
            new Group("boys", g.rowTotal(3), "male", "child"),
            new Group("female", sum(g.rowTotal(0), g.rowTotal(2)), "female", "total"),
            new Group("male", sum(g.rowTotal(1), g.rowTotal(3)), "male", "total"),
            new Group("children", sum(g.rowTotal(2), g.rowTotal(3)), "total", "child"),
            new Group("adults", sum(g.rowTotal(0), g.rowTotal(1)), "total", "adult"),
            new Group("sexual", g.columnTotal(0), "total", "total"),
            new Group("labour", g.columnTotal(1), "total", "total"),
            new Group("otherPurposes", g.columnTotal(2), "total", "total"),
            new Group("notRecorded", g.columnTotal(3), "total", "total"));
    List<Row> rows = new ArrayList<>();
    for (Group gr : groups) {
      Long population = Populations.population(pop, gr.sex(), gr.age());
      rows.add(
          new Row(
              p.text().get("statistics.row." + gr.key()),
              List.of(
                  gr.count(),
                  population == null ? Cell.EMPTY : Cell.of(population),
                  rate(gr.count(), population)),
              gr.key().equals("allVictims")));
    }
    List<String> headings =
        List.of(
            p.text().get("statistics.col.group"),
            p.text().get("statistics.col.victims"),
            p.text().get("statistics.col.population", String.valueOf(year)),
            p.text().get("statistics.col.rate"));
    String note =
        pop.isEmpty()
            ? p.text().get("statistics.note.noPopulation", String.valueOf(year))
            : p.text()
                .get(
                    "statistics.note.rates",
                    f.from() == null ? "…" : f.from().toString(),
                    f.to() == null ? "…" : f.to().toString(),
                    String.valueOf(year));
    if (p.aggregate()) {
      note = note + " " + p.note();
    }
    return p.table(Indicators.SDG_RATES, headings, rows, 2, note);
  }

  /** Victims per 100,000: {@code count × 100000 / population}, two decimals, halves up. */
  static Cell rate(Cell count, Long population) {
    if (count.suppressed()) {
      return Cell.HIDDEN;
    }
    if (population == null || count.value() == null) {
      return Cell.EMPTY;
    }
    return Cell.of(
        BigDecimal.valueOf(count.value().longValue())
            .multiply(PER)
            .divide(BigDecimal.valueOf(population), 2, RoundingMode.HALF_UP));
  }

  /** The sum of two published cells; hidden when either is. */
  static Cell sum(Cell a, Cell b) {
    if (a.suppressed() || b.suppressed()) {
      return Cell.HIDDEN;
    }
    return Cell.of(a.value().longValue() + b.value().longValue());
  }

  // ---- GLOTIP-style tables and Guidance 7 breakdowns ---------------------------------------

  /** Citizenship or country: the fixed codes (others together), or every code counted. */
  private static StatTable codes(
      String id, Map<String, Long> byCode, List<String> fixed, Publication p) {
    List<String> keys;
    if (fixed != null) {
      keys = fixed;
    } else {
      keys =
          new ArrayList<>(new TreeSet<>(byCode.keySet().stream().filter(k -> k != null).toList()));
      keys.add(UNKNOWN);
    }
    return oneWay(
        id,
        byCode,
        code -> code == null ? UNKNOWN : fixed == null || fixed.contains(code) ? code : OTHER,
        keys,
        id.equals(Indicators.CITIZENSHIP) ? "statistics.col.citizenship" : "statistics.col.country",
        p);
  }

  private static StatTable forms(VictimCounts counts, Publication p) {
    List<String> keys = new ArrayList<>(names(Exploitation.values()));
    keys.add(MIXED);
    keys.add(NOT_RECORDED);
    Map<String, String> byHtcds = new LinkedHashMap<>();
    for (Exploitation e : Exploitation.values()) {
      byHtcds.put(e.htcds(), e.name());
    }
    return oneWay(
        Indicators.FORMS,
        counts.forms(),
        k -> byHtcds.getOrDefault(k, k),
        keys,
        "statistics.col.form",
        p);
  }

  private static StatTable statuses(
      String id, Map<String, Long> byStatus, List<String> names, Publication p) {
    List<String> keys = new ArrayList<>(names);
    keys.add(NOT_RECORDED);
    return oneWay(
        id,
        byStatus,
        s -> s == null || !names.contains(s) ? NOT_RECORDED : s,
        keys,
        "statistics.col." + id,
        p);
  }

  private static List<String> names(Enum<?>[] values) {
    List<String> out = new ArrayList<>();
    for (Enum<?> v : values) {
      out.add(v.name());
    }
    return out;
  }

  /**
   * A one-way count table with a total row: the counted values mapped onto the row {@code keys}.
   */
  private static StatTable oneWay(
      String id,
      Map<String, Long> counted,
      Function<String, String> key,
      List<String> keys,
      String headingKey,
      Publication p) {
    long[][] counts = new long[keys.size()][1];
    for (Map.Entry<String, Long> e : counted.entrySet()) {
      counts[keys.indexOf(key.apply(e.getKey()))][0] += e.getValue();
    }
    Publication.Grid g = p.grid(id, CountTable.of(keys, List.of("victims"), counts));
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < keys.size(); r++) {
      rows.add(new Row(label(id, keys.get(r), p.text()), List.of(g.cell(r, 0)), false));
    }
    rows.add(new Row(p.text().get("statistics.row.total"), List.of(g.grand()), true));
    return p.table(
        id,
        List.of(p.text().get(headingKey), p.text().get("statistics.col.victims")),
        rows,
        0,
        p.note());
  }

  private static String label(String table, String key, Publication.Text t) {
    if (key.equals(UNKNOWN) || key.equals(NOT_RECORDED)) {
      return t.get("statistics.row." + key);
    }
    if (key.equals(OTHER)
        && (table.equals(Indicators.CITIZENSHIP) || table.equals(Indicators.COUNTRY))) {
      return t.get("statistics.row.otherCountries");
    }
    return switch (table) {
      case Indicators.DOMESTIC -> t.get("statistics.row." + key);
      case Indicators.FORMS ->
          t.get(key.equals(MIXED) ? "statistics.row.mixed" : "statistics.form." + key);
      case Indicators.MIGRATION -> t.get("statistics.migration." + key);
      case Indicators.PROTECTION -> t.get("statistics.protection." + key);
      default -> key;
    };
  }
}
