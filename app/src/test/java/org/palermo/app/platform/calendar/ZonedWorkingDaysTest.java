package org.palermo.app.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * The recipient of a referral has {@code palermo.referral.answer-within-working-days} working days
 * (Monday to Friday by default) to answer; the deadline {@code WorkingCalendar.add} computes on a
 * date-time in the instance's zone is what the recipient and the referring agency see, and what
 * makes a referral overdue (moved here from {@code referral.WorkingDaysTest}).
 */
class ZonedWorkingDaysTest {
  static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

  static ZonedDateTime at(String date, int hour) {
    return LocalDate.parse(date).atTime(hour, 30).atZone(BRUSSELS);
  }

  @Test
  void weekdays_count_and_the_weekend_does_not() {
    // 2026-12-07 is a Monday.
    assertThat(at("2026-12-07", 9).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(WorkingCalendar.WEEKDAYS.add(at("2026-12-07", 9), 1)).isEqualTo(at("2026-12-08", 9));
    assertThat(WorkingCalendar.WEEKDAYS.add(at("2026-12-07", 9), 4)).isEqualTo(at("2026-12-11", 9));
    assertThat(WorkingCalendar.WEEKDAYS.add(at("2026-12-07", 9), 5)).isEqualTo(at("2026-12-14", 9));
    assertThat(WorkingCalendar.WEEKDAYS.add(at("2026-12-07", 9), 10))
        .isEqualTo(at("2026-12-21", 9));
  }

  @Test
  void a_referral_made_on_friday_or_at_the_weekend_is_due_from_monday_on() {
    assertThat(WorkingCalendar.WEEKDAYS.add(at("2026-12-11", 17), 1))
        .isEqualTo(at("2026-12-14", 17));
    assertThat(WorkingCalendar.WEEKDAYS.add(at("2026-12-12", 10), 1))
        .isEqualTo(at("2026-12-14", 10));
    assertThat(WorkingCalendar.WEEKDAYS.add(at("2026-12-13", 10), 1))
        .isEqualTo(at("2026-12-14", 10));
    assertThat(WorkingCalendar.WEEKDAYS.add(at("2026-12-13", 10), 3))
        .isEqualTo(at("2026-12-16", 10));
  }

  @Test
  void no_deadline_ever_falls_on_a_weekend_and_each_added_day_moves_it_forward() {
    ZonedDateTime start = at("2026-01-01", 8);
    for (int offset = 0; offset < 14; offset++) {
      ZonedDateTime from = start.plusDays(offset);
      ZonedDateTime previous = from;
      for (int days = 1; days <= 15; days++) {
        ZonedDateTime due = WorkingCalendar.WEEKDAYS.add(from, days);
        assertThat(due.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(due).isAfter(previous);
        assertThat(due.toLocalTime()).isEqualTo(from.toLocalTime());
        previous = due;
      }
      // Five working days are always one calendar week, whatever the day it starts from.
      if (from.getDayOfWeek().getValue() <= 5) {
        assertThat(WorkingCalendar.WEEKDAYS.add(from, 5)).isEqualTo(from.plusWeeks(1));
      }
    }
  }

  @Test
  void the_local_time_is_kept_across_a_change_to_summer_time() {
    // Clocks go forward on Sunday 2026-03-29 in Brussels: the deadline keeps the wall-clock time.
    ZonedDateTime friday = at("2026-03-27", 16);
    ZonedDateTime due = WorkingCalendar.WEEKDAYS.add(friday, 1);
    assertThat(due.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-30T16:30"));
    assertThat(due.getOffset()).isNotEqualTo(friday.getOffset());
  }
}
