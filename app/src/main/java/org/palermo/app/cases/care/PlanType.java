package org.palermo.app.cases.care;

/** HTCDS 2.0 {@code spl_Type}: what a support-plan objective is about. */
public enum PlanType {
  Education,
  Financial,
  Health,
  LabourExploitationRehabilitation,
  Legal,
  Livelihood,
  RightsBasedTraining,
  SexualExploitationRehabilitation,
  SocialCare
}
