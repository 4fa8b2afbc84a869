package org.palermo.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.calendar.Holiday;
import org.palermo.app.platform.calendar.HolidayFileException;
import org.palermo.app.platform.calendar.HolidayFiles;
import org.palermo.app.platform.calendar.PublicHolidays;
import org.palermo.app.platform.calendar.WorkingCalendar;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The instance's working-day calendar: its public holidays (issue 13 §2). */
@Command(
    name = "calendar",
    mixinStandardHelpOptions = true,
    description = {
      "The working-day calendar that identification and referral deadlines count on: the weekend"
          + " (palermo.calendar.weekend, default SATURDAY,SUNDAY), the public holidays stored in"
          + " the database, and the instance's time zone (palermo.time-zone, default the JVM's)."
    },
    subcommands = {CalendarCommand.Import.class, CalendarCommand.ListHolidays.class})
final class CalendarCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static String operator() {
    return "cli:" + System.getProperty("user.name", "operator");
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Import public holidays from an iCalendar file (.ics: all-day VEVENTs, DTSTART;VALUE=DATE,"
            + " SUMMARY as the name; recurring events are refused) or a CSV file (.csv: date,name"
            + " with ISO dates, an optional header).",
        "A date already held takes the new name; importing the same file again changes nothing."
            + " A fault anywhere stores nothing and names the line."
      })
  static final class Import implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Option(
        names = "--file",
        required = true,
        paramLabel = "FILE",
        description = "The .ics or .csv file.")
    Path file;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      byte[] content;
      try {
        if (Files.size(file) > HolidayFiles.MAX_BYTES) {
          throw new PalermoException(
              ErrorCode.VALIDATION_FAILED, file + ": the file is larger than 1 MB.");
        }
        content = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new PalermoException(ErrorCode.VALIDATION_FAILED, "Cannot read " + file + ".");
      }
      String name = file.getFileName().toString();
      List<Holiday> holidays;
      try {
        holidays = HolidayFiles.parse(name, content);
      } catch (HolidayFileException e) {
        throw new PalermoException(ErrorCode.VALIDATION_FAILED, name + ": " + e.getMessage());
      }
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        PublicHolidays.Imported r =
            context.getBean(PublicHolidays.class).importAll(holidays, "cli:" + name);
        context
            .getBean(AuditLog.class)
            .record(
                new AuditEntry(
                    operator(),
                    null,
                    "calendar.import",
                    "instance",
                    AuditEntry.Outcome.SUCCESS,
                    "file="
                        + name
                        + " read="
                        + holidays.size()
                        + " added="
                        + r.added()
                        + " updated="
                        + r.updated()));
        spec.commandLine()
            .getOut()
            .printf(
                "Read %d public holidays from %s: %d added, %d renamed.%n",
                holidays.size(), name, r.added(), r.updated());
        return 0;
      }
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "List the public holidays (of one year with --year), the weekend and time zone.")
  static final class ListHolidays implements Callable<Integer> {
    @Mixin DataOptions data = new DataOptions();

    @Option(names = "--year", paramLabel = "YEAR", description = "Only this year's holidays.")
    Integer year;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      if (year != null && (year < 1900 || year > 2200)) {
        throw new PalermoException(
            ErrorCode.VALIDATION_FAILED, "--year must be between 1900 and 2200.");
      }
      try (ConfigurableApplicationContext context = Launch.start(data, false, Map.of())) {
        PublicHolidays store = context.getBean(PublicHolidays.class);
        WorkingCalendar calendar = store.calendar();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(
            "Time zone: %s. Weekend: %s.%n",
            context.getBean(Clock.class).getZone().getId(), calendar.weekend());
        List<Holiday> list = store.list(year);
        if (list.isEmpty()) {
          out.println("No public holidays" + (year == null ? "." : " in " + year + "."));
        }
        for (Holiday h : list) {
          out.printf("%s  %s  %s%n", h.date(), h.date().getDayOfWeek(), h.name());
        }
        return 0;
      }
    }
  }
}
