package org.palermo.privacy.table;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Time coarsening of a view: the period asked is widened to whole calendar windows (quarters,
 * half-years or years) and cut at the end of the last window completed, so that a registration is
 * never visible while its window is running, and then only among the whole window's.
 *
 * @param months the length of a window: 3, 6 or 12
 */
public record CompletedPeriods(int months) {

  public CompletedPeriods {
    if (months != 3 && months != 6 && months != 12) {
      throw new IllegalArgumentException("a window is 3, 6 or 12 months");
    }
  }

  /** A period: first and last day, both inclusive. */
  public record Period(LocalDate from, LocalDate to) {}

  /**
   * The period shown for the one asked on {@code today}: each end widened to a window boundary, cut
   * at the end of the last completed window, and at least that last window.
   *
   * @param from the first day asked, or {@code null}
   * @param to the last day asked, or {@code null}
   */
  public Period shown(LocalDate from, LocalDate to, LocalDate today) {
    LocalDate lastEnd = start(today).minusDays(1);
    LocalDate end = to == null ? lastEnd : start(to).plusMonths(months).minusDays(1);
    if (end.isAfter(lastEnd)) {
      end = lastEnd;
    }
    LocalDate begin = from == null ? start(end) : start(from);
    if (begin.isAfter(end)) {
      begin = start(end);
    }
    return new Period(begin, end);
  }

  /** The first day of the window holding {@code day}. */
  public LocalDate start(LocalDate day) {
    int month = ((day.getMonthValue() - 1) / months) * months + 1;
    return LocalDate.of(day.getYear(), month, 1);
  }

  /**
   * The calendar quarters a period touches, as {@code 2026Q1}: the units of parallel composition
   * when each person is counted in the quarter of their registration.
   */
  public static List<String> quarters(LocalDate from, LocalDate to) {
    List<String> out = new ArrayList<>();
    CompletedPeriods quarters = new CompletedPeriods(3);
    LocalDate q = quarters.start(from);
    while (!q.isAfter(to)) {
      out.add(q.getYear() + "Q" + ((q.getMonthValue() + 2) / 3));
      q = q.plusMonths(3);
    }
    return out;
  }
}
