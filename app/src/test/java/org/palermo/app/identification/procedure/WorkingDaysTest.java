package org.palermo.app.identification.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Deadline arithmetic: working days are Monday to Friday, counted after the starting day. */
class WorkingDaysTest {
  static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

  @Test
  void five_working_days_from_a_monday_end_on_the_next_monday() {
    assertThat(MONDAY.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(WorkingDays.add(MONDAY, 5)).isEqualTo(LocalDate.of(2026, 3, 9));
  }

  @Test
  void a_referral_on_a_wednesday_skips_the_weekend() {
    assertThat(WorkingDays.add(MONDAY.plusDays(2), 5)).isEqualTo(LocalDate.of(2026, 3, 11));
    assertThat(WorkingDays.add(MONDAY.plusDays(2), 3)).isEqualTo(LocalDate.of(2026, 3, 9));
  }

  @Test
  void friday_saturday_and_sunday_referrals_are_all_due_the_next_friday() {
    LocalDate friday = MONDAY.plusDays(4);
    LocalDate nextFriday = LocalDate.of(2026, 3, 13);
    assertThat(WorkingDays.add(friday, 5)).isEqualTo(nextFriday);
    assertThat(WorkingDays.add(friday.plusDays(1), 5)).isEqualTo(nextFriday);
    assertThat(WorkingDays.add(friday.plusDays(2), 5)).isEqualTo(nextFriday);
  }

  @Test
  void one_working_day_after_a_friday_is_monday() {
    assertThat(WorkingDays.add(MONDAY.plusDays(4), 1)).isEqualTo(MONDAY.plusDays(7));
  }

  @Test
  void twenty_working_days_are_four_weeks() {
    assertThat(WorkingDays.add(MONDAY, 20)).isEqualTo(MONDAY.plusWeeks(4));
  }

  @Test
  void zero_days_is_the_same_day_and_negative_is_refused() {
    assertThat(WorkingDays.add(MONDAY, 0)).isEqualTo(MONDAY);
    assertThatThrownBy(() -> WorkingDays.add(MONDAY, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void weekends_are_not_working_days() {
    assertThat(WorkingDays.isWorkingDay(MONDAY.plusDays(5))).isFalse();
    assertThat(WorkingDays.isWorkingDay(MONDAY.plusDays(6))).isFalse();
    assertThat(WorkingDays.isWorkingDay(MONDAY.plusDays(4))).isTrue();
  }

  @Test
  void the_default_policy_gives_five_working_days_thirty_days_of_reflection_and_twenty_more() {
    DeadlinePolicy p = DeadlinePolicy.DEFAULT;
    assertThat(p.reasonableGroundsDue(MONDAY)).isEqualTo(LocalDate.of(2026, 3, 9));
    assertThat(p.reflectionEnds(MONDAY)).isEqualTo(LocalDate.of(2026, 4, 1));
    // 1 April 2026 is a Wednesday: twenty working days later is Wednesday 29 April.
    assertThat(p.conclusiveGroundsDue(LocalDate.of(2026, 4, 1)))
        .isEqualTo(LocalDate.of(2026, 4, 29));
  }

  @Test
  void a_policy_refuses_limits_below_one_day() {
    assertThatThrownBy(() -> new DeadlinePolicy(0, 30, 20))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
