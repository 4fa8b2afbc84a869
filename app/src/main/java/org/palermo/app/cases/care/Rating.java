package org.palermo.app.cases.care;

/** How one factor weighs for the person: a risk factor, a protective factor, or not assessed. */
public enum Rating {
  RISK,
  PROTECTIVE,
  NOT_ASSESSED
}
