package org.palermo.app.cases.domain;

/** HTCDS 2.0 {@code vic_MethodsOfControl} (multi-select), spelled as in the standard. */
public enum ControlMethod {
  PhysicalThreats,
  ThreatsLawEnforcement,
  ThreatensChildrenFamily,
  DebtBondage,
  FalsePromises,
  PhysicalAbuse,
  SexualAbuse,
  TakesEarnings,
  RestrictsFinancialAccess,
  RestrictsMedicalCare,
  WithholdsNecessities,
  PsychologicalAbuse,
  PsychoactiveSubstance,
  ExcessiveWorkingHours,
  WithholdsDocuments,
  Other
}
