package org.palermo.app.identification.procedure;

/**
 * HTCDS 2.0 {@code vic_TraffickingStatusDecisionMakingOrg}: which kind of organisation made the
 * call, spelled as in the standard.
 */
public enum DecisionMakingOrg {
  Police,
  NGO,
  CourtOrProsecution,
  NonPoliceGovernmentalOrganization,
  Other
}
