package org.palermo.app.platform.calendar;

import org.palermo.app.platform.RefusalReason;

/**
 * Why a holiday file (iCalendar, RFC 5545, or CSV {@code date,name}) is refused: the problem's
 * {@code reason}, with the {@code line} and, in a CSV file, the {@code column} at fault, so that a
 * page translates it ({@code security.calendar.problem.<code>}, whose arguments are the line and
 * the column) and the API and the command line say where.
 */
public enum CalendarRefusal implements RefusalReason {
  /** No file was chosen (the page's form). */
  NO_FILE,
  FILE_EMPTY,
  FILE_TOO_LARGE,
  NO_HOLIDAYS,
  NOT_ICS_OR_CSV,
  NOT_TEXT,
  NOT_UTF8,
  /** A CSV line that is not {@code date,name}. */
  CSV_NOT_DATE_NAME,
  /** A CSV date that is not {@code YYYY-MM-DD}. */
  DATE_INVALID,
  /** A holiday without a name (CSV) or an event without a SUMMARY (iCalendar). */
  NAME_MISSING,
  QUOTE_NOT_CLOSED,
  /** A date listed twice. */
  DATE_TWICE,
  ICS_NO_BEGIN,
  ICS_CONTENT_AFTER_END,
  ICS_EVENT_IN_EVENT,
  ICS_END_WITHOUT_BEGIN,
  ICS_NO_START,
  ICS_END_BEFORE_START,
  ICS_LONGER_THAN_A_YEAR,
  ICS_END_IN_EVENT,
  ICS_RECURRING,
  ICS_NO_END,
  /** A DTSTART or DTEND that is not an all-day {@code YYYYMMDD} date. */
  ICS_NOT_ALL_DAY,
  ICS_DATE_INVALID;

  @Override
  public String messageKey() {
    return "security.calendar.problem." + code();
  }
}
