package org.palermo.law;

/**
 * The means of Trafficking Protocol art. 3(a): how the consent or control of the person was got.
 */
public enum Means {
  THREAT_OR_USE_OF_FORCE,
  OTHER_COERCION,
  ABDUCTION,
  FRAUD,
  DECEPTION,
  ABUSE_OF_POWER,
  ABUSE_OF_VULNERABILITY,
  PAYMENTS_TO_PERSON_IN_CONTROL
}
