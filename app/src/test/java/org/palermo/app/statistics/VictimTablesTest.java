package org.palermo.app.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.palermo.app.statistics.StatTable.Cell;
import org.palermo.app.statistics.StatTable.Row;
import org.palermo.privacy.table.AggregateView;
import org.springframework.context.support.StaticMessageSource;

/**
 * The victim tables laid out from fixed counts (no database): rows from the counted values, codes
 * outside the fixed list together, unknown statuses as not recorded, rates from published counts.
 * With no translations loaded, every label is its message key.
 */
class VictimTablesTest {
  static final Indicators.Filter YEAR_2024 =
      new Indicators.Filter(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), "QS", null);

  static VictimCounts counts() {
    VictimCounts c = VictimCounts.empty();
    // 30 women sexual, 12 men labour, 5 girls other purposes; 0 boys; 3 other/not recorded.
    c.sexAgeByForm()[0][0] = 30;
    c.sexAgeByForm()[1][1] = 12;
    c.sexAgeByForm()[2][2] = 5;
    c.sexAgeByForm()[4][3] = 3;
    c.citizenship().put("QT", 20L);
    c.citizenship().put("QS", 25L);
    c.citizenship().put(null, 5L);
    c.origin().put("domestic", 25L);
    c.origin().put("foreign", 20L);
    c.origin().put("unknown", 5L);
    c.forms().put("SexualExploitation", 30L);
    c.forms().put("ForcedLabour", 12L);
    c.forms().put("mixed", 5L);
    c.forms().put("notRecorded", 3L);
    c.migration().put("IRREGULAR", 40L);
    c.migration().put("RETIRED_VALUE", 4L);
    c.migration().put(null, 6L);
    c.country().put("QS", 50L);
    return c;
  }

  static Publication publication(StatisticsAccess.Level level) {
    return new Publication(
        level,
        new Publication.Text(new StaticMessageSource(), Locale.ENGLISH),
        AggregateView.withMinPopulation(20),
        Publication.Noise.NONE,
        Map.of());
  }

  static Map<String, List<String>> byLabel(StatTable t) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (Row r : t.rows()) {
      rows.put(r.label(), r.cells().stream().map(Cell::text).toList());
    }
    return rows;
  }

  static StatTable table(List<StatTable> tables, String id) {
    return tables.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void everyCodeCountedIsARowSortedThenUnknown() {
    List<StatTable> tables =
        VictimTables.all(
            counts(), YEAR_2024, 2024, Map.of(), null, publication(StatisticsAccess.Level.EXACT));

    assertThat(byLabel(table(tables, Indicators.CITIZENSHIP)))
        .containsExactly(
            Map.entry("QS", List.of("25")),
            Map.entry("QT", List.of("20")),
            Map.entry("statistics.row.unknown", List.of("5")),
            Map.entry("statistics.row.total", List.of("50")));
    assertThat(tables)
        .extracting(StatTable::id)
        .containsExactly(
            Indicators.SDG_RATES,
            Indicators.SDG_COUNTS,
            Indicators.CITIZENSHIP,
            Indicators.DOMESTIC,
            Indicators.COUNTRY,
            Indicators.FORMS,
            Indicators.MIGRATION,
            Indicators.PROTECTION);
  }

  @Test
  void formsAreNamedByTheirEnumAndStatusesOutsideTheEnumAreNotRecorded() {
    List<StatTable> tables =
        VictimTables.all(
            counts(), YEAR_2024, 2024, Map.of(), null, publication(StatisticsAccess.Level.EXACT));

    Map<String, List<String>> forms = byLabel(table(tables, Indicators.FORMS));
    assertThat(forms.get("statistics.form.SEXUAL_EXPLOITATION")).containsExactly("30");
    assertThat(forms.get("statistics.form.FORCED_LABOUR")).containsExactly("12");
    assertThat(forms.get("statistics.form.CHILD_LABOUR")).containsExactly("0");
    assertThat(forms.get("statistics.row.mixed")).containsExactly("5");
    assertThat(forms.get("statistics.row.notRecorded")).containsExactly("3");
    Map<String, List<String>> migration = byLabel(table(tables, Indicators.MIGRATION));
    assertThat(migration.get("statistics.migration.IRREGULAR")).containsExactly("40");
    assertThat(migration.get("statistics.row.notRecorded"))
        .as("a retired value (4) and none (6)")
        .containsExactly("10");
  }

  @Test
  void ratesArePer100000OfThePopulation() {
    Map<String, Long> population =
        Map.of(
            "female|adult", 150_000L,
            "male|adult", 150_000L,
            "female|child", 50_000L,
            "male|child", 50_000L);
    List<StatTable> tables =
        VictimTables.all(
            counts(), YEAR_2024, 2024, population, null, publication(StatisticsAccess.Level.EXACT));

    Map<String, List<String>> rates = byLabel(table(tables, Indicators.SDG_RATES));
    // 50 / 400,000 × 100,000 = 12.50; women 30 / 150,000 = 20.00; girls 5 / 50,000 = 10.00.
    assertThat(rates.get("statistics.row.allVictims")).element(2).isEqualTo("12.50");
    assertThat(rates.get("statistics.row.women")).element(2).isEqualTo("20.00");
    assertThat(rates.get("statistics.row.girls")).element(2).isEqualTo("10.00");
  }

  @Test
  void anAggregateOnlyUserSeesFixedRowsWithZerosAndSmallCountsHidden() {
    List<String> fixed = List.of("QS", VictimTables.OTHER, VictimTables.UNKNOWN);
    List<StatTable> tables =
        VictimTables.all(
            counts(),
            YEAR_2024,
            2024,
            Map.of(),
            fixed,
            publication(StatisticsAccess.Level.SUPPRESSED));

    assertThat(byLabel(table(tables, Indicators.CITIZENSHIP)))
        .containsExactly(
            Map.entry("QS", List.of("25")),
            // 5 unknown is small; the column total would give it away from the other two, so the
            // smaller of them (20) is withheld too.
            Map.entry("statistics.row.otherCountries", List.of("x")),
            Map.entry("statistics.row.unknown", List.of("x")),
            Map.entry("statistics.row.total", List.of("50")));
    Map<String, List<String>> sdg = byLabel(table(tables, Indicators.SDG_COUNTS));
    assertThat(sdg.get("statistics.row.boys")).as("all zeros").containsOnly("x");
  }
}
