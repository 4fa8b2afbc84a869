package org.palermo.app.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading public holidays from iCalendar and CSV files: good ones, and each fault by its line. */
class HolidayFilesTest {

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static HolidayFileException refused(String fileName, String content) {
    return (HolidayFileException)
        org.assertj.core.api.Assertions.catchThrowable(
            () -> HolidayFiles.parse(fileName, bytes(content)));
  }

  static final String ICS =
      """
      BEGIN:VCALENDAR\r
      VERSION:2.0\r
      PRODID:-//Example//Holidays//EN\r
      BEGIN:VEVENT\r
      UID:1@example\r
      DTSTART;VALUE=DATE:20261225\r
      DTEND;VALUE=DATE:20261227\r
      SUMMARY:Natale e Santo\r
       Stefano\r
      BEGIN:VALARM\r
      TRIGGER:-PT15M\r
      DTSTART:20261224T090000Z\r
      END:VALARM\r
      END:VEVENT\r
      BEGIN:VEVENT\r
      DTSTART:20270101\r
      SUMMARY:Capodanno\\, new year\r
      END:VEVENT\r
      END:VCALENDAR\r
      """;

  @Test
  void an_ics_file_gives_its_all_day_events_one_holiday_per_day() {
    List<Holiday> h = HolidayFiles.parse("italia.ics", bytes(ICS));
    assertThat(h)
        .containsExactly(
            new Holiday(LocalDate.of(2026, 12, 25), "Natale e SantoStefano"),
            new Holiday(LocalDate.of(2026, 12, 26), "Natale e SantoStefano"),
            new Holiday(LocalDate.of(2027, 1, 1), "Capodanno, new year"));
    // Without a name, the content says which format it is.
    assertThat(HolidayFiles.parse(null, bytes(ICS))).hasSize(3);
  }

  @Test
  void a_csv_file_with_or_without_a_header() {
    String csv =
        "date,name\n2026-12-25,Christmas Day\n\n2026-12-26,\"Boxing Day, \"\"St Stephen\"\"\"\n";
    assertThat(HolidayFiles.parse("uk.csv", bytes(csv)))
        .containsExactly(
            new Holiday(LocalDate.of(2026, 12, 25), "Christmas Day"),
            new Holiday(LocalDate.of(2026, 12, 26), "Boxing Day, \"St Stephen\""));
    assertThat(HolidayFiles.parse(null, bytes("2027-01-01,New Year\r\n")))
        .containsExactly(new Holiday(LocalDate.of(2027, 1, 1), "New Year"));
  }

  @Test
  void a_malformed_csv_date_is_refused_naming_the_line() {
    HolidayFileException e = refused("h.csv", "date,name\n2026-12-25,Christmas\n2026-13-01,Bad\n");
    assertThat(e.line()).isEqualTo(3);
    // A reason code with the line and column, which the page translates (issue #12).
    assertThat(e.reason()).isEqualTo(CalendarRefusal.DATE_INVALID);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.properties())
        .containsEntry("reason", "DATE_INVALID")
        .containsEntry("line", 3)
        .containsEntry("column", 1);
    assertThat(e).hasMessageStartingWith("line 3: ").hasMessageContaining("2026-13-01");
    assertThat(refused("h.csv", "25/12/2026,Christmas").line()).isEqualTo(1);
    assertThat(refused("h.csv", "2026-12-25").getMessage()).contains("date,name");
    assertThat(refused("h.csv", "2026-12-25,").getMessage()).contains("no name");
  }

  @Test
  void a_malformed_ics_date_or_a_timed_or_recurring_event_is_refused_naming_the_line() {
    String timed = ICS.replace("DTSTART:20270101", "DTSTART:20270101T090000Z");
    assertThat(refused("h.ics", timed)).hasMessageStartingWith("line 16: ");
    String bad = ICS.replace("DTSTART:20270101", "DTSTART:20270230");
    assertThat(refused("h.ics", bad).line()).isEqualTo(16);
    String recurring = ICS.replace("DTSTART:20270101", "DTSTART:20270101\r\nRRULE:FREQ=YEARLY");
    assertThat(refused("h.ics", recurring))
        .hasMessageContaining("RRULE")
        .hasMessageStartingWith("line 17: ");
    assertThat(refused("h.ics", ICS.replace("END:VCALENDAR", "")))
        .hasMessageContaining("END:VCALENDAR");
    assertThat(refused("h.ics", "2026-12-25,Christmas")).hasMessageContaining("BEGIN:VCALENDAR");
  }

  @Test
  void an_empty_file_or_one_without_holidays_is_refused() {
    assertThat(refused("h.csv", "")).hasMessage("the file is empty.");
    assertThat(refused("h.csv", "date,name\n\n")).hasMessage("the file holds no holidays.");
    assertThat(refused("h.ics", "BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n"))
        .hasMessage("the file holds no holidays.");
  }

  @Test
  void a_date_listed_twice_is_refused_naming_both_lines() {
    HolidayFileException e = refused("h.csv", "2026-12-25,Christmas\n2026-12-25,Noel\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e).hasMessageContaining("first on line 1");
    String twice = ICS.replace("DTSTART:20270101", "DTSTART:20261226");
    assertThat(refused("h.ics", twice)).hasMessageContaining("listed twice");
  }

  @Test
  void a_file_that_is_neither_ics_nor_csv_is_refused() {
    assertThat(refused("holidays.pdf", "%PDF-1.7")).hasMessageContaining(".pdf");
    assertThatThrownBy(
            () -> HolidayFiles.parse("h.csv", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0x41}))
        .isInstanceOf(HolidayFileException.class)
        .hasMessageContaining("not a");
    assertThat(refused(null, "<html><body>holidays</body></html>").line()).isEqualTo(1);
  }
}
