package org.palermo.app.cases.domain;

/**
 * Sex recorded beside gender. HTCDS 2.0 has only {@code prs_Gender}; sex is kept apart because the
 * UNODC Global Report and SDG 16.2.2 disaggregate victims by sex (DOMAIN.md §3).
 */
public enum Sex {
  FEMALE,
  MALE,
  INTERSEX,
  UNKNOWN
}
