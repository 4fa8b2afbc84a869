package org.palermo.app.platform.calendar;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The instance's public holidays (table {@code public_holiday}, owned here) and its working-day
 * calendar: the weekend of {@code palermo.calendar.weekend} (default {@code SATURDAY,SUNDAY}; a
 * state that rests Friday and Saturday sets {@code FRIDAY,SATURDAY}) and these holidays. The
 * calendar is installed as {@link WorkingCalendar#current()} when the application starts and after
 * every change. Callers audit: the administrator API and the command line.
 */
@Service
public class PublicHolidays {
  private final JdbcClient jdbc;
  private final Clock clock;
  private final Set<DayOfWeek> weekend;

  PublicHolidays(
      JdbcClient jdbc,
      Clock clock,
      @Value("${palermo.calendar.weekend:SATURDAY,SUNDAY}") String weekend) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.weekend = weekend(weekend);
  }

  /** Parses {@code palermo.calendar.weekend}: day names, comma-separated; may be empty. */
  static Set<DayOfWeek> weekend(String value) {
    EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String d : value.split(",")) {
      if (d.isBlank()) {
        continue;
      }
      try {
        days.add(DayOfWeek.valueOf(d.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "palermo.calendar.weekend: not a day of the week (MONDAY … SUNDAY): " + d.strip());
      }
    }
    if (days.size() == 7) {
      throw new IllegalArgumentException("palermo.calendar.weekend: a week needs a working day");
    }
    return days;
  }

  @EventListener(ContextRefreshedEvent.class)
  void installOnStart() {
    install();
  }

  /** Builds the calendar from the stored holidays and installs it as the current one. */
  public WorkingCalendar install() {
    WorkingCalendar calendar = calendar();
    WorkingCalendar.install(calendar);
    return calendar;
  }

  /** The calendar as stored now. */
  public WorkingCalendar calendar() {
    Map<LocalDate, String> days = new LinkedHashMap<>();
    for (Holiday h : list(null)) {
      days.put(h.date(), h.name());
    }
    return new WorkingCalendar(weekend, days);
  }

  /** The holidays, by date; of one year when {@code year} is given. */
  public List<Holiday> list(Integer year) {
    String sql = "SELECT day, name FROM public_holiday";
    JdbcClient.StatementSpec s;
    if (year != null) {
      s =
          jdbc.sql(sql + " WHERE day >= ? AND day < ? ORDER BY day")
              .params(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    } else {
      s = jdbc.sql(sql + " ORDER BY day");
    }
    return s.query((rs, i) -> new Holiday(rs.getObject(1, LocalDate.class), rs.getString(2)))
        .list();
  }

  /** What an import did: holidays added, and existing dates whose name was replaced. */
  public record Imported(int added, int updated) {}

  /**
   * Stores the holidays (a date already held takes the new name; importing the same file twice
   * changes nothing) and installs the new calendar.
   */
  @Transactional
  public Imported importAll(List<Holiday> holidays, String source) {
    int added = 0;
    int updated = 0;
    Timestamp now = Timestamp.from(clock.instant());
    String from = source == null || source.isBlank() ? "import" : source.strip();
    if (from.length() > 200) {
      from = from.substring(0, 200);
    }
    for (Holiday h : holidays) {
      String before =
          jdbc.sql("SELECT name FROM public_holiday WHERE day = ?")
              .param(h.date())
              .query(String.class)
              .optional()
              .orElse(null);
      if (before == null) {
        jdbc.sql("INSERT INTO public_holiday (day, name, source, imported_at) VALUES (?, ?, ?, ?)")
            .params(h.date(), h.name(), from, now)
            .update();
        added++;
      } else if (!before.equals(h.name())) {
        jdbc.sql("UPDATE public_holiday SET name = ?, source = ?, imported_at = ? WHERE day = ?")
            .params(h.name(), from, now, h.date())
            .update();
        updated++;
      }
    }
    install();
    return new Imported(added, updated);
  }

  /** Removes the holiday on {@code day}; false when there is none. */
  @Transactional
  public boolean delete(LocalDate day) {
    boolean removed = jdbc.sql("DELETE FROM public_holiday WHERE day = ?").param(day).update() > 0;
    install();
    return removed;
  }
}
