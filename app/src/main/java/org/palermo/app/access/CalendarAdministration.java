package org.palermo.app.access;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.calendar.Holiday;
import org.palermo.app.platform.calendar.HolidayFileException;
import org.palermo.app.platform.calendar.HolidayFiles;
import org.palermo.app.platform.calendar.PublicHolidays;
import org.springframework.stereotype.Service;

/**
 * The administrator's use cases on the instance's public holidays, shared by {@link CalendarApi}
 * and {@link CalendarPages}: administrators only, each audited (the file name and counts; a
 * calendar holds no personal data).
 */
@Service
class CalendarAdministration {
  private final PublicHolidays holidays;
  private final AuditLog audit;

  CalendarAdministration(PublicHolidays holidays, AuditLog audit) {
    this.holidays = holidays;
    this.audit = audit;
  }

  /** What an import read and changed. */
  record Result(int read, int added, int updated) {}

  List<Holiday> list(PalermoPrincipal me, Integer year) {
    admin(me, "calendar.list");
    if (year != null && (year < 1900 || year > 2200)) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "year must be between 1900 and 2200.",
          Map.of("field", "year"));
    }
    List<Holiday> list = holidays.list(year);
    record(me, "calendar.list", Outcome.SUCCESS, year == null ? "" : "year=" + year);
    return list;
  }

  Result importFile(PalermoPrincipal me, String originalName, byte[] content) {
    admin(me, "calendar.import");
    String name = safeName(originalName);
    List<Holiday> read;
    try {
      read = HolidayFiles.parse(name, content);
    } catch (HolidayFileException e) {
      record(me, "calendar.import", Outcome.FAILURE, "file=" + name + " line=" + e.line());
      throw e;
    }
    PublicHolidays.Imported r = holidays.importAll(read, "web:" + name);
    record(
        me,
        "calendar.import",
        Outcome.SUCCESS,
        "file="
            + name
            + " read="
            + read.size()
            + " added="
            + r.added()
            + " updated="
            + r.updated());
    return new Result(read.size(), r.added(), r.updated());
  }

  void delete(PalermoPrincipal me, String date) {
    admin(me, "calendar.delete");
    LocalDate day;
    try {
      day = LocalDate.parse(date);
    } catch (java.time.format.DateTimeParseException e) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED, "date must be YYYY-MM-DD.", Map.of("field", "date"));
    }
    if (!holidays.delete(day)) {
      throw new PalermoException(ErrorCode.NOT_FOUND, "No public holiday on this date.");
    }
    record(me, "calendar.delete", Outcome.SUCCESS, "day=" + day);
  }

  /** The file name for the audit trail: its last segment, plain characters, at most 80. */
  static String safeName(String original) {
    if (original == null || original.isBlank()) {
      return "upload";
    }
    String n = original.replace('\\', '/');
    n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
    return n.length() > 80 ? n.substring(n.length() - 80) : n;
  }

  /** Whether {@code me} administers the calendar: the guard of its page and its menu entry. */
  static boolean administers(PalermoPrincipal me) {
    return me.hasRole(Role.ADMIN);
  }

  /** Refuses (403, audited as DENIED) anyone but an administrator. */
  void admin(PalermoPrincipal me, String action) {
    if (!administers(me)) {
      record(me, action, Outcome.DENIED, "");
      throw new PalermoException(ErrorCode.FORBIDDEN, "Administrators only.");
    }
  }

  private void record(PalermoPrincipal me, String action, Outcome outcome, String detail) {
    audit.record(
        new AuditEntry(me.username(), me.agencyName(), action, "instance", outcome, detail));
  }
}
