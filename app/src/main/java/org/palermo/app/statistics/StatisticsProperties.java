package org.palermo.app.statistics;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of statistical releases and of the aggregate dashboard, bound from {@code
 * palermo.statistics.*}.
 *
 * @param totalEpsilon the total ε each dataset may ever spend on differentially private releases
 *     (basic sequential composition); default 5
 * @param suppressedWindowMonths the shortest period an aggregate-only (enforcement) user sees: 3 (a
 *     calendar quarter, the default and the minimum), 6 or 12; only whole, completed periods are
 *     shown (issue #11 item 7)
 * @param minPopulation the fewest detected victims (after noise) a table of an aggregate-only user
 *     may be computed over; below it, for any region × agency-type combination, every cell is
 *     hidden; default 20, never below 10
 * @param dashboardEpsilon the ε one new aggregate view (a period, region and agency type) spends on
 *     the noise of its victim tables; default 1
 * @param dashboardQuarterEpsilon the total ε the aggregate views may spend on the victims of one
 *     calendar quarter; default 20 (twenty distinct views of a quarter); a view asked again is
 *     served from the first answer and spends nothing
 */
@ConfigurationProperties("palermo.statistics")
public record StatisticsProperties(
    BigDecimal totalEpsilon,
    Integer suppressedWindowMonths,
    Integer minPopulation,
    BigDecimal dashboardEpsilon,
    BigDecimal dashboardQuarterEpsilon) {

  /** The total ε of a dataset when none is configured. */
  public static final BigDecimal DEFAULT_TOTAL_EPSILON = BigDecimal.valueOf(5);

  public StatisticsProperties {
    totalEpsilon = totalEpsilon == null ? DEFAULT_TOTAL_EPSILON : totalEpsilon;
    if (totalEpsilon.signum() < 0) {
      throw new IllegalArgumentException("palermo.statistics.total-epsilon must not be negative");
    }
    suppressedWindowMonths = suppressedWindowMonths == null ? 3 : suppressedWindowMonths;
    if (suppressedWindowMonths != 3
        && suppressedWindowMonths != 6
        && suppressedWindowMonths != 12) {
      throw new IllegalArgumentException(
          "palermo.statistics.suppressed-window-months must be 3, 6 or 12 (never shorter than a"
              + " quarter)");
    }
    minPopulation = minPopulation == null ? 20 : minPopulation;
    if (minPopulation < 10) {
      throw new IllegalArgumentException("palermo.statistics.min-population must be 10 or more");
    }
    dashboardEpsilon = dashboardEpsilon == null ? BigDecimal.ONE : dashboardEpsilon;
    if (dashboardEpsilon.signum() <= 0) {
      throw new IllegalArgumentException("palermo.statistics.dashboard-epsilon must be above 0");
    }
    dashboardQuarterEpsilon =
        dashboardQuarterEpsilon == null ? BigDecimal.valueOf(20) : dashboardQuarterEpsilon;
    if (dashboardQuarterEpsilon.signum() < 0) {
      throw new IllegalArgumentException(
          "palermo.statistics.dashboard-quarter-epsilon must not be negative");
    }
  }
}
