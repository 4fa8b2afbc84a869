package org.palermo.app.statistics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.palermo.app.statistics.StatTable.Cell;
import org.palermo.app.statistics.StatTable.Row;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The referral mechanism by receiving agency: referrals received (first step in the period),
 * accepted, declined and overdue (answered after their due time, or not answered and past it),
 * counted by PostgreSQL from {@code statistics_referral_step}.
 */
@Service
class ReferralIndicators {
  private final JdbcClient jdbc;

  ReferralIndicators(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Counts by agency label: received, accepted, declined, overdue. */
  Map<String, long[]> counts(Indicators.Filter f, Publication p, Instant now) {
    Map<String, long[]> byAgency = new TreeMap<>();
    for (String type : p.fixedAgencyRows()) {
      byAgency.put(type, new long[4]);
    }
    jdbc.sql(
            """
            WITH steps AS (
              SELECT s.referral_id, s.status, s.at, s.to_agency_id, s.to_agency_type, s.due_at
              FROM statistics_referral_step s
              LEFT JOIN statistics_victim v ON v.case_id = s.case_id
              WHERE (CAST(? AS TEXT) IS NULL OR v.country_of_exploitation = ?)
                AND (CAST(? AS TEXT) IS NULL OR s.to_agency_type = ?)),
            per_referral AS (
              SELECT referral_id,
                min(at) AS first_at,
                (array_agg(to_agency_id ORDER BY at))[1] AS to_id,
                (array_agg(to_agency_type ORDER BY at))[1] AS to_type,
                count(*) FILTER (WHERE status = 'ACCEPTED') AS accepted,
                count(*) FILTER (WHERE status = 'DECLINED') AS declined,
                min(at) FILTER (WHERE status <> 'PENDING') AS answered,
                (array_agg(due_at ORDER BY at DESC) FILTER (WHERE due_at IS NOT NULL))[1] AS due
              FROM steps GROUP BY referral_id)
            SELECT n.name, CASE WHEN n.name IS NULL THEN r.to_type END AS type,
              count(*), sum(r.accepted), sum(r.declined),
              count(*) FILTER (WHERE r.due IS NOT NULL AND coalesce(r.answered, ?) > r.due)
            FROM per_referral r
            LEFT JOIN unnest(CAST(CAST(? AS TEXT[]) AS UUID[]), CAST(? AS TEXT[])) AS n(id, name)
              ON n.id = r.to_id
            WHERE (CAST(? AS DATE) IS NULL OR (r.first_at AT TIME ZONE 'UTC')::date >= ?)
              AND (CAST(? AS DATE) IS NULL OR (r.first_at AT TIME ZONE 'UTC')::date <= ?)
            GROUP BY 1, 2""")
        .params(
            f.region(),
            f.region(),
            f.agencyType(),
            f.agencyType(),
            Timestamp.from(now),
            p.agencyIds(),
            p.agencyNames(),
            f.from(),
            f.from(),
            f.to(),
            f.to())
        .query(
            rs -> {
              long[] c =
                  byAgency.computeIfAbsent(
                      p.agencyLabel(rs.getString(1), rs.getString(2)), k -> new long[4]);
              for (int i = 0; i < 4; i++) {
                c[i] += rs.getLong(3 + i);
              }
            });
    return byAgency;
  }

  StatTable table(Indicators.Filter f, Publication p, Instant now) {
    Map<String, long[]> byAgency = counts(f, p, now);
    Publication.Text t = p.text();
    List<String> headings =
        List.of(
            t.get("statistics.col.agency"),
            t.get("statistics.col.received"),
            t.get("statistics.col.accepted"),
            t.get("statistics.col.declined"),
            t.get("statistics.col.overdue"));
    List<Row> rows = new ArrayList<>();
    long[] totals = new long[4];
    for (Map.Entry<String, long[]> e : byAgency.entrySet()) {
      List<Cell> cells = new ArrayList<>();
      for (int i = 0; i < totals.length; i++) {
        cells.add(p.count(e.getValue()[i]));
        totals[i] += e.getValue()[i];
      }
      rows.add(new Row(e.getKey(), cells, false));
    }
    List<Cell> total = new ArrayList<>();
    for (long v : totals) {
      total.add(p.count(v));
    }
    rows.add(new Row(t.get("statistics.row.total"), total, true));
    return p.hiddenIfSmall(p.table(Indicators.REFERRALS, headings, rows, 0, p.note()));
  }
}
