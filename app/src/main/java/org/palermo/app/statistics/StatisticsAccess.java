package org.palermo.app.statistics;

import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Role;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;

/**
 * Who sees which statistics. National coordinators and statisticians see exact figures; users of
 * enforcement agencies see aggregate statistics only, with every count from 1 to 9 suppressed
 * (SECURITY.md, the assistance–enforcement firewall; DOMAIN.md §9: small-cell suppression below
 * 10); everybody else sees none. Releases and the HTCDS export are for statisticians.
 */
final class StatisticsAccess {
  private StatisticsAccess() {}

  /** What a user may see of the dashboard. */
  enum Level {
    EXACT,
    SUPPRESSED,
    NONE
  }

  static Level level(PalermoPrincipal who) {
    if (who == null) {
      return Level.NONE;
    }
    // The agency's function decides first: an enforcement agency (by type or because it sits in
    // the police or immigration) sees suppressed figures whatever role its user holds (SECURITY.md
    // rule 3, the assistance–enforcement firewall; issue 13 §2; DOMAIN.md §9).
    if (who.function() != null && who.function().isEnforcement()) {
      return Level.SUPPRESSED;
    }
    if (who.hasRole(Role.NATIONAL_COORDINATOR) || who.hasRole(Role.STATISTICIAN)) {
      return Level.EXACT;
    }
    return Level.NONE;
  }

  /** Whether {@code who} sees the dashboard at all: its guard and its menu entry's. */
  static boolean seesDashboard(PalermoPrincipal who) {
    return level(who) != Level.NONE;
  }

  /** The level, or a 403 problem for a user who may see no statistics. */
  static Level requireDashboard(PalermoPrincipal who) {
    Level level = level(who);
    if (!seesDashboard(who)) {
      throw new PalermoException(
          ErrorCode.FORBIDDEN,
          "Statistics are for national coordinators, statisticians and enforcement agencies.");
    }
    return level;
  }

  /**
   * Whether the user is a statistician outside enforcement: releases and the victim-level HTCDS
   * export are never for an enforcement agency, whatever role its user holds (SECURITY.md rule 3).
   */
  static boolean statistician(PalermoPrincipal who) {
    return who != null
        && who.hasRole(Role.STATISTICIAN)
        && (who.function() == null || !who.function().isEnforcement());
  }

  static void requireStatistician(PalermoPrincipal who) {
    if (!statistician(who)) {
      throw new PalermoException(ErrorCode.FORBIDDEN, "Only statisticians do this.");
    }
  }
}
