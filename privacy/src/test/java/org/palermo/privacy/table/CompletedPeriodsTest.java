package org.palermo.privacy.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletedPeriodsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 5, 14); // in 2026 Q2

  @Test
  void noPeriodAskedShowsTheLastCompletedWindow() {
    assertThat(new CompletedPeriods(3).shown(null, null, TODAY))
        .isEqualTo(period("2026-01-01", "2026-03-31"));
    assertThat(new CompletedPeriods(6).shown(null, null, TODAY))
        .isEqualTo(period("2025-07-01", "2025-12-31"));
    assertThat(new CompletedPeriods(12).shown(null, null, TODAY))
        .isEqualTo(period("2025-01-01", "2025-12-31"));
  }

  @Test
  void theEndsAreWidenedToWholeWindows() {
    assertThat(new CompletedPeriods(3).shown(day("2025-02-10"), day("2025-08-03"), TODAY))
        .isEqualTo(period("2025-01-01", "2025-09-30"));
  }

  @Test
  void theRunningWindowIsNeverShown() {
    assertThat(new CompletedPeriods(3).shown(day("2026-04-01"), day("2026-05-14"), TODAY))
        .as("asked only the running quarter: the last completed one instead")
        .isEqualTo(period("2026-01-01", "2026-03-31"));
    assertThat(new CompletedPeriods(3).shown(day("2025-10-05"), day("2026-12-31"), TODAY))
        .isEqualTo(period("2025-10-01", "2026-03-31"));
  }

  @Test
  void quartersArePeriodsUnitsOfComposition() {
    assertThat(CompletedPeriods.quarters(day("2025-07-01"), day("2026-03-31")))
        .isEqualTo(List.of("2025Q3", "2025Q4", "2026Q1"));
    assertThat(CompletedPeriods.quarters(day("2026-02-01"), day("2026-02-01")))
        .isEqualTo(List.of("2026Q1"));
  }

  @Test
  void onlyQuartersHalfYearsAndYears() {
    assertThatThrownBy(() -> new CompletedPeriods(1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static LocalDate day(String s) {
    return LocalDate.parse(s);
  }

  private static CompletedPeriods.Period period(String from, String to) {
    return new CompletedPeriods.Period(day(from), day(to));
  }
}
