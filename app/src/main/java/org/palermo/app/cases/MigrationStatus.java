package org.palermo.app.cases;

/**
 * A person's migration situation, from the HTCDS Guidance 7 vocabulary (DOMAIN.md §2: migrant types
 * and the "other" categories). International protection is kept apart in {@link ProtectionStatus}.
 */
public enum MigrationStatus {
  FAMILY,
  VISITOR_OR_TOURIST,
  LABOUR,
  STUDENT,
  IRREGULAR,
  ENVIRONMENTAL_MIGRANT,
  VULNERABLE_MIGRANT,
  STRANDED_MIGRANT,
  FORCED_MIGRANT,
  DEPORTEE,
  EX_COMBATANT,
  INTERNALLY_DISPLACED,
  SEPARATED_OR_UNACCOMPANIED_CHILD,
  RETURNEE,
  NOT_A_MIGRANT
}
