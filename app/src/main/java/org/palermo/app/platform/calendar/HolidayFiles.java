package org.palermo.app.platform.calendar;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a public-holiday file: iCalendar (RFC 5545, the all-day {@code VEVENT}s that public
 * calendars publish: {@code DTSTART;VALUE=DATE}, an optional exclusive {@code DTEND} for a holiday
 * of several days, {@code SUMMARY} as its name) or CSV ({@code date,name}, ISO dates, an optional
 * {@code date,name} header). The small subset is parsed here rather than with a library: nothing
 * else of iCalendar is needed, and a recurring event ({@code RRULE}) or a timed one is refused with
 * its line rather than guessed. Any fault refuses the whole file, naming the line.
 */
public final class HolidayFiles {
  /** Largest file accepted: a century of holidays fits in far less. */
  public static final int MAX_BYTES = 1024 * 1024;

  private static final DateTimeFormatter ICS_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private HolidayFiles() {}

  /** The format, from the file name's extension when it has one, otherwise from the content. */
  public enum Format {
    ICS,
    CSV
  }

  /**
   * The holidays in {@code content}.
   *
   * @param fileName the uploaded or given file name, or null; {@code .ics} and {@code .csv} choose
   *     the format, any other extension is refused
   * @throws HolidayFileException naming the line at fault
   */
  public static List<Holiday> parse(String fileName, byte[] content) {
    if (content == null || content.length == 0) {
      throw new HolidayFileException(CalendarRefusal.FILE_EMPTY, "the file is empty.");
    }
    if (content.length > MAX_BYTES) {
      throw new HolidayFileException(
          CalendarRefusal.FILE_TOO_LARGE, "the file is larger than 1 MB.");
    }
    String text = text(content);
    Format format = format(fileName, text);
    List<Holiday> holidays = format == Format.ICS ? ics(text) : csv(text);
    if (holidays.isEmpty()) {
      throw new HolidayFileException(CalendarRefusal.NO_HOLIDAYS, "the file holds no holidays.");
    }
    return holidays;
  }

  static Format format(String fileName, String text) {
    if (fileName != null && !fileName.isBlank()) {
      String lower = fileName.strip().toLowerCase(Locale.ROOT);
      if (lower.endsWith(".ics") || lower.endsWith(".ical") || lower.endsWith(".ifb")) {
        return Format.ICS;
      }
      if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
        return Format.CSV;
      }
      if (lower.contains(".")) {
        throw new HolidayFileException(
            CalendarRefusal.NOT_ICS_OR_CSV,
            "not an iCalendar (.ics) or CSV (.csv) file: " + extension(lower) + ".");
      }
    }
    return text.stripLeading().regionMatches(true, 0, "BEGIN:VCALENDAR", 0, 15)
        ? Format.ICS
        : Format.CSV;
  }

  private static String extension(String name) {
    String ext = name.substring(name.lastIndexOf('.'));
    return ext.length() > 10 ? ext.substring(0, 10) + "…" : ext;
  }

  private static String text(byte[] content) {
    try {
      String s =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
      if (s.indexOf('\0') >= 0) {
        throw new HolidayFileException(
            CalendarRefusal.NOT_TEXT, "not a text file (iCalendar or CSV).");
      }
      return s.startsWith("\uFEFF") ? s.substring(1) : s;
    } catch (CharacterCodingException e) {
      throw new HolidayFileException(
          CalendarRefusal.NOT_UTF8, "not a UTF-8 text file (iCalendar or CSV).");
    }
  }

  // ---- CSV: date,name ----

  static List<Holiday> csv(String text) {
    List<Holiday> out = new ArrayList<>();
    Map<LocalDate, Integer> seen = new HashMap<>();
    String[] lines = text.split("\r\n|\n|\r", -1);
    for (int i = 0; i < lines.length; i++) {
      int n = i + 1;
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (out.isEmpty() && seen.isEmpty() && line.toLowerCase(Locale.ROOT).startsWith("date,")) {
        continue; // the header
      }
      int comma = line.indexOf(',');
      if (comma < 0) {
        throw new HolidayFileException(
            n,
            0,
            CalendarRefusal.CSV_NOT_DATE_NAME,
            "expected date,name (for example 2026-12-25,Christmas).");
      }
      LocalDate date;
      try {
        date = LocalDate.parse(line.substring(0, comma).strip());
      } catch (DateTimeParseException e) {
        throw new HolidayFileException(
            n,
            1,
            CalendarRefusal.DATE_INVALID,
            "the date is not a date in the form YYYY-MM-DD: " + shortly(line, comma) + ".");
      }
      String name = unquote(line.substring(comma + 1).strip(), n);
      if (name.isBlank()) {
        throw new HolidayFileException(
            n, 2, CalendarRefusal.NAME_MISSING, "the holiday on " + date + " has no name.");
      }
      add(out, seen, new Holiday(date, name), n);
    }
    return out;
  }

  private static String shortly(String line, int end) {
    String v = line.substring(0, end).strip();
    return v.length() > 20 ? v.substring(0, 20) + "…" : v;
  }

  private static String unquote(String v, int line) {
    if (!v.startsWith("\"")) {
      return v;
    }
    if (v.length() < 2 || !v.endsWith("\"")) {
      throw new HolidayFileException(
          line, 2, CalendarRefusal.QUOTE_NOT_CLOSED, "a quoted name is not closed.");
    }
    return v.substring(1, v.length() - 1).replace("\"\"", "\"");
  }

  private static void add(List<Holiday> out, Map<LocalDate, Integer> seen, Holiday h, int line) {
    Integer before = seen.putIfAbsent(h.date(), line);
    if (before != null) {
      throw new HolidayFileException(
          line,
          1,
          CalendarRefusal.DATE_TWICE,
          h.date() + " is listed twice (first on line " + before + ").");
    }
    out.add(h);
  }

  // ---- iCalendar: the all-day VEVENTs ----

  private record Line(int number, String text) {}

  static List<Holiday> ics(String text) {
    List<Line> lines = unfold(text);
    if (lines.isEmpty() || !lines.get(0).text().equalsIgnoreCase("BEGIN:VCALENDAR")) {
      throw new HolidayFileException(
          lines.isEmpty() ? 1 : lines.get(0).number(),
          0,
          CalendarRefusal.ICS_NO_BEGIN,
          "an iCalendar file begins with BEGIN:VCALENDAR.");
    }
    List<Holiday> out = new ArrayList<>();
    Map<LocalDate, Integer> seen = new HashMap<>();
    boolean inEvent = false;
    boolean ended = false;
    int eventLine = 0;
    LocalDate start = null;
    LocalDate end = null;
    int startLine = 0;
    String summary = null;
    int nested = 0;
    for (Line l : lines) {
      String name = propertyName(l.text());
      String value = value(l.text());
      if (ended) {
        throw new HolidayFileException(
            l.number(), 0, CalendarRefusal.ICS_CONTENT_AFTER_END, "content after END:VCALENDAR.");
      }
      if (name.equals("BEGIN")) {
        if (value.equalsIgnoreCase("VEVENT")) {
          if (inEvent) {
            throw new HolidayFileException(
                l.number(), 0, CalendarRefusal.ICS_EVENT_IN_EVENT, "a VEVENT inside a VEVENT.");
          }
          inEvent = true;
          eventLine = l.number();
          start = null;
          end = null;
          summary = null;
        } else if (inEvent) {
          nested++; // a VALARM inside the event: ignored
        }
        continue;
      }
      if (name.equals("END")) {
        if (inEvent && nested > 0) {
          nested--;
        } else if (value.equalsIgnoreCase("VEVENT")) {
          if (!inEvent) {
            throw new HolidayFileException(
                l.number(),
                0,
                CalendarRefusal.ICS_END_WITHOUT_BEGIN,
                "END:VEVENT without BEGIN:VEVENT.");
          }
          if (start == null) {
            throw new HolidayFileException(
                eventLine, 0, CalendarRefusal.ICS_NO_START, "the event has no DTSTART.");
          }
          String holidayName = summary == null || summary.isBlank() ? "" : summary;
          if (holidayName.isBlank()) {
            throw new HolidayFileException(
                eventLine,
                0,
                CalendarRefusal.NAME_MISSING,
                "the event on " + start + " has no SUMMARY.");
          }
          LocalDate last = end == null ? start : end.minusDays(1);
          if (last.isBefore(start)) {
            throw new HolidayFileException(
                eventLine, 0, CalendarRefusal.ICS_END_BEFORE_START, "DTEND is before DTSTART.");
          }
          if (start.plusDays(366).isBefore(last)) {
            throw new HolidayFileException(
                eventLine,
                0,
                CalendarRefusal.ICS_LONGER_THAN_A_YEAR,
                "an event longer than a year.");
          }
          for (LocalDate d = start; !d.isAfter(last); d = d.plusDays(1)) {
            add(out, seen, new Holiday(d, holidayName), startLine);
          }
          inEvent = false;
        } else if (value.equalsIgnoreCase("VCALENDAR")) {
          if (inEvent) {
            throw new HolidayFileException(
                l.number(), 0, CalendarRefusal.ICS_END_IN_EVENT, "END:VCALENDAR inside a VEVENT.");
          }
          ended = true;
        }
        continue;
      }
      if (!inEvent || nested > 0) {
        continue;
      }
      switch (name) {
        case "DTSTART" -> {
          start = date(l, value);
          startLine = l.number();
        }
        case "DTEND" -> end = date(l, value);
        case "SUMMARY" -> summary = unescape(value);
        case "RRULE", "RDATE" ->
            throw new HolidayFileException(
                l.number(),
                0,
                CalendarRefusal.ICS_RECURRING,
                "recurring events (" + name + ") are not read: list each holiday's date.");
        default -> {}
      }
    }
    if (!ended) {
      throw new HolidayFileException(
          lines.get(lines.size() - 1).number(),
          0,
          CalendarRefusal.ICS_NO_END,
          "the file does not end with END:VCALENDAR.");
    }
    return out;
  }

  /** Lines with continuation lines (starting with a space or tab) joined, numbered from 1. */
  private static List<Line> unfold(String text) {
    String[] raw = text.split("\r\n|\n|\r", -1);
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < raw.length; i++) {
      String r = raw[i];
      if (!r.isEmpty() && (r.charAt(0) == ' ' || r.charAt(0) == '\t') && !out.isEmpty()) {
        Line last = out.remove(out.size() - 1);
        out.add(new Line(last.number(), last.text() + r.substring(1)));
      } else if (!r.isBlank()) {
        out.add(new Line(i + 1, r.strip()));
      }
    }
    return out;
  }

  private static String propertyName(String line) {
    int end = line.length();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ';' || c == ':') {
        end = i;
        break;
      }
    }
    return line.substring(0, end).strip().toUpperCase(Locale.ROOT);
  }

  /** The value after the first colon that is not inside a quoted parameter. */
  private static String value(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ':' && !quoted) {
        return line.substring(i + 1);
      }
    }
    return "";
  }

  private static LocalDate date(Line l, String value) {
    String v = value.strip();
    if (v.length() != 8) {
      throw new HolidayFileException(
          l.number(),
          0,
          CalendarRefusal.ICS_NOT_ALL_DAY,
          "a holiday is an all-day date (DTSTART;VALUE=DATE:YYYYMMDD), not "
              + (v.length() > 20 ? v.substring(0, 20) + "…" : v)
              + ".");
    }
    try {
      return LocalDate.parse(v, ICS_DATE);
    } catch (DateTimeParseException e) {
      throw new HolidayFileException(
          l.number(),
          0,
          CalendarRefusal.ICS_DATE_INVALID,
          "not a date in the form YYYYMMDD: " + v + ".");
    }
  }

  private static String unescape(String v) {
    StringBuilder b = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '\\' && i + 1 < v.length()) {
        char next = v.charAt(++i);
        b.append(next == 'n' || next == 'N' ? ' ' : next);
      } else {
        b.append(c);
      }
    }
    return b.toString().strip();
  }
}
