package org.palermo.app.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one working-day calendar: weekend, public holidays, and the instance's zone. */
class WorkingCalendarTest {
  /** Friday 25 December 2026. */
  static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25);

  static final WorkingCalendar ITALY =
      new WorkingCalendar(
          EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
          Map.of(
              CHRISTMAS,
              "Natale",
              LocalDate.of(2026, 12, 26),
              "Santo Stefano",
              LocalDate.of(2027, 1, 1),
              "Capodanno"));

  @Test
  void a_holiday_on_a_friday_is_not_a_working_day_and_the_deadline_moves_to_monday() {
    assertThat(CHRISTMAS.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
    assertThat(ITALY.isWorkingDay(CHRISTMAS)).isFalse();
    assertThat(ITALY.holiday(CHRISTMAS)).contains("Natale");
    // Thursday 24 + 1 working day: not Friday 25 (holiday), not the weekend, Monday 28.
    assertThat(ITALY.add(CHRISTMAS.minusDays(1), 1)).isEqualTo(LocalDate.of(2026, 12, 28));
    assertThat(WorkingCalendar.WEEKDAYS.add(CHRISTMAS.minusDays(1), 1)).isEqualTo(CHRISTMAS);
  }

  @Test
  void a_deadline_across_a_weekend_and_two_holidays() {
    // Wednesday 23 December 2026 + 5 working days: 24, 28, 29, 30, 31 (25 and 1 January are
    // holidays, 26–27 the weekend) → Thursday 31; + 6 → Monday 4 January 2027.
    LocalDate wednesday = LocalDate.of(2026, 12, 23);
    assertThat(ITALY.add(wednesday, 5)).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(ITALY.add(wednesday, 6)).isEqualTo(LocalDate.of(2027, 1, 4));
    assertThat(WorkingCalendar.WEEKDAYS.add(wednesday, 5)).isEqualTo(LocalDate.of(2026, 12, 30));
  }

  @Test
  void a_friday_saturday_weekend_counts_sunday_to_thursday() {
    WorkingCalendar gulf =
        new WorkingCalendar(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), Map.of());
    LocalDate thursday = LocalDate.of(2026, 12, 3);
    assertThat(gulf.isWorkingDay(thursday.plusDays(1))).isFalse(); // Friday
    assertThat(gulf.isWorkingDay(thursday.plusDays(3))).isTrue(); // Sunday
    assertThat(gulf.add(thursday, 1)).isEqualTo(LocalDate.of(2026, 12, 6)); // Sunday
    assertThat(gulf.add(thursday, 5)).isEqualTo(LocalDate.of(2026, 12, 10)); // Thursday
  }

  @Test
  void in_a_zone_where_it_is_already_tomorrow_today_and_the_deadline_are_that_zones_dates() {
    // 23:30 UTC on Thursday 24 December is 00:30 on Friday 25 December (Christmas) in Rome.
    Instant lateEvening = Instant.parse("2026-12-24T23:30:00Z");
    Clock rome = Clock.fixed(lateEvening, ZoneId.of("Europe/Rome"));
    Clock utc = Clock.fixed(lateEvening, ZoneId.of("UTC"));
    assertThat(WorkingCalendar.today(rome)).isEqualTo(CHRISTMAS);
    assertThat(WorkingCalendar.today(utc)).isEqualTo(CHRISTMAS.minusDays(1));
    // A date-time deadline counts Rome's dates: from Friday 00:30 (a holiday), 1 working day is
    // Monday 28 at 00:30 Rome time; counted in UTC it would be Friday 25 (Christmas itself).
    ZonedDateTime fromRome = lateEvening.atZone(rome.getZone());
    assertThat(ITALY.add(fromRome, 1).toLocalDateTime())
        .isEqualTo(LocalDate.of(2026, 12, 28).atTime(0, 30));
    assertThat(ITALY.add(lateEvening.atZone(utc.getZone()), 1).toLocalDate())
        .isEqualTo(LocalDate.of(2026, 12, 28));
    assertThat(WorkingCalendar.WEEKDAYS.add(lateEvening.atZone(utc.getZone()), 1).toLocalDate())
        .isEqualTo(CHRISTMAS);
  }

  @Test
  void zero_days_is_the_day_itself_and_negative_is_refused() {
    assertThat(ITALY.add(CHRISTMAS, 0)).isEqualTo(CHRISTMAS);
    assertThatThrownBy(() -> ITALY.add(CHRISTMAS, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_week_without_a_working_day_is_refused() {
    assertThatThrownBy(
            () -> new WorkingCalendar(EnumSet.allOf(DayOfWeek.class), Map.<LocalDate, String>of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_weekend_setting_is_read_and_checked() {
    assertThat(PublicHolidays.weekend("SATURDAY,SUNDAY"))
        .containsExactlyInAnyOrder(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    assertThat(PublicHolidays.weekend(" friday , saturday "))
        .containsExactlyInAnyOrder(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
    assertThat(PublicHolidays.weekend("")).isEmpty();
    assertThatThrownBy(() -> PublicHolidays.weekend("SATURDAY,SONNTAG"))
        .hasMessageContaining("SONNTAG");
  }

  @Test
  void identifications_working_days_count_on_the_installed_calendar() {
    WorkingCalendar before = WorkingCalendar.current();
    try {
      WorkingCalendar.install(ITALY);
      assertThat(
              org.palermo.app.identification.procedure.WorkingDays.add(CHRISTMAS.minusDays(1), 1))
          .isEqualTo(LocalDate.of(2026, 12, 28));
      assertThat(org.palermo.app.identification.procedure.WorkingDays.isWorkingDay(CHRISTMAS))
          .isFalse();
    } finally {
      WorkingCalendar.install(before);
    }
  }
}
