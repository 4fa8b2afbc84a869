package org.palermo.app.cases.care;

/**
 * The service types of {@code directory.ServiceType}, by name. The {@code cases} module may not
 * depend on {@code directory} (its {@code allowedDependencies}), so the names are mirrored here;
 * {@code CareServiceTypeTest} fails as soon as the two lists differ.
 */
public enum CareServiceType {
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
