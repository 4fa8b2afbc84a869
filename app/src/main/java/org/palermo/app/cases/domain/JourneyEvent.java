package org.palermo.app.cases.domain;

import java.time.LocalDate;

/**
 * One HTCDS historic trafficking event ({@code hte_}): recruitment, transit or exploitation, with
 * the place (city, ISO 3166-1 alpha-2 country) and date when known. Location field group.
 */
public record JourneyEvent(
    JourneyEventType type, String city, String country, LocalDate date, String description) {
  public JourneyEvent {
    if (type == null) {
      throw new IllegalArgumentException("type");
    }
  }
}
