package org.palermo.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.platform.calendar.WorkingCalendar;

/**
 * {@code palermo calendar import|list} against a real embedded database in a temporary data
 * directory: holidays imported from a CSV and an iCalendar file, listed by year, and a bad file
 * refused with its line before anything is stored.
 */
class CalendarCliIT {
  Path dir;

  @AfterEach
  void deleteDataDir() throws IOException {
    WorkingCalendar.install(WorkingCalendar.WEEKDAYS);
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void holidays_are_imported_from_csv_and_ics_and_listed_by_year() throws Exception {
    dir = Files.createTempDirectory("palermo-cli-");
    Path files = Files.createDirectories(dir.resolve("in"));
    Path csv =
        Files.writeString(
            files.resolve("italia.csv"),
            "date,name\n2026-12-25,Natale\n2026-12-26,Santo Stefano\n");
    Path ics =
        Files.writeString(
            files.resolve("capodanno.ics"),
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\n"
                + "SUMMARY:Capodanno\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    Path bad = Files.writeString(files.resolve("bad.csv"), "2027-01-06,Epifania\n06/01/2027,x\n");
    Path data = dir.resolve("data");

    // The commands up to the first list run in one started application (issue #12 §5); the last
    // list starts its own, so it reads what the imports stored, not what one process remembers.
    try (SharedCommandContext shared = SharedCommandContext.on(data)) {
      CliRun refused =
          CliRun.of("calendar", "import", "--file", bad.toString(), "--data-dir", data.toString());
      assertThat(refused.exitCode()).isEqualTo(2);
      assertThat(refused.err()).contains("bad.csv: line 2: ");

      CliRun imported =
          CliRun.of("calendar", "import", "--file", csv.toString(), "--data-dir", data.toString());
      assertThat(imported.exitCode()).as(imported.err()).isZero();
      assertThat(imported.out()).contains("Read 2 public holidays from italia.csv: 2 added");
      assertThat(
              CliRun.of(
                      "calendar", "import", "--file", ics.toString(), "--data-dir", data.toString())
                  .exitCode())
          .isZero();

      CliRun listed =
          CliRun.of("calendar", "list", "--year", "2026", "--data-dir", data.toString());
      assertThat(listed.exitCode()).as(listed.err()).isZero();
      assertThat(listed.out())
          .contains("Weekend: [SATURDAY, SUNDAY]")
          .contains("2026-12-25  FRIDAY  Natale")
          .contains("2026-12-26  SATURDAY  Santo Stefano")
          .doesNotContain("Capodanno")
          .doesNotContain("Epifania");
      // Each command closed its context when done; the shared one is still running.
      assertThat(shared.rows("SELECT count(*) FROM public_holiday")).containsExactly("3|");
    }
    assertThat(CliRun.of("calendar", "list", "--data-dir", data.toString()).out())
        .contains("2027-01-01  FRIDAY  Capodanno");
    assertThat(CliRun.of("calendar", "--help").out()).contains("import", "list");
  }
}
