package org.palermo.app.cases.protection;

/**
 * What a best-interests determination decides (CRC GC 6 §§ 79–94: local integration, return and
 * family reunification, or resettlement; interim care and services while a durable solution is
 * sought).
 */
public enum BestInterestsOutcome {
  /** Care and services here (including referral) while a durable solution is sought. */
  INTERIM_CARE_AND_SERVICES,
  LOCAL_INTEGRATION,
  /** Return to the country of origin with family reunification (GC 6 §§ 84–88). */
  RETURN_AND_FAMILY_REUNIFICATION,
  RESETTLEMENT
}
