package org.palermo.app.access;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in user as every module sees it: who, in which agency, with which roles.
 *
 * @param agencyType what the agency is (a competent authority, a service provider, ...)
 * @param function what the agency does for the assistance–enforcement firewall: its type, except
 *     for a competent authority that sits in the police or in immigration, whose function is that
 *     enforcement type ({@link Agency#function()}; issue 13 §2). Every firewall decision reads
 *     this.
 */
public record PalermoPrincipal(
    UUID userId,
    String username,
    String displayName,
    UUID agencyId,
    String agencyName,
    AgencyType agencyType,
    Set<Role> roles,
    AgencyType function)
    implements Principal, Serializable, org.palermo.app.platform.UserIdentity {

  public PalermoPrincipal {
    roles = Set.copyOf(roles);
    if (function == null) {
      function = agencyType;
    }
  }

  /** A user of an agency whose function is its type. */
  public PalermoPrincipal(
      UUID userId,
      String username,
      String displayName,
      UUID agencyId,
      String agencyName,
      AgencyType agencyType,
      Set<Role> roles) {
    this(userId, username, displayName, agencyId, agencyName, agencyType, roles, agencyType);
  }

  @Override
  public String getName() {
    return username;
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }
}
