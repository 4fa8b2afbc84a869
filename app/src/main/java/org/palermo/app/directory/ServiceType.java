package org.palermo.app.directory;

/** The kinds of service a referral can lead to. */
public enum ServiceType {
  SHELTER,
  MEDICAL,
  PSYCHOSOCIAL,
  LEGAL_AID,
  INTERPRETATION,
  CHILD_PROTECTION,
  ASYLUM_PROCEDURE,
  ASSISTED_VOLUNTARY_RETURN_AND_REINTEGRATION,
  LIVELIHOOD,
  HOTLINE
}
