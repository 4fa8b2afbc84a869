package org.palermo.app.federation.protocol;

/**
 * The part an instance plays in the (national) referral mechanism, as its partner card states it
 * (OSCE/ODIHR National Referral Mechanisms handbook, 2nd ed. 2022, ch. 2: the national coordinator,
 * the competent authorities that identify, the service providers that assist; a regional body may
 * anchor a federation list).
 */
public enum MechanismRole {
  NATIONAL_COORDINATOR,
  COMPETENT_AUTHORITY,
  SERVICE_PROVIDER,
  REGIONAL_BODY
}
