package org.palermo.app.identification.procedure;

import java.time.LocalDate;
import org.palermo.app.platform.calendar.WorkingCalendar;

/**
 * Working-day arithmetic on the instance's one calendar ({@link WorkingCalendar#current()}: its
 * weekend and its public holidays). Kept, with its signatures, for the callers of identification's
 * deadlines; the rule itself lives in {@code platform.calendar}.
 */
public final class WorkingDays {
  private WorkingDays() {}

  public static boolean isWorkingDay(LocalDate day) {
    return WorkingCalendar.current().isWorkingDay(day);
  }

  /**
   * The day {@code days} working days after {@code from}, not counting {@code from} itself: a
   * referral on a Friday with 5 working days is due the next Friday, one on a Saturday too; each
   * public holiday in between adds a day.
   */
  public static LocalDate add(LocalDate from, int days) {
    return WorkingCalendar.current().add(from, days);
  }
}
