package org.palermo.app.platform.calendar;

import java.time.LocalDate;

/** A public holiday of the instance: a date on which no working-day deadline runs. */
public record Holiday(LocalDate date, String name) {
  /** Longest name kept. */
  public static final int MAX_NAME = 200;

  public Holiday {
    if (date == null) {
      throw new IllegalArgumentException("a holiday needs a date");
    }
    name = name == null ? "" : name.strip();
    if (name.length() > MAX_NAME) {
      name = name.substring(0, MAX_NAME);
    }
  }
}
