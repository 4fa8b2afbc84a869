package org.palermo.app.platform.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The instance's one working-day calendar: which days of the week are the weekend and which dates
 * are public holidays. Every deadline that counts working days counts them here (identification's
 * reasonable- and conclusive-grounds deadlines, a referral's answer deadline), on dates in the
 * instance's time zone, which is the zone of the application's {@link Clock} ({@code
 * palermo.time-zone}).
 *
 * <p>Immutable. The instance's calendar, built from {@code palermo.calendar.weekend} and the public
 * holidays stored by {@link PublicHolidays}, is installed at start-up and after every import, and
 * read with {@link #current()}.
 */
public final class WorkingCalendar {
  /** Saturday and Sunday off, no public holidays: the calendar before any is configured. */
  public static final WorkingCalendar WEEKDAYS =
      new WorkingCalendar(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Map.of());

  private static volatile WorkingCalendar current = WEEKDAYS;

  private final EnumSet<DayOfWeek> weekend;
  private final TreeMap<LocalDate, String> holidays;

  public WorkingCalendar(Collection<DayOfWeek> weekend, Map<LocalDate, String> holidays) {
    EnumSet<DayOfWeek> w =
        weekend.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekend);
    if (w.size() == DayOfWeek.values().length) {
      throw new IllegalArgumentException("a week needs at least one working day");
    }
    this.weekend = w;
    this.holidays = new TreeMap<>(holidays);
  }

  /** The instance's calendar (Saturday–Sunday, no holidays until the application installs one). */
  public static WorkingCalendar current() {
    return current;
  }

  /** Installs the instance's calendar; {@link PublicHolidays} does it, and tests that need one. */
  public static void install(WorkingCalendar calendar) {
    current = calendar;
  }

  public Set<DayOfWeek> weekend() {
    return EnumSet.copyOf(weekend);
  }

  /** The public holiday on {@code day}, by name. */
  public Optional<String> holiday(LocalDate day) {
    return Optional.ofNullable(holidays.get(day));
  }

  public boolean isWorkingDay(LocalDate day) {
    return !weekend.contains(day.getDayOfWeek()) && !holidays.containsKey(day);
  }

  /**
   * The day {@code days} working days after {@code from}, not counting {@code from} itself: a
   * referral on a Friday with 5 working days is due the next Friday (one more per holiday in
   * between), one on a Saturday too.
   */
  public LocalDate add(LocalDate from, int days) {
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

  /**
   * The same time of day {@code days} working days after {@code from}, counting the dates of {@code
   * from}'s zone (give it in the instance's zone: {@code instant.atZone(clock.getZone())}).
   */
  public ZonedDateTime add(ZonedDateTime from, int days) {
    LocalDate due = add(from.toLocalDate(), days);
    return from.with(due);
  }

  /** Today in the instance's time zone: the clock's zone. */
  public static LocalDate today(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), clock.getZone());
  }
}
