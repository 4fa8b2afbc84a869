package org.palermo.law.protection;

import java.util.EnumSet;
import java.util.Set;
import org.palermo.law.ProtectionNeed;
import org.palermo.law.ServiceType;
import org.palermo.law.indicator.Indicator;
import org.palermo.law.indicator.IndicatorCatalogue;

/**
 * Derives protection needs from {@link Circumstances}: child protection for any child (under 18) or
 * any unaccompanied or separated child, guardianship for the latter, international protection when
 * sought, and medical, psychosocial, safe-accommodation, legal-aid and language needs from the
 * indicators' catalogue entries. Needs never depend on a legal finding.
 */
public final class ProtectionNeeds {
  private final IndicatorCatalogue catalogue;

  public ProtectionNeeds(IndicatorCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** The needs these circumstances call for. */
  public Set<ProtectionNeed> derive(Circumstances circumstances) {
    Set<ProtectionNeed> needs = EnumSet.noneOf(ProtectionNeed.class);
    boolean unaccompanied = Boolean.TRUE.equals(circumstances.unaccompaniedChild());
    boolean separated = Boolean.TRUE.equals(circumstances.separatedChild());
    Integer age = circumstances.age();
    if ((age != null && age < 18) || unaccompanied || separated) {
      needs.add(ProtectionNeed.CHILD_PROTECTION);
    }
    if (unaccompanied || separated) {
      needs.add(ProtectionNeed.GUARDIANSHIP);
    }
    if (Boolean.TRUE.equals(circumstances.seekingInternationalProtection())) {
      needs.add(ProtectionNeed.INTERNATIONAL_PROTECTION);
    }
    for (String code : circumstances.indicators()) {
      catalogue.indicator(code).map(Indicator::needs).ifPresent(needs::addAll);
    }
    return needs;
  }

  /** The service types that meet {@code needs}. */
  public static Set<ServiceType> referralsFor(Set<ProtectionNeed> needs) {
    Set<ServiceType> services = EnumSet.noneOf(ServiceType.class);
    for (ProtectionNeed need : needs) {
      services.addAll(need.services());
    }
    return services;
  }
}
