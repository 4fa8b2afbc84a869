package org.palermo.app.identification.application;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Role;

/**
 * Who may do what with screenings and formal identification. A screening belongs to the agency
 * whose user started it: that agency's case-working roles run, read and refer it. Once referred,
 * competent-authority officers of the authority it was referred to read it and decide; nobody else
 * sees it.
 */
public final class IdentificationAccess {
  /** Roles that screen people and refer them for identification. */
  public static final Set<Role> SCREENING_ROLES =
      EnumSet.of(
          Role.FRONTLINE_OFFICER,
          Role.CASEWORKER,
          Role.CASE_SUPERVISOR,
          Role.CHILD_PROTECTION_OFFICER,
          Role.COMPETENT_AUTHORITY_OFFICER);

  private IdentificationAccess() {}

  /** Whether the user screens people at all. */
  public static boolean screens(PalermoPrincipal who) {
    return who.roles().stream().anyMatch(SCREENING_ROLES::contains);
  }

  /** Whether the user works on the screenings of {@code ownerAgencyId}. */
  public static boolean owns(PalermoPrincipal who, UUID ownerAgencyId) {
    return screens(who) && who.agencyId().equals(ownerAgencyId);
  }

  /**
   * Whether the user is a competent-authority officer of a competent authority whose function is
   * identification. A competent authority that sits in the police or in immigration is classified
   * by that function and falls under the firewall like any enforcement agency (issue 13 §2;
   * SECURITY.md rule 3; {@link PalermoPrincipal#function()}, the notion the access policy reads).
   */
  public static boolean authorityOfficer(PalermoPrincipal who) {
    return who.hasRole(Role.COMPETENT_AUTHORITY_OFFICER)
        && who.function() == AgencyType.COMPETENT_AUTHORITY;
  }

  /** Whether the user may decide for the authority {@code authorityAgencyId}. */
  public static boolean decides(PalermoPrincipal who, UUID authorityAgencyId) {
    return authorityOfficer(who)
        && authorityAgencyId != null
        && who.agencyId().equals(authorityAgencyId);
  }

  /**
   * Whether the user may read a screening of {@code ownerAgencyId}, referred to {@code
   * authorityAgencyId} (null when not referred).
   */
  public static boolean reads(PalermoPrincipal who, UUID ownerAgencyId, UUID authorityAgencyId) {
    return owns(who, ownerAgencyId) || decides(who, authorityAgencyId);
  }
}
