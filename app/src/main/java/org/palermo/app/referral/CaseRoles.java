package org.palermo.app.referral;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Role;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;

/**
 * The roles that work on cases and so may see and answer referrals (the access policy's case
 * readers). Administrators, statisticians, coordinators and investigators see no referral.
 */
final class CaseRoles {
  private CaseRoles() {}

  static final Set<Role> ROLES =
      EnumSet.of(
          Role.CASEWORKER,
          Role.CASE_SUPERVISOR,
          Role.CHILD_PROTECTION_OFFICER,
          Role.FRONTLINE_OFFICER,
          Role.COMPETENT_AUTHORITY_OFFICER);

  static boolean has(PalermoPrincipal who) {
    return who.roles().stream().anyMatch(ROLES::contains) && !who.function().isEnforcement();
  }

  static void require(PalermoPrincipal who) {
    if (!has(who)) {
      throw new PalermoException(
          ErrorCode.FORBIDDEN, "Your role does not work with referrals.", Map.of());
    }
  }
}
