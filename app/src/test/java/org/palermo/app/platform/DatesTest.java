package org.palermo.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The one date policy of pages and API: malformed dates refused, every date plausible. */
class DatesTest {
  final Dates dates = new Dates(Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), ZoneOffset.UTC));

  static String reason(Runnable r) {
    try {
      r.run();
      return null;
    } catch (PalermoException e) {
      assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
      return (String) e.properties().get("reason");
    }
  }

  @Test
  void a_malformed_date_is_refused_at_its_field_not_dropped() {
    assertThatThrownBy(() -> dates.parse("2026-02-30", "assessedOn", DateMeaning.HAPPENED))
        .isInstanceOfSatisfying(
            PalermoException.class,
            e -> assertThat(e.properties()).containsEntry("field", "assessedOn"));
    assertThat(reason(() -> dates.parse("15/06/2026", "x", DateMeaning.HAPPENED)))
        .isEqualTo("date");
    assertThat(dates.parse("  ", "x", DateMeaning.HAPPENED)).isNull();
  }

  @Test
  void a_birth_date_is_neither_in_the_future_nor_more_than_120_years_ago() {
    assertThat(reason(() -> dates.parse("2026-06-16", "dob", DateMeaning.BIRTH)))
        .isEqualTo("future");
    assertThat(reason(() -> dates.parse("1906-06-14", "dob", DateMeaning.BIRTH)))
        .isEqualTo("tooOld");
    assertThat(dates.parse("1990-01-31", "dob", DateMeaning.BIRTH))
        .isEqualTo(LocalDate.of(1990, 1, 31));
  }

  @Test
  void a_planned_end_is_not_in_1900_nor_before_its_start_and_a_due_date_not_9999() {
    assertThat(reason(() -> dates.parse("1900-01-01", "plannedEnd", DateMeaning.PLANNED)))
        .isEqualTo("past");
    assertThat(reason(() -> dates.parse("9999-12-31", "due", DateMeaning.DUE))).isEqualTo("tooFar");
    assertThat(dates.parse("2027-01-01", "due", DateMeaning.DUE)).isNotNull();
    assertThat(
            reason(
                () ->
                    Dates.notBefore(
                        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), "plannedEnd")))
        .isEqualTo("beforeStart");
  }

  @Test
  void a_decision_or_an_event_is_not_in_the_future() {
    assertThat(reason(() -> dates.parse("2026-06-16", "decidedOn", DateMeaning.HAPPENED)))
        .isEqualTo("future");
    assertThat(dates.parse("2026-06-15", "decidedOn", DateMeaning.HAPPENED)).isNotNull();
  }
}
