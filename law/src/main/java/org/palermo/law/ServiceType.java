package org.palermo.law;

/** Kinds of service a person can be referred to; derived from protection needs. */
public enum ServiceType {
  CHILD_PROTECTION,
  GUARDIANSHIP,
  ASYLUM_PROCEDURE,
  SHELTER,
  MEDICAL,
  PSYCHOSOCIAL,
  LEGAL_AID,
  INTERPRETATION
}
