package org.palermo.app.statistics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.palermo.app.statistics.StatTable.Cell;
import org.palermo.app.statistics.StatTable.Row;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Time to a reasonable-grounds decision by deciding agency (Art. 10 ECAT: the decision is taken
 * once there are reasonable grounds, within the recovery and reflection period of Art. 13): how
 * many were taken in the period, the median and mean days from referral to decision, and how many
 * were late, computed by PostgreSQL from {@code statistics_decision}.
 */
@Service
class DecisionIndicators {
  private final JdbcClient jdbc;

  DecisionIndicators(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The decisions of one agency row.
   *
   * @param decisions how many
   * @param medianDays the median of the days from referral to decision, each rounded to a tenth
   *     first (the middle two averaged, halves up)
   * @param meanDays their mean, to a tenth, halves up
   * @param late how many were taken after their deadline
   */
  record Agency(long decisions, BigDecimal medianDays, BigDecimal meanDays, long late) {}

  Map<String, Agency> counts(Indicators.Filter f, Publication p) {
    Map<String, Agency> byAgency = new TreeMap<>();
    for (String type : p.fixedAgencyRows()) {
      byAgency.put(type, new Agency(0, null, null, 0));
    }
    jdbc.sql(
            """
            WITH d AS (
              SELECT n.name, CASE WHEN n.name IS NULL THEN d.agency_type END AS type,
                round(trunc(CAST(extract(epoch FROM d.decided_at - d.referred_at) AS NUMERIC) / 60)
                  / 1440, 1)
                  AS days,
                d.late
              FROM statistics_decision d
              LEFT JOIN statistics_victim v ON v.case_id = d.case_id
              LEFT JOIN unnest(CAST(CAST(? AS TEXT[]) AS UUID[]), CAST(? AS TEXT[])) AS n(id, name)
                ON n.id = d.agency_id
              WHERE d.kind = 'REASONABLE_GROUNDS' AND d.referred_at IS NOT NULL
                AND (CAST(? AS TEXT) IS NULL OR v.country_of_exploitation = ?)
                AND (CAST(? AS TEXT) IS NULL OR d.agency_type = ?)
                AND (CAST(? AS DATE) IS NULL OR (d.decided_at AT TIME ZONE 'UTC')::date >= ?)
                AND (CAST(? AS DATE) IS NULL OR (d.decided_at AT TIME ZONE 'UTC')::date <= ?)),
            g AS (
              SELECT name, type, count(*) AS n, array_agg(days ORDER BY days) AS sorted,
                round(avg(days), 1) AS mean, count(*) FILTER (WHERE late) AS late
              FROM d GROUP BY name, type)
            SELECT name, type, n,
              CASE WHEN n % 2 = 1 THEN sorted[n / 2 + 1]
                   ELSE round((sorted[n / 2] + sorted[n / 2 + 1]) / 2, 1) END,
              mean, late
            FROM g""")
        .params(
            p.agencyIds(),
            p.agencyNames(),
            f.region(),
            f.region(),
            f.agencyType(),
            f.agencyType(),
            f.from(),
            f.from(),
            f.to(),
            f.to())
        .query(
            rs -> {
              // One row per label: the query groups by the label's parts (the agency's name when
              // shown, else its type), so the medians are over the whole row.
              byAgency.put(
                  p.agencyLabel(rs.getString(1), rs.getString(2)),
                  new Agency(
                      rs.getLong(3), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getLong(6)));
            });
    return byAgency;
  }

  StatTable table(Indicators.Filter f, Publication p) {
    Publication.Text t = p.text();
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Agency> e : counts(f, p).entrySet()) {
      Agency a = e.getValue();
      if (a.decisions() == 0) {
        rows.add(
            new Row(
                e.getKey(), List.of(Cell.HIDDEN, Cell.HIDDEN, Cell.HIDDEN, Cell.HIDDEN), false));
        continue;
      }
      boolean show = p.showsStatisticOver(a.decisions());
      rows.add(
          new Row(
              e.getKey(),
              List.of(
                  p.count(a.decisions()),
                  show ? Cell.of(a.medianDays()) : Cell.HIDDEN,
                  show ? Cell.of(a.meanDays()) : Cell.HIDDEN,
                  p.count(a.late())),
              false));
    }
    List<String> headings =
        List.of(
            t.get("statistics.col.agency"),
            t.get("statistics.col.rgDecisions"),
            t.get("statistics.col.medianDays"),
            t.get("statistics.col.meanDays"),
            t.get("statistics.col.late"));
    return p.hiddenIfSmall(p.table(Indicators.DECISIONS, headings, rows, 1, p.note()));
  }
}
