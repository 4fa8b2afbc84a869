package org.palermo.app.identification.procedure;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working-day arithmetic: Monday to Friday. Public holidays are not counted yet (they differ by
 * country and year; docs/identification.md says so).
 */
public final class WorkingDays {
  private WorkingDays() {}

  public static boolean isWorkingDay(LocalDate day) {
    DayOfWeek d = day.getDayOfWeek();
    return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
  }

  /**
   * The day {@code days} working days after {@code from}, not counting {@code from} itself: a
   * referral on a Friday with 5 working days is due the next Friday, one on a Saturday too.
   */
  public static LocalDate add(LocalDate from, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative");
    }
    LocalDate d = from;
    int left = days;
    while (left > 0) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) {
        left--;
      }
    }
    return d;
  }
}
