package org.palermo.app.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The instance's public-holiday calendar (issue 13 §2): {@code GET
 * /api/v1/admin/calendar/holidays[?year=]} lists it with the weekend and time zone, {@code POST}
 * imports an iCalendar or CSV file uploaded as {@code file} (multipart), {@code DELETE .../{date}}
 * removes one holiday. Working-day deadlines (identification, referral answers) count on it from
 * the next computation. Administrators only; audited (counts and the file name; a calendar holds no
 * personal data).
 */
@RestController
@Tag(name = "Administration")
@SecurityRequirement(name = "token")
class CalendarApi {
  private final PublicHolidays holidays;
  private final AuditLog audit;
  private final java.time.Clock clock;

  CalendarApi(PublicHolidays holidays, AuditLog audit, java.time.Clock clock) {
    this.holidays = holidays;
    this.audit = audit;
    this.clock = clock;
  }

  record HolidayResponse(LocalDate date, String name) {}

  record CalendarResponse(
      String timeZone, List<DayOfWeek> weekend, List<HolidayResponse> holidays) {}

  record ImportResponse(int read, int added, int updated) {}

  @GetMapping("/api/v1/admin/calendar/holidays")
  @Operation(
      summary = "The public holidays, weekend and time zone of the instance (administrators)")
  CalendarResponse list(@RequestParam(name = "year", required = false) Integer year) {
    PalermoPrincipal me = admin("calendar.list");
    if (year != null && (year < 1900 || year > 2200)) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "year must be between 1900 and 2200.",
          Map.of("field", "year"));
    }
    List<HolidayResponse> list =
        holidays.list(year).stream().map(h -> new HolidayResponse(h.date(), h.name())).toList();
    audit.record(
        new AuditEntry(
            me.username(),
            me.agencyName(),
            "calendar.list",
            "instance",
            Outcome.SUCCESS,
            year == null ? "" : "year=" + year));
    ZoneId zone = clock.getZone();
    return new CalendarResponse(zone.getId(), List.copyOf(holidays.calendar().weekend()), list);
  }

  @PostMapping(
      path = "/api/v1/admin/calendar/holidays",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Import public holidays from an iCalendar (.ics) or CSV (date,name) file (administrators)")
  ImportResponse importFile(@RequestParam(name = "file", required = false) MultipartFile file) {
    PalermoPrincipal me = admin("calendar.import");
    if (file == null) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "Upload the iCalendar or CSV file as the multipart part 'file'.",
          Map.of("field", "file"));
    }
    String name = safeName(file.getOriginalFilename());
    List<Holiday> read;
    try {
      if (file.getSize() > HolidayFiles.MAX_BYTES) {
        throw new HolidayFileException(0, "the file is larger than 1 MB.");
      }
      read = HolidayFiles.parse(name, file.getBytes());
    } catch (HolidayFileException e) {
      audit.record(
          new AuditEntry(
              me.username(),
              me.agencyName(),
              "calendar.import",
              "instance",
              Outcome.FAILURE,
              "file=" + name + " line=" + e.line()));
      throw e;
    } catch (IOException e) {
      throw new PalermoException(ErrorCode.MALFORMED_REQUEST, "The file cannot be read.");
    }
    PublicHolidays.Imported r = holidays.importAll(read, "api:" + name);
    audit.record(
        new AuditEntry(
            me.username(),
            me.agencyName(),
            "calendar.import",
            "instance",
            Outcome.SUCCESS,
            "file="
                + name
                + " read="
                + read.size()
                + " added="
                + r.added()
                + " updated="
                + r.updated()));
    return new ImportResponse(read.size(), r.added(), r.updated());
  }

  @DeleteMapping("/api/v1/admin/calendar/holidays/{date}")
  @Operation(summary = "Remove one public holiday (administrators)")
  org.springframework.http.ResponseEntity<Void> delete(@PathVariable("date") String date) {
    PalermoPrincipal me = admin("calendar.delete");
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
    audit.record(
        new AuditEntry(
            me.username(),
            me.agencyName(),
            "calendar.delete",
            "instance",
            Outcome.SUCCESS,
            "day=" + day));
    return org.springframework.http.ResponseEntity.noContent().build();
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

  private PalermoPrincipal admin(String action) {
    PalermoPrincipal me = CurrentUser.get();
    if (!me.hasRole(Role.ADMIN)) {
      audit.record(
          new AuditEntry(me.username(), me.agencyName(), action, "instance", Outcome.DENIED, ""));
      throw new PalermoException(ErrorCode.FORBIDDEN, "Administrators only.");
    }
    return me;
  }
}
