package org.palermo.app.cases.care;

/**
 * The four levels of the IOM determinants-of-migrant-vulnerability model (IOM Handbook on
 * Protection and Assistance for Migrants Vulnerable to Violence, Exploitation and Abuse, 2019, ch.
 * 1), which the HTCDS 2.0 "Assessment and Planning" sections follow for the first three.
 */
public enum AssessmentLevel {
  INDIVIDUAL,
  HOUSEHOLD,
  COMMUNITY,
  STRUCTURAL
}
