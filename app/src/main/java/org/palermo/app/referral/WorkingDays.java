package org.palermo.app.referral;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;

/** Adds working days (Monday to Friday; public holidays are not counted yet). */
final class WorkingDays {
  private WorkingDays() {}

  static ZonedDateTime add(ZonedDateTime from, int days) {
    ZonedDateTime t = from;
    int left = days;
    while (left > 0) {
      t = t.plusDays(1);
      if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
        left--;
      }
    }
    return t;
  }
}
