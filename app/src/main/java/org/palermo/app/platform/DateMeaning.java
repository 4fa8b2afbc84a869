package org.palermo.app.platform;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What a date means, and so the range in which it is plausible (issue #14 §1 item 6). One policy
 * for the pages and the API: a date outside its range is refused with a reason the pages translate
 * ({@code past}, {@code future}, {@code tooOld}, {@code tooFar}) and the API gives as the problem's
 * {@code reason}.
 */
public enum DateMeaning {
  /** A date of birth: not in the future, not more than 120 years ago. */
  BIRTH(120 * 12, 0),
  /**
   * Something that has happened (an assessment, a service delivered, a decision, a disclosure): not
   * in the future, not more than 50 years ago.
   */
  HAPPENED(50 * 12, 0),
  /**
   * Something planned (the end of a support-plan objective, a review): not in the past, at most 10
   * years ahead.
   */
  PLANNED(0, 10 * 12),
  /**
   * A deadline such as a task's due date: at most a year in the past (recorded late), at most 5
   * years ahead.
   */
  DUE(12, 5 * 12);

  private final int monthsBack;
  private final int monthsAhead;

  DateMeaning(int monthsBack, int monthsAhead) {
    this.monthsBack = monthsBack;
    this.monthsAhead = monthsAhead;
  }

  /** The earliest plausible date, seen from {@code today}. */
  public LocalDate earliest(LocalDate today) {
    return today.minusMonths(monthsBack);
  }

  /** The latest plausible date, seen from {@code today}. */
  public LocalDate latest(LocalDate today) {
    return today.plusMonths(monthsAhead);
  }

  /** Why {@code date} is not plausible for this meaning, or empty when it is (or is absent). */
  public Optional<String> refusal(LocalDate date, LocalDate today) {
    if (date == null) {
      return Optional.empty();
    }
    if (date.isBefore(earliest(today))) {
      return Optional.of(monthsBack == 0 ? "past" : "tooOld");
    }
    if (date.isAfter(latest(today))) {
      return Optional.of(monthsAhead == 0 ? "future" : "tooFar");
    }
    return Optional.empty();
  }
}
