package org.palermo.app.access;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.palermo.app.platform.FormErrors;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.calendar.CalendarRefusal;
import org.palermo.app.platform.calendar.HolidayFileException;
import org.palermo.app.platform.calendar.HolidayFiles;
import org.palermo.app.platform.calendar.PublicHolidays;
import org.palermo.app.platform.calendar.WorkingCalendar;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's page {@code /admin/calendar}: the instance's time zone, weekend and public
 * holidays of a year, an upload form that imports an iCalendar or CSV file, and a button per
 * holiday that removes it. Works without JavaScript; the same use cases as {@link CalendarApi}.
 */
@Controller
class CalendarPages {
  private final CalendarAdministration administration;
  private final PublicHolidays holidays;
  private final Clock clock;
  private final MessageSource messages;

  CalendarPages(
      CalendarAdministration administration,
      PublicHolidays holidays,
      Clock clock,
      MessageSource messages) {
    this.administration = administration;
    this.holidays = holidays;
    this.clock = clock;
    this.messages = messages;
  }

  /** One row of the page: the date, its day of the week in the reader's language, the name. */
  record Row(LocalDate date, String day, String name) {}

  @GetMapping("/admin/calendar")
  String page(
      @RequestParam(name = "year", required = false) String year, Locale locale, Model model) {
    int y = WorkingCalendar.today(clock).getYear();
    if (year != null && year.strip().matches("\\d{4}")) {
      y = Integer.parseInt(year.strip());
    }
    List<Row> rows =
        administration.list(CurrentUser.get(), y).stream()
            .map(
                h ->
                    new Row(
                        h.date(),
                        h.date().getDayOfWeek().getDisplayName(TextStyle.FULL, locale),
                        h.name()))
            .toList();
    model.addAttribute("year", y);
    model.addAttribute("rows", rows);
    model.addAttribute("zone", clock.getZone().getId());
    model.addAttribute(
        "weekend",
        holidays.calendar().weekend().stream()
            .map(d -> d.getDisplayName(TextStyle.FULL, locale))
            .toList());
    return "security/calendar";
  }

  /**
   * Imports a holiday file. A refused file shows the page again with status 422, the error summary
   * and the reason at the file field, translated and naming the line and column at fault ({@link
   * CalendarRefusal}, through {@link FormErrors}); a browser never keeps a chosen file, so the file
   * must be chosen again.
   */
  @PostMapping("/admin/calendar/holidays")
  String importFile(
      @RequestParam(name = "file", required = false) MultipartFile file,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    PalermoPrincipal me = CurrentUser.get();
    administration.admin(me, "calendar.import");
    return FormErrors.submit(
        "import",
        null,
        Map.of(),
        model,
        () -> {
          CalendarAdministration.Result r =
              administration.importFile(me, file.getOriginalFilename(), content(file));
          redirect.addFlashAttribute(
              "calendarDone",
              messages.getMessage(
                  "security.calendar.imported",
                  new Object[] {r.read(), r.added(), r.updated()},
                  locale));
          return "redirect:/admin/calendar";
        },
        () -> page(null, locale, model));
  }

  /** The bytes of the chosen file, refused when none was chosen or it is too large. */
  private static byte[] content(MultipartFile file) {
    if (file == null || file.isEmpty()) {
      throw new HolidayFileException(CalendarRefusal.NO_FILE, "no file was chosen.");
    }
    if (file.getSize() > HolidayFiles.MAX_BYTES) {
      throw new HolidayFileException(
          CalendarRefusal.FILE_TOO_LARGE, "the file is larger than 1 MB.");
    }
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new HolidayFileException(CalendarRefusal.NO_FILE, "the file could not be read.");
    }
  }

  @PostMapping("/admin/calendar/holidays/{date}/delete")
  String delete(@PathVariable("date") String date, Locale locale, RedirectAttributes redirect) {
    try {
      administration.delete(CurrentUser.get(), date);
      redirect.addFlashAttribute("calendarDone", message("security.calendar.removed", locale));
    } catch (PalermoException e) {
      if (e.code() == org.palermo.app.platform.ErrorCode.FORBIDDEN) {
        throw e;
      }
      redirect.addFlashAttribute("calendarError", message("security.calendar.notFound", locale));
    }
    return "redirect:/admin/calendar";
  }

  private String message(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }
}
