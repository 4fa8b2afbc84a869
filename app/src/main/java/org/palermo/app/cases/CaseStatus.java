package org.palermo.app.cases;

/** Where a case stands in its lifecycle; a closed case can be reopened. */
public enum CaseStatus {
  IDENTIFIED,
  OPEN,
  ASSESSMENT,
  SUPPORT_PLAN,
  SERVICES,
  CLOSED
}
