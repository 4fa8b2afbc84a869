package org.palermo.law;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Protection and assistance needs, derived from the person's circumstances and indicators and never
 * from a legal finding; each names the services it calls for.
 */
public enum ProtectionNeed {
  CHILD_PROTECTION(ServiceType.CHILD_PROTECTION),
  GUARDIANSHIP(ServiceType.GUARDIANSHIP),
  INTERNATIONAL_PROTECTION(ServiceType.ASYLUM_PROCEDURE, ServiceType.LEGAL_AID),
  MEDICAL(ServiceType.MEDICAL),
  PSYCHOSOCIAL(ServiceType.PSYCHOSOCIAL),
  SAFE_ACCOMMODATION(ServiceType.SHELTER),
  LEGAL_AID(ServiceType.LEGAL_AID),
  LANGUAGE_SUPPORT(ServiceType.INTERPRETATION);

  private final Set<ServiceType> services;

  ProtectionNeed(ServiceType first, ServiceType... rest) {
    this.services = Collections.unmodifiableSet(EnumSet.of(first, rest));
  }

  /** The service types that meet this need. */
  public Set<ServiceType> services() {
    return services;
  }
}
