package org.palermo.app.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Role;

/**
 * Red-team re-test of issue 11: the agency's function decides the disclosure level before the role.
 * A user of an enforcement agency, or of a competent authority that sits in the police or in
 * immigration, sees suppressed figures and no victim-level export, whatever role it holds
 * (SECURITY.md rule 3; issue 13 §2).
 */
class StatisticsAccessTest {
  static PalermoPrincipal user(AgencyType type, AgencyType function, Role... roles) {
    return new PalermoPrincipal(
        UUID.randomUUID(), "u", "U", UUID.randomUUID(), "A", type, Set.of(roles), function);
  }

  @Test
  void enforcement_sees_suppressed_figures_whatever_the_role() {
    for (Role role : new Role[] {Role.STATISTICIAN, Role.NATIONAL_COORDINATOR}) {
      for (PalermoPrincipal who :
          new PalermoPrincipal[] {
            user(AgencyType.IMMIGRATION_ENFORCEMENT, null, role),
            user(AgencyType.LAW_ENFORCEMENT, null, role),
            user(AgencyType.COMPETENT_AUTHORITY, AgencyType.IMMIGRATION_ENFORCEMENT, role),
          }) {
        assertThat(StatisticsAccess.level(who)).isEqualTo(StatisticsAccess.Level.SUPPRESSED);
        assertThat(StatisticsAccess.statistician(who)).isFalse();
      }
    }
  }

  @Test
  void a_statistician_elsewhere_still_sees_exact_figures() {
    PalermoPrincipal who = user(AgencyType.STATISTICS_OFFICE, null, Role.STATISTICIAN);
    assertThat(StatisticsAccess.level(who)).isEqualTo(StatisticsAccess.Level.EXACT);
    assertThat(StatisticsAccess.statistician(who)).isTrue();
  }
}
