package org.palermo.law;

/** A legal finding: indicated, not indicated, or undetermined because facts are unknown. */
public enum Finding {
  INDICATED,
  NOT_INDICATED,
  UNDETERMINED
}
