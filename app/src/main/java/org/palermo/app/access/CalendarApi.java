package org.palermo.app.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.calendar.CalendarRefusal;
import org.palermo.app.platform.calendar.HolidayFileException;
import org.palermo.app.platform.calendar.HolidayFiles;
import org.palermo.app.platform.calendar.PublicHolidays;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * the next computation. Administrators only; audited ({@link CalendarAdministration}).
 */
@RestController
@Tag(name = "Administration")
@SecurityRequirement(name = "token")
class CalendarApi {
  private final CalendarAdministration administration;
  private final PublicHolidays holidays;
  private final Clock clock;

  CalendarApi(CalendarAdministration administration, PublicHolidays holidays, Clock clock) {
    this.administration = administration;
    this.holidays = holidays;
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
    List<HolidayResponse> list =
        administration.list(CurrentUser.get(), year).stream()
            .map(h -> new HolidayResponse(h.date(), h.name()))
            .toList();
    return new CalendarResponse(
        clock.getZone().getId(), List.copyOf(holidays.calendar().weekend()), list);
  }

  @PostMapping(
      path = "/api/v1/admin/calendar/holidays",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Import public holidays from an iCalendar (.ics) or CSV (date,name) file (administrators)")
  ImportResponse importFile(@RequestParam(name = "file", required = false) MultipartFile file) {
    PalermoPrincipal me = CurrentUser.get();
    if (file == null) {
      administration.admin(me, "calendar.import"); // a non-administrator gets 403 first
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "Upload the iCalendar or CSV file as the multipart part 'file'.",
          Map.of("field", "file"));
    }
    byte[] content;
    try {
      content = file.getSize() > HolidayFiles.MAX_BYTES ? null : file.getBytes();
    } catch (IOException e) {
      throw new PalermoException(ErrorCode.MALFORMED_REQUEST, "The file cannot be read.");
    }
    if (content == null) {
      throw new HolidayFileException(
          CalendarRefusal.FILE_TOO_LARGE, "the file is larger than 1 MB.");
    }
    CalendarAdministration.Result r =
        administration.importFile(me, file.getOriginalFilename(), content);
    return new ImportResponse(r.read(), r.added(), r.updated());
  }

  @DeleteMapping("/api/v1/admin/calendar/holidays/{date}")
  @Operation(summary = "Remove one public holiday (administrators)")
  ResponseEntity<Void> delete(@PathVariable("date") String date) {
    administration.delete(CurrentUser.get(), date);
    return ResponseEntity.noContent().build();
  }
}
