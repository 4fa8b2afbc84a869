package org.palermo.app.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.privacy.table.CountTable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The indicators, computed from the statistics read model only (never the case, referral or
 * identification tables), for a period, a region (country of exploitation) and an agency type; one
 * class per family of tables, each counting in PostgreSQL:
 *
 * <ul>
 *   <li>the victim tables ({@link VictimCountStore} counts, {@link VictimTables} lays out): SDG
 *       16.2.2 rates and counts, GLOTIP-style citizenship, origin, country and forms, and the
 *       Guidance 7 migration and protection statuses;
 *   <li>the referral mechanism by agency ({@link ReferralIndicators}), time to a reasonable-grounds
 *       decision ({@link DecisionIndicators}) and services delivered per case ({@link
 *       ServiceIndicators}).
 * </ul>
 *
 * With {@link StatisticsAccess.Level#SUPPRESSED} the period is coarsened and the victim tables
 * noised ({@link DisclosureControl}), and every figure is published through the privacy module's
 * rules ({@link Publication}); no threshold or rounding is applied here.
 */
@Service
class Indicators {
  static final String SDG_COUNTS = "sdg-counts";
  static final String SDG_RATES = "sdg-rates";
  static final String CITIZENSHIP = "citizenship";
  static final String DOMESTIC = "domestic";
  static final String COUNTRY = "country";
  static final String FORMS = "forms";
  static final String MIGRATION = "migration";
  static final String PROTECTION = "protection";
  static final String REFERRALS = "referrals";
  static final String DECISIONS = "decisions";
  static final String SERVICES = "services";
  static final List<String> IDS =
      List.of(
          SDG_RATES,
          SDG_COUNTS,
          CITIZENSHIP,
          DOMESTIC,
          COUNTRY,
          FORMS,
          MIGRATION,
          PROTECTION,
          REFERRALS,
          DECISIONS,
          SERVICES);

  /** The key of the SDG 16.2.2 count table shared by the rates and counts tables. */
  static final String SDG = "sdg";

  private final JdbcClient jdbc;
  private final Populations populations;
  private final VictimCountStore victims;
  private final ReferralIndicators referrals;
  private final DecisionIndicators decisions;
  private final ServiceIndicators services;
  private final Accounts accounts;
  private final MessageSource messages;
  private final Clock clock;
  private final DisclosureControl control;

  Indicators(
      JdbcClient jdbc,
      Populations populations,
      VictimCountStore victims,
      ReferralIndicators referrals,
      DecisionIndicators decisions,
      ServiceIndicators services,
      Accounts accounts,
      MessageSource messages,
      Clock clock,
      DisclosureControl control) {
    this.jdbc = jdbc;
    this.populations = populations;
    this.victims = victims;
    this.referrals = referrals;
    this.decisions = decisions;
    this.services = services;
    this.accounts = accounts;
    this.messages = messages;
    this.clock = clock;
    this.control = control;
  }

  /**
   * What to count.
   *
   * @param from first day (inclusive), or {@code null}
   * @param to last day (inclusive), or {@code null}
   * @param region ISO 3166-1 alpha-2 country of exploitation, or {@code null} for all
   * @param agencyType an {@code AgencyType} name, or {@code null} for all: the agency that owns the
   *     case, receives the referral, decides, or delivers the service
   */
  record Filter(LocalDate from, LocalDate to, String region, String agencyType) {
    Filter {
      region = region == null || region.isBlank() ? null : region.strip().toUpperCase(Locale.ROOT);
      agencyType = agencyType == null || agencyType.isBlank() ? null : agencyType.strip();
      if (region != null && !region.matches("[A-Z]{2}")) {
        throw invalid("region must be a two-letter country code such as XC.", "region");
      }
      if (agencyType != null) {
        try {
          AgencyType.valueOf(agencyType);
        } catch (IllegalArgumentException e) {
          throw invalid("agencyType is not an agency type.", "agencyType");
        }
      }
      if (from != null && to != null && from.isAfter(to)) {
        throw invalid("The period must not end before it starts.", "to");
      }
    }

    /** The year of the SDG 16.2.2 denominator: the year the period ends in. */
    int referenceYear(Clock clock) {
      return to != null ? to.getYear() : LocalDate.now(clock).getYear();
    }
  }

  /** Every table, in the dashboard's order. */
  List<StatTable> all(Filter f, StatisticsAccess.Level level, Locale locale) {
    return all(f, level, locale, "-");
  }

  /**
   * Every table, in the dashboard's order, for a user who sees {@code level}. An aggregate-only
   * user ({@link StatisticsAccess.Level#SUPPRESSED}) gets the period of {@link
   * DisclosureControl#window} and noisy victim tables released in the name of {@code by}.
   */
  List<StatTable> all(Filter f, StatisticsAccess.Level level, Locale locale, String by) {
    boolean aggregate = level == StatisticsAccess.Level.SUPPRESSED;
    Filter used = aggregate ? control.window(f) : f;
    VictimCounts counts = victims.count(used);
    Publication p =
        new Publication(
            level,
            new Publication.Text(messages, locale),
            control.view(),
            Publication.Noise.NONE,
            aggregate ? Map.of() : agencyNames());
    List<String> fixedCodes = aggregate ? fixedCodes() : null;
    int year = used.referenceYear(clock);
    Map<String, Long> population = populations.totals(year, used.region());
    if (aggregate) {
      // First pass: the exact tables, only to be noised; nothing of them is shown.
      Publication.Noise recording = Publication.Noise.recording();
      VictimTables.all(counts, used, year, population, fixedCodes, p.withNoise(recording));
      Map<String, CountTable> noisy = control.noisy(used, recording.recorded(), by);
      p = p.withNoise(new Publication.Noise(noisy, noisy.get(SDG).grandTotal(), null));
    }
    List<StatTable> tables =
        new ArrayList<>(VictimTables.all(counts, used, year, population, fixedCodes, p));
    tables.add(referrals.table(used, p, clock.instant()));
    tables.add(decisions.table(used, p));
    tables.add(services.table(used, p));
    return tables;
  }

  /** The period an aggregate-only user is shown for the one asked (DisclosureControl). */
  Filter shownPeriod(Filter asked, StatisticsAccess.Level level) {
    return level == StatisticsAccess.Level.SUPPRESSED ? control.window(asked) : asked;
  }

  /**
   * The fixed rows of the citizenship and country tables for aggregate-only users: the regions with
   * population figures (set by statisticians, not by who is registered), then every other code
   * together, then unknown; a row never appears or disappears with one registration.
   */
  private List<String> fixedCodes() {
    List<String> codes =
        new ArrayList<>(
            jdbc.sql(
                    "SELECT DISTINCT region FROM statistics_population WHERE region ~ '^[A-Z]{2}$'"
                        + " ORDER BY region")
                .query(String.class)
                .list());
    codes.add(VictimTables.OTHER);
    codes.add(VictimTables.UNKNOWN);
    return codes;
  }

  /** One table by its id. */
  StatTable one(String id, Filter f, StatisticsAccess.Level level, Locale locale) {
    return one(id, f, level, locale, "-");
  }

  /** One table by its id, for {@code by}. */
  StatTable one(String id, Filter f, StatisticsAccess.Level level, Locale locale, String by) {
    if (!IDS.contains(id)) {
      throw new PalermoException(ErrorCode.NOT_FOUND, "No such statistics table.");
    }
    return all(f, level, locale, by).stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  /**
   * The regions offered in the filter: for an aggregate-only user only those with population
   * figures, since a region that appears with its first registration would reveal it.
   */
  List<String> regions(StatisticsAccess.Level level) {
    if (level != StatisticsAccess.Level.SUPPRESSED) {
      return regions();
    }
    List<String> fixed = fixedCodes();
    return fixed.subList(0, fixed.size() - 2);
  }

  /** Regions that appear in the read model or among the population figures. */
  List<String> regions() {
    return jdbc.sql(
            """
            SELECT DISTINCT r FROM (
              SELECT country_of_exploitation AS r FROM statistics_victim
              UNION SELECT region FROM statistics_population WHERE length(region) = 2) x
            WHERE r IS NOT NULL ORDER BY r""")
        .query(String.class)
        .list();
  }

  private Map<UUID, String> agencyNames() {
    Map<UUID, String> names = new LinkedHashMap<>();
    for (Agency a : accounts.agencies()) {
      names.put(a.id(), a.name());
    }
    return names;
  }

  private static PalermoException invalid(String detail, String field) {
    return new PalermoException(ErrorCode.VALIDATION_FAILED, detail, Map.of("field", field));
  }
}
