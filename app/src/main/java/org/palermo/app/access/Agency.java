package org.palermo.app.access;

import java.util.UUID;

/**
 * An organisation taking part in the referral mechanism.
 *
 * @param type what the agency is
 * @param sitsIn the enforcement body the agency sits in, if any ({@link AgencyType#LAW_ENFORCEMENT}
 *     or {@link AgencyType#IMMIGRATION_ENFORCEMENT}); null for an independent one. A competent
 *     authority that is a unit of the police or of the immigration service is classified by that
 *     function for the firewall (issue 13 §2; SECURITY.md rule 3; UN A/HRC/26/37 on the firewall
 *     between services and enforcement).
 */
public record Agency(UUID id, String name, AgencyType type, String country, AgencyType sitsIn) {
  public Agency {
    if (sitsIn != null && !sitsIn.isEnforcement()) {
      throw new IllegalArgumentException("An agency sits in an enforcement body or in none.");
    }
  }

  /** An independent agency. */
  public Agency(UUID id, String name, AgencyType type, String country) {
    this(id, name, type, country, null);
  }

  /**
   * What the agency does for the firewall: the enforcement body it sits in, else its own type. An
   * enforcement agency stays what it is.
   */
  public AgencyType function() {
    return sitsIn == null || type.isEnforcement() ? type : sitsIn;
  }
}
