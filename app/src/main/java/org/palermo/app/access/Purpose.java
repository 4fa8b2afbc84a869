package org.palermo.app.access;

/**
 * Why data is being read or written (SECURITY.md rule 1, GDPR Art. 5(1)(b) purpose limitation). The
 * purpose narrows what a role may see: the same user sees less for {@link #STATISTICS} than for
 * {@link #ASSISTANCE}, and only the data-protection officer reads for {@link #OVERSIGHT}.
 */
public enum Purpose {
  /** Assisting and protecting the person: the default purpose of case work. */
  ASSISTANCE,
  /** Formal identification of a victim by a competent authority. */
  IDENTIFICATION,
  /** Criminal justice, only through a disclosure the person consented to. */
  CRIMINAL_JUSTICE,
  /** Aggregate statistics: only the statistics-only group is ever visible. */
  STATISTICS,
  /** Data-protection oversight: access requests, erasure, audit review (GDPR Art. 15, 17, 39). */
  OVERSIGHT
}
