package org.palermo.app.cases.domain;

/** HTCDS 2.0 {@code prs_Gender} (the IOM gender set), spelled as in the standard. */
public enum Gender {
  Feminine,
  Masculine,
  TransgenderFeminine,
  TransgenderMasculine,
  NonConforming,
  NonSpecifiedUnknown
}
