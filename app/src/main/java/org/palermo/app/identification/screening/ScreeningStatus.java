package org.palermo.app.identification.screening;

/** A screening is a draft until it is completed with an assessment; then it is read-only. */
public enum ScreeningStatus {
  DRAFT,
  COMPLETED
}
