package org.palermo.app.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.palermo.app.statistics.StatTable.Cell;
import org.palermo.app.statistics.StatTable.Row;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Services delivered by providing agency (Art. 6(3) Palermo Protocol: housing, counselling,
 * medical, psychological and material assistance, employment and education): services, distinct
 * cases served and services per case, counted by PostgreSQL from {@code statistics_service} with
 * the total in the same scan (grouping sets: a case served by two agencies counts once in it).
 */
@Service
class ServiceIndicators {
  private final JdbcClient jdbc;

  ServiceIndicators(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Services and distinct cases by agency label; the total under the key {@code null}. */
  Map<String, long[]> counts(Indicators.Filter f, Publication p) {
    Map<String, long[]> byAgency = new TreeMap<>(java.util.Comparator.nullsLast(String::compareTo));
    for (String type : p.fixedAgencyRows()) {
      byAgency.put(type, new long[2]);
    }
    byAgency.put(null, new long[2]);
    jdbc.sql(
            """
            WITH s AS (
              SELECT s.case_id, n.name,
                CASE WHEN n.name IS NULL THEN s.provider_agency_type END AS type
              FROM statistics_service s
              LEFT JOIN statistics_victim v ON v.case_id = s.case_id
              LEFT JOIN unnest(CAST(CAST(? AS TEXT[]) AS UUID[]), CAST(? AS TEXT[])) AS n(id, name)
                ON n.id = s.provider_agency_id
              WHERE (CAST(? AS DATE) IS NULL OR s.delivered_on >= ?)
                AND (CAST(? AS DATE) IS NULL OR s.delivered_on <= ?)
                AND (CAST(? AS TEXT) IS NULL OR v.country_of_exploitation = ?)
                AND (CAST(? AS TEXT) IS NULL OR s.provider_agency_type = ?))
            SELECT name, type, GROUPING(name, type), count(*), count(DISTINCT case_id)
            FROM s GROUP BY GROUPING SETS ((name, type), ())""")
        .params(
            p.agencyIds(),
            p.agencyNames(),
            f.from(),
            f.from(),
            f.to(),
            f.to(),
            f.region(),
            f.region(),
            f.agencyType(),
            f.agencyType())
        .query(
            rs -> {
              String key =
                  rs.getInt(3) != 0 ? null : p.agencyLabel(rs.getString(1), rs.getString(2));
              long[] c = byAgency.computeIfAbsent(key, k -> new long[2]);
              c[0] += rs.getLong(4);
              c[1] += rs.getLong(5);
            });
    return byAgency;
  }

  StatTable table(Indicators.Filter f, Publication p) {
    Publication.Text t = p.text();
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, long[]> e : counts(f, p).entrySet()) {
      boolean total = e.getKey() == null;
      rows.add(
          new Row(
              total ? t.get("statistics.row.total") : e.getKey(),
              cells(e.getValue()[0], e.getValue()[1], p),
              total));
    }
    List<String> headings =
        List.of(
            t.get("statistics.col.agency"),
            t.get("statistics.col.services"),
            t.get("statistics.col.casesServed"),
            t.get("statistics.col.servicesPerCase"));
    return p.hiddenIfSmall(p.table(Indicators.SERVICES, headings, rows, 2, p.note()));
  }

  private static List<Cell> cells(long services, long cases, Publication p) {
    Cell perCase =
        !p.showsStatisticOver(cases)
            ? Cell.HIDDEN
            : cases == 0
                ? Cell.EMPTY
                : Cell.of(
                    BigDecimal.valueOf(services)
                        .divide(BigDecimal.valueOf(cases), 2, RoundingMode.HALF_UP));
    return List.of(p.count(services), p.count(cases), perCase);
  }
}
