package org.palermo.app.statistics;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.springframework.stereotype.Service;

/** The dashboard's use cases: who sees what (StatisticsAccess), and downloads audited. */
@Service
class Dashboard {
  private final Indicators indicators;
  private final AuditLog audit;
  private final FiguresAsOf asOf;

  Dashboard(Indicators indicators, AuditLog audit, FiguresAsOf asOf) {
    this.indicators = indicators;
    this.audit = audit;
    this.asOf = asOf;
  }

  /** What the dashboard shows to one user. */
  record Page(
      StatisticsAccess.Level level,
      List<StatTable> tables,
      List<String> regions,
      Indicators.Filter shown,
      Instant asOf) {}

  Page page(PalermoPrincipal who, Indicators.Filter f, Locale locale) {
    StatisticsAccess.Level level = requireDashboard(who);
    // Read before the figures, so that "as of" never claims more than they hold. Not for
    // aggregate-only users: the moment of the last event applied anywhere would itself tell them
    // that someone was registered just now (issue 11 item 7, StatisticsDifferencingIT); their
    // figures cover whole completed quarters.
    Instant latest = level == StatisticsAccess.Level.SUPPRESSED ? null : asOf.latest();
    return new Page(
        level,
        indicators.all(f, level, locale, who.username()),
        indicators.regions(level),
        indicators.shownPeriod(f, level),
        latest);
  }

  StatTable download(PalermoPrincipal who, String id, Indicators.Filter f, Locale locale) {
    StatisticsAccess.Level level = requireDashboard(who);
    StatTable table = indicators.one(id, f, level, locale, who.username());
    audit.record(
        new AuditEntry(
            who.username(),
            who.agencyName(),
            "statistics.download",
            "table:" + id,
            Outcome.SUCCESS,
            "level=" + level + " " + f));
    return table;
  }

  private StatisticsAccess.Level requireDashboard(PalermoPrincipal who) {
    try {
      return StatisticsAccess.requireDashboard(who);
    } catch (RuntimeException e) {
      audit.record(
          new AuditEntry(
              who == null ? "-" : who.username(),
              who == null ? "-" : who.agencyName(),
              "statistics.dashboard",
              "-",
              Outcome.DENIED,
              ""));
      throw e;
    }
  }
}
