package org.palermo.app.statistics;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.privacy.dp.Contribution;
import org.palermo.privacy.dp.DpTable;
import org.palermo.privacy.dp.DpTableMechanism;
import org.palermo.privacy.dp.DpTableRequest;
import org.palermo.privacy.ledger.BudgetExceededException;
import org.palermo.privacy.ledger.DatasetId;
import org.palermo.privacy.ledger.PrivacyBudget;
import org.palermo.privacy.ledger.PrivacyBudgetLedger;
import org.palermo.privacy.ledger.PrivacyCost;
import org.palermo.privacy.table.AggregateView;
import org.palermo.privacy.table.CompletedPeriods;
import org.palermo.privacy.table.CountTable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Disclosure control of the dashboard for aggregate-only users (enforcement agencies; SECURITY.md
 * rule 3, the firewall; issue #11 item 7). An immigration officer must not learn from statistics
 * that a shelter registered a person today, so for them:
 *
 * <ul>
 *   <li>the period is widened to whole calendar quarters (or half-years, years: {@link
 *       StatisticsProperties#suppressedWindowMonths()}; the privacy module's {@link
 *       CompletedPeriods}) and cut at the last one completed: a registration is never visible while
 *       its quarter is running, and then only among the whole quarter's;
 *   <li>the victim tables are released with exact differential privacy by the privacy module's
 *       {@link DpTableMechanism} (discrete Laplace noise), every view charged to a budget ledger
 *       per calendar quarter of the victims it covers (parallel composition: a victim is registered
 *       in one quarter), and the first answer to a view is kept and given again, so that repeating
 *       a question cannot average the noise away;
 *   <li>the caller then publishes them through the privacy module's {@link AggregateView}: every
 *       cell below the threshold hidden (zeros too, so that a zero and a small count look the
 *       same), and every cell of a view whose noisy total is below {@link
 *       StatisticsProperties#minPopulation()}, for any region × agency-type combination.
 * </ul>
 *
 * Everything shown is computed from the noisy counts only (post-processing costs no privacy).
 */
@Service
class DisclosureControl {
  /** Each victim is in exactly one cell of each of the released victim tables. */
  static final int TABLES_PER_VICTIM = 7;

  private final JdbcClient jdbc;
  private final StatisticsProperties properties;
  private final Clock clock;
  private final DpTableMechanism mechanism;
  private final PrivacyBudgetLedger ledger;

  DisclosureControl(
      JdbcClient jdbc, JdbcLedgerStore ledgerStore, StatisticsProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
    this.ledger =
        PrivacyBudgetLedger.withBudget(
            ledgerStore, PrivacyBudget.ofEpsilon(properties.dashboardQuarterEpsilon()), clock);
    this.mechanism = new DpTableMechanism(ledger, new SecureRandom());
  }

  /** The privacy module's rules for what an aggregate-only user is shown. */
  AggregateView view() {
    return AggregateView.withMinPopulation(properties.minPopulation());
  }

  /**
   * The period an aggregate-only user is shown for the one asked: widened to whole windows and cut
   * at the end of the last completed window; at least that last window (the privacy module's {@link
   * CompletedPeriods}).
   */
  Indicators.Filter window(Indicators.Filter asked) {
    CompletedPeriods.Period shown =
        new CompletedPeriods(properties.suppressedWindowMonths())
            .shown(asked.from(), asked.to(), LocalDate.now(clock));
    return new Indicators.Filter(shown.from(), shown.to(), asked.region(), asked.agencyType());
  }

  /**
   * The noisy counts of the view's victim tables: the first answer ever given to this view, or a
   * new release charged to the budget of every quarter the period covers.
   *
   * @param window a period from {@link #window}
   * @param exact the exact tables of the view, by table id, each victim in one cell of each
   * @param by who asks, for the ledger
   */
  Map<String, CountTable> noisy(
      Indicators.Filter window, Map<String, CountTable> exact, String by) {
    String key = key(window);
    Map<String, Long> stored = stored(key);
    if (stored == null) {
      stored = release(window, key, exact, by);
    }
    Map<String, CountTable> out = new LinkedHashMap<>();
    for (Map.Entry<String, CountTable> e : exact.entrySet()) {
      CountTable t = e.getValue();
      long[][] counts = new long[t.rows()][t.columns()];
      for (int r = 0; r < t.rows(); r++) {
        for (int c = 0; c < t.columns(); c++) {
          Long v = stored.get(cell(e.getKey(), t, r, c));
          counts[r][c] = v == null ? 0 : Math.max(0, v);
        }
      }
      out.put(e.getKey(), CountTable.of(t.rowLabels(), t.columnLabels(), counts));
    }
    return out;
  }

  private Map<String, Long> release(
      Indicators.Filter window, String key, Map<String, CountTable> exact, String by) {
    List<String> cells = new ArrayList<>();
    List<Contribution> contributions = new ArrayList<>();
    for (Map.Entry<String, CountTable> e : exact.entrySet()) {
      CountTable t = e.getValue();
      for (int r = 0; r < t.rows(); r++) {
        for (int c = 0; c < t.columns(); c++) {
          String cell = cell(e.getKey(), t, r, c);
          cells.add(cell);
          // One contribution per victim counted in the cell; the ids are never published and each
          // stands in one cell only, so the mechanism's bound m is the real one: a victim is in
          // one cell of each table (TABLES_PER_VICTIM).
          for (long i = 0; i < t.count(r, c); i++) {
            contributions.add(new Contribution(cell + "#" + i, cell, "n"));
          }
        }
      }
    }
    BigDecimal epsilon = properties.dashboardEpsilon();
    List<DatasetId> quarters = quarters(window);
    String purpose = "dashboard " + key;
    try {
      // Each quarter's victims are charged; the first through the mechanism itself.
      for (DatasetId q : quarters.subList(1, quarters.size())) {
        ledger.charge(q, PrivacyCost.pure(epsilon), purpose, by);
      }
      DpTable t =
          mechanism.release(
              new DpTableRequest(
                  quarters.get(0),
                  cells,
                  List.of("n"),
                  contributions,
                  TABLES_PER_VICTIM,
                  epsilon,
                  purpose),
              by);
      Map<String, Long> out = new LinkedHashMap<>();
      StringBuilder text = new StringBuilder();
      for (int r = 0; r < cells.size(); r++) {
        out.put(cells.get(r), t.count(r, 0));
        text.append(cells.get(r)).append('=').append(t.count(r, 0)).append('\n');
      }
      try {
        jdbc.sql(
                "INSERT INTO statistics_dashboard_release (view_key, counts, released_at)"
                    + " VALUES (?, ?, ?)")
            .params(key, text.toString(), Timestamp.from(clock.instant()))
            .update();
      } catch (DuplicateKeyException raced) {
        // Another request released the same view meanwhile: everyone gets that first answer.
        return stored(key);
      }
      return out;
    } catch (BudgetExceededException e) {
      throw new PalermoException(
          ErrorCode.TOO_MANY_REQUESTS,
          "The privacy budget of this period is spent: views already shown stay available, new"
              + " ones do not.");
    }
  }

  private Map<String, Long> stored(String key) {
    return jdbc.sql("SELECT counts FROM statistics_dashboard_release WHERE view_key = ?")
        .param(key)
        .query(String.class)
        .optional()
        .map(
            text -> {
              Map<String, Long> out = new LinkedHashMap<>();
              for (String line : text.split("\n")) {
                int eq = line.lastIndexOf('=');
                if (eq > 0) {
                  out.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
                }
              }
              return out;
            })
        .orElse(null);
  }

  /** The calendar quarters the period covers, as ledger datasets. */
  static List<DatasetId> quarters(Indicators.Filter window) {
    return CompletedPeriods.quarters(window.from(), window.to()).stream()
        .map(q -> new DatasetId("dashboard-victims-" + q))
        .toList();
  }

  private static String key(Indicators.Filter w) {
    return w.from()
        + ".."
        + w.to()
        + " region="
        + (w.region() == null ? "*" : w.region())
        + " agencyType="
        + (w.agencyType() == null ? "*" : w.agencyType());
  }

  private static String cell(String table, CountTable t, int r, int c) {
    return table + "/" + t.rowLabels().get(r) + "/" + t.columnLabels().get(c);
  }
}
