package org.palermo.app.cases.domain;

/**
 * HTCDS 2.0 {@code vic_TraffickingStatus}, spelled as in the standard: "possible" means indicators
 * are present but not verified, "actual" a positive determination, "not a victim" a negative one.
 */
public enum TraffickingStatus {
  PossibleVictimOfTrafficking,
  ActualVictimOfTrafficking,
  NotAVictimOfTrafficking
}
