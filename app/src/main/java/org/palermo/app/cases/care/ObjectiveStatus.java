package org.palermo.app.cases.care;

/** Where a support-plan objective stands; achieved and not achieved close it. */
public enum ObjectiveStatus {
  OPEN,
  ACHIEVED,
  NOT_ACHIEVED
}
