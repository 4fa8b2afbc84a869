package org.palermo.app.statistics;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of statistical releases, bound from {@code palermo.statistics.*}.
 *
 * @param totalEpsilon the total ε each dataset may ever spend on differentially private releases
 *     (basic sequential composition); default 5
 */
@ConfigurationProperties("palermo.statistics")
public record StatisticsProperties(BigDecimal totalEpsilon) {

  /** The total ε of a dataset when none is configured. */
  public static final BigDecimal DEFAULT_TOTAL_EPSILON = BigDecimal.valueOf(5);

  public StatisticsProperties {
    totalEpsilon = totalEpsilon == null ? DEFAULT_TOTAL_EPSILON : totalEpsilon;
    if (totalEpsilon.signum() < 0) {
      throw new IllegalArgumentException("palermo.statistics.total-epsilon must not be negative");
    }
  }
}
