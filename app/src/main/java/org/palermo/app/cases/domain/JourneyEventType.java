package org.palermo.app.cases.domain;

/** HTCDS 2.0 {@code hte_Type}: the kind of a historic trafficking event. */
public enum JourneyEventType {
  RECRUITMENT,
  TRANSIT,
  EXPLOITATION
}
