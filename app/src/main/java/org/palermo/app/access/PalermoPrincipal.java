package org.palermo.app.access;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;
import java.util.UUID;

/** The signed-in user as every module sees it: who, in which agency, with which roles. */
public record PalermoPrincipal(
    UUID userId,
    String username,
    String displayName,
    UUID agencyId,
    String agencyName,
    AgencyType agencyType,
    Set<Role> roles)
    implements Principal, Serializable {

  public PalermoPrincipal {
    roles = Set.copyOf(roles);
  }

  @Override
  public String getName() {
    return username;
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }
}
