package org.palermo.app.access;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.palermo.app.platform.PalermoException;
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

  @PostMapping("/admin/calendar/holidays")
  String importFile(
      @RequestParam(name = "file", required = false) MultipartFile file,
      Locale locale,
      RedirectAttributes redirect) {
    PalermoPrincipal me = CurrentUser.get();
    administration.admin(me, "calendar.import");
    try {
      if (file == null || file.isEmpty()) {
        redirect.addFlashAttribute("calendarError", message("security.calendar.noFile", locale));
      } else if (file.getSize() > HolidayFiles.MAX_BYTES) {
        throw new HolidayFileException(0, "the file is larger than 1 MB.");
      } else {
        CalendarAdministration.Result r =
            administration.importFile(me, file.getOriginalFilename(), file.getBytes());
        redirect.addFlashAttribute(
            "calendarDone",
            messages.getMessage(
                "security.calendar.imported",
                new Object[] {r.read(), r.added(), r.updated()},
                locale));
      }
    } catch (HolidayFileException e) {
      redirect.addFlashAttribute(
          "calendarError",
          messages.getMessage("security.calendar.refused", new Object[] {e.getMessage()}, locale));
    } catch (IOException e) {
      redirect.addFlashAttribute("calendarError", message("security.calendar.noFile", locale));
    }
    return "redirect:/admin/calendar";
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
