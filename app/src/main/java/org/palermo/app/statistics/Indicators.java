package org.palermo.app.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.cases.MigrationStatus;
import org.palermo.app.cases.PersonRegistered.Exploitation;
import org.palermo.app.cases.ProtectionStatus;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.statistics.StatTable.Cell;
import org.palermo.app.statistics.StatTable.Row;
import org.palermo.privacy.table.CountTable;
import org.palermo.privacy.table.PublishedCell;
import org.palermo.privacy.table.SmallCellSuppressor;
import org.palermo.privacy.table.TableProtection;
import org.palermo.privacy.table.TableProtectionPolicy;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The indicators, computed from the statistics read model only (never the case, referral or
 * identification tables), for a period, a region (country of exploitation) and an agency type:
 *
 * <ul>
 *   <li>SDG 16.2.2 (DOMAIN.md §3): detected victims per 100,000 population, by sex and age (women,
 *       men, girls, boys) and by form of exploitation (sexual exploitation, forced labour, other
 *       purposes), over the population imported by {@link Populations} for the year the period ends
 *       in;
 *   <li>GLOTIP-style tables: citizenship, domestic or foreign (citizenship equal to the country of
 *       exploitation), country of exploitation, and the forms of exploitation one by one;
 *   <li>breakdowns by migration and protection status (HTCDS Guidance 7);
 *   <li>the referral mechanism by agency: referrals received, accepted, declined and overdue; time
 *       to a reasonable-grounds decision; services delivered per case.
 * </ul>
 *
 * With {@link StatisticsAccess.Level#SUPPRESSED} every count table goes through the privacy
 * module's {@link SmallCellSuppressor} (no cell from 1 to 9, complementary suppression, rounding to
 * 5) and rates are computed from the published counts only.
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

  private static final BigDecimal PER = BigDecimal.valueOf(100_000);
  private static final String UNKNOWN = "unknown";
  private static final String MIXED = "mixed";
  private static final String OTHER = "other";

  /** The key of the SDG 16.2.2 count table shared by the rates and counts tables. */
  static final String SDG = "sdg";

  private final JdbcClient jdbc;
  private final Populations populations;
  private final VictimReadModel victims;
  private final Accounts accounts;
  private final MessageSource messages;
  private final Clock clock;
  private final DisclosureControl control;

  Indicators(
      JdbcClient jdbc,
      Populations populations,
      VictimReadModel victims,
      Accounts accounts,
      MessageSource messages,
      Clock clock,
      DisclosureControl control) {
    this.control = control;
    this.jdbc = jdbc;
    this.populations = populations;
    this.victims = victims;
    this.accounts = accounts;
    this.messages = messages;
    this.clock = clock;
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

  /** One victim of the read model, as the indicators need it. */
  record V(
      String gender,
      Boolean minor,
      String citizenship,
      String country,
      Set<Exploitation> forms,
      String migration,
      String protection) {}

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
    List<V> vs = victims(used);
    Map<UUID, String> agencies = aggregate ? Map.of() : agencyNames();
    Text t = new Text(messages, locale);
    List<String> fixedCodes = aggregate ? fixedCodes() : null;
    Noise noise = Noise.NONE;
    if (aggregate) {
      // First pass: the exact tables, only to be noised; nothing of them is shown.
      Noise recording = Noise.recording();
      victimTables(vs, used, level, t, recording, fixedCodes);
      Map<String, CountTable> noisy = control.noisy(used, recording.recorded, by);
      boolean small = noisy.get(SDG).grandTotal() < control.minPopulation();
      noise = new Noise(noisy, small, null);
    }
    List<StatTable> tables = victimTables(vs, used, level, t, noise, fixedCodes);
    tables.add(referrals(used, level, t, agencies, noise));
    tables.add(decisions(used, level, t, agencies, noise));
    tables.add(services(used, level, t, agencies, noise));
    return tables;
  }

  private List<StatTable> victimTables(
      List<V> vs, Filter f, StatisticsAccess.Level level, Text t, Noise n, List<String> fixed) {
    List<StatTable> tables = new ArrayList<>();
    tables.add(sdgRates(vs, f, level, t, n));
    tables.add(sdgCounts(vs, level, t, n));
    tables.add(citizenship(vs, level, t, n, fixed));
    tables.add(domestic(vs, level, t, n));
    tables.add(country(vs, level, t, n, fixed));
    tables.add(forms(vs, level, t, n));
    tables.add(migration(vs, level, t, n));
    tables.add(protection(vs, level, t, n));
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
    codes.add(OTHER);
    codes.add(UNKNOWN);
    return codes;
  }

  /**
   * How the count tables of one view are published: exact (none), recorded for noising, or from the
   * noisy release, all hidden when the view's noisy total is below the population threshold.
   */
  private record Noise(
      Map<String, CountTable> noisy, boolean small, Map<String, CountTable> recorded) {
    static final Noise NONE = new Noise(null, false, null);

    static Noise recording() {
      return new Noise(null, false, new LinkedHashMap<>());
    }

    CountTable apply(String id, CountTable exact) {
      if (recorded != null) {
        recorded.put(id, exact);
        return exact;
      }
      return noisy == null ? exact : noisy.get(id);
    }
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

  // ---- SDG 16.2.2 ------------------------------------------------------------------------

  /** The 5 × 4 table of sex and age by form; each victim in one cell (ExploitationTable). */
  private static CountTable sexAgeByForm(List<V> vs) {
    long[][] counts = new long[ExploitationTable.ROWS.size()][ExploitationTable.COLUMNS.size()];
    for (V v : vs) {
      counts[sexAgeRow(v)][formColumn(v.forms())]++;
    }
    return CountTable.of(ExploitationTable.ROWS, ExploitationTable.COLUMNS, counts);
  }

  /** 0 women, 1 men, 2 girls, 3 boys, 4 other or unknown. */
  static int sexAgeRow(V v) {
    boolean female = "Feminine".equals(v.gender());
    boolean male = "Masculine".equals(v.gender());
    if (v.minor() == null || !(female || male)) {
      return 4;
    }
    return (v.minor() ? 2 : 0) + (female ? 0 : 1);
  }

  /** 0 sexual, 1 forced labour, 2 other purposes (including mixed forms), 3 not recorded. */
  static int formColumn(Set<Exploitation> forms) {
    if (forms.isEmpty()) {
      return 3;
    }
    boolean sexual = forms.contains(Exploitation.SEXUAL_EXPLOITATION);
    boolean labour =
        forms.contains(Exploitation.FORCED_LABOUR) || forms.contains(Exploitation.CHILD_LABOUR);
    long others =
        forms.stream()
            .filter(
                e ->
                    e != Exploitation.SEXUAL_EXPLOITATION
                        && e != Exploitation.FORCED_LABOUR
                        && e != Exploitation.CHILD_LABOUR)
            .count();
    int kinds = (sexual ? 1 : 0) + (labour ? 1 : 0) + (others > 0 ? 1 : 0);
    if (kinds > 1 || others > 0) {
      return 2;
    }
    return sexual ? 0 : 1;
  }

  private StatTable sdgCounts(List<V> vs, StatisticsAccess.Level level, Text t, Noise n) {
    Grid g = grid(SDG, sexAgeByForm(vs), level, n);
    List<String> headings = new ArrayList<>();
    headings.add(t.get("statistics.col.sexAge"));
    for (String c : List.of("sexual", "labour", "otherPurposes", "notRecorded", "total")) {
      headings.add(t.get("statistics.col." + c));
    }
    List<String> rowKeys = List.of("women", "men", "girls", "boys", "otherSexAge");
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < rowKeys.size(); r++) {
      List<Cell> cells = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        cells.add(g.cell(r, c));
      }
      cells.add(g.rowTotal(r));
      rows.add(new Row(t.get("statistics.row." + rowKeys.get(r)), cells, false));
    }
    List<Cell> totals = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      totals.add(g.columnTotal(c));
    }
    totals.add(g.grand());
    rows.add(new Row(t.get("statistics.row.total"), totals, true));
    return table(SDG_COUNTS, t, headings, rows, 4, note(level, t));
  }

  private StatTable sdgRates(List<V> vs, Filter f, StatisticsAccess.Level level, Text t, Noise n) {
    Grid g = grid(SDG, sexAgeByForm(vs), level, n);
    int year = f.referenceYear(clock);
    Map<String, Long> pop = populations.totals(year, f.region());
    record Group(String key, Cell count, String sex, String age) {}
    List<Group> groups =
        List.of(
            new Group("allVictims", g.grand(), "total", "total"),
            new Group("women", g.rowTotal(0), "female", "adult"),
            new Group("men", g.rowTotal(1), "male", "adult"),
            new Group("girls", g.rowTotal(2), "female", "child"),
            new Group("boys", g.rowTotal(3), "male", "child"),
            new Group("female", sum(g.rowTotal(0), g.rowTotal(2)), "female", "total"),
            new Group("male", sum(g.rowTotal(1), g.rowTotal(3)), "male", "total"),
            new Group("children", sum(g.rowTotal(2), g.rowTotal(3)), "total", "child"),
            new Group("adults", sum(g.rowTotal(0), g.rowTotal(1)), "total", "adult"),
            new Group("sexual", g.columnTotal(0), "total", "total"),
            new Group("labour", g.columnTotal(1), "total", "total"),
            new Group("otherPurposes", g.columnTotal(2), "total", "total"),
            new Group("notRecorded", g.columnTotal(3), "total", "total"));
    List<Row> rows = new ArrayList<>();
    for (Group gr : groups) {
      Long population = Populations.population(pop, gr.sex(), gr.age());
      rows.add(
          new Row(
              t.get("statistics.row." + gr.key()),
              List.of(
                  gr.count(),
                  population == null ? Cell.EMPTY : Cell.of(population),
                  rate(gr.count(), population)),
              gr.key().equals("allVictims")));
    }
    List<String> headings =
        List.of(
            t.get("statistics.col.group"),
            t.get("statistics.col.victims"),
            t.get("statistics.col.population", String.valueOf(year)),
            t.get("statistics.col.rate"));
    String note =
        pop.isEmpty()
            ? t.get("statistics.note.noPopulation", String.valueOf(year))
            : t.get(
                "statistics.note.rates",
                f.from() == null ? "…" : f.from().toString(),
                f.to() == null ? "…" : f.to().toString(),
                String.valueOf(year));
    if (level == StatisticsAccess.Level.SUPPRESSED) {
      note = note + " " + note(level, t);
    }
    return table(SDG_RATES, t, headings, rows, 2, note);
  }

  /** Victims per 100,000: {@code count × 100000 / population}, two decimals, halves up. */
  static Cell rate(Cell count, Long population) {
    if (count.suppressed()) {
      return Cell.HIDDEN;
    }
    if (population == null || count.value() == null) {
      return Cell.EMPTY;
    }
    return Cell.of(
        BigDecimal.valueOf(count.value().longValue())
            .multiply(PER)
            .divide(BigDecimal.valueOf(population), 2, RoundingMode.HALF_UP));
  }

  private static Cell sum(Cell a, Cell b) {
    if (a.suppressed() || b.suppressed()) {
      return Cell.HIDDEN;
    }
    return Cell.of(a.value().longValue() + b.value().longValue());
  }

  // ---- GLOTIP-style tables and Guidance 7 breakdowns ---------------------------------------

  private StatTable citizenship(
      List<V> vs, StatisticsAccess.Level level, Text t, Noise n, List<String> fixed) {
    return oneWay(
        CITIZENSHIP,
        vs,
        v -> code(v.citizenship(), fixed),
        fixed != null ? fixed : codes(vs, V::citizenship),
        level,
        t,
        "statistics.col.citizenship",
        n);
  }

  private StatTable country(
      List<V> vs, StatisticsAccess.Level level, Text t, Noise n, List<String> fixed) {
    return oneWay(
        COUNTRY,
        vs,
        v -> code(v.country(), fixed),
        fixed != null ? fixed : codes(vs, V::country),
        level,
        t,
        "statistics.col.country",
        n);
  }

  /** A code as a row key: unknown, itself, or "other" when outside a fixed list. */
  private static String code(String code, List<String> fixed) {
    if (code == null) {
      return UNKNOWN;
    }
    return fixed == null || fixed.contains(code) ? code : OTHER;
  }

  private StatTable domestic(List<V> vs, StatisticsAccess.Level level, Text t, Noise n) {
    return oneWay(
        DOMESTIC,
        vs,
        v -> {
          if (v.citizenship() == null || v.country() == null) {
            return UNKNOWN;
          }
          return v.citizenship().equals(v.country()) ? "domestic" : "foreign";
        },
        List.of("domestic", "foreign", UNKNOWN),
        level,
        t,
        "statistics.col.origin",
        n);
  }

  private StatTable forms(List<V> vs, StatisticsAccess.Level level, Text t, Noise n) {
    List<String> keys = new ArrayList<>();
    for (Exploitation e : Exploitation.values()) {
      keys.add(e.name());
    }
    keys.add(MIXED);
    keys.add("notRecorded");
    return oneWay(
        FORMS,
        vs,
        v ->
            v.forms().isEmpty()
                ? "notRecorded"
                : v.forms().size() > 1 ? MIXED : v.forms().iterator().next().name(),
        keys,
        level,
        t,
        "statistics.col.form",
        n);
  }

  private StatTable migration(List<V> vs, StatisticsAccess.Level level, Text t, Noise n) {
    List<String> keys = new ArrayList<>();
    for (MigrationStatus s : MigrationStatus.values()) {
      keys.add(s.name());
    }
    keys.add("notRecorded");
    return oneWay(
        MIGRATION,
        vs,
        v -> v.migration() == null || !keys.contains(v.migration()) ? "notRecorded" : v.migration(),
        keys,
        level,
        t,
        "statistics.col.migration",
        n);
  }

  private StatTable protection(List<V> vs, StatisticsAccess.Level level, Text t, Noise n) {
    List<String> keys = new ArrayList<>();
    for (ProtectionStatus s : ProtectionStatus.values()) {
      keys.add(s.name());
    }
    keys.add("notRecorded");
    return oneWay(
        PROTECTION,
        vs,
        v ->
            v.protection() == null || !keys.contains(v.protection())
                ? "notRecorded"
                : v.protection(),
        keys,
        level,
        t,
        "statistics.col.protection",
        n);
  }

  private static List<String> codes(List<V> vs, Function<V, String> code) {
    List<String> keys =
        new ArrayList<>(
            new java.util.TreeSet<>(
                vs.stream().map(code).filter(java.util.Objects::nonNull).toList()));
    keys.add(UNKNOWN);
    return keys;
  }

  /** A one-way count table with a total row; {@code keys} name rows (codes shown as they are). */
  private StatTable oneWay(
      String id,
      List<V> vs,
      Function<V, String> key,
      List<String> keys,
      StatisticsAccess.Level level,
      Text t,
      String headingKey,
      Noise n) {
    long[][] counts = new long[keys.size()][1];
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      index.put(keys.get(i), i);
    }
    for (V v : vs) {
      counts[index.get(key.apply(v))][0]++;
    }
    Grid g = grid(id, CountTable.of(keys, List.of("victims"), counts), level, n);
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < keys.size(); r++) {
      rows.add(new Row(label(id, keys.get(r), t), List.of(g.cell(r, 0)), false));
    }
    rows.add(new Row(t.get("statistics.row.total"), List.of(g.grand()), true));
    return table(
        id,
        t,
        List.of(t.get(headingKey), t.get("statistics.col.victims")),
        rows,
        0,
        note(level, t));
  }

  private static String label(String table, String key, Text t) {
    if (key.equals(UNKNOWN) || key.equals("notRecorded")) {
      return t.get("statistics.row." + key);
    }
    if (key.equals(OTHER) && (table.equals(CITIZENSHIP) || table.equals(COUNTRY))) {
      return t.get("statistics.row.otherCountries");
    }
    return switch (table) {
      case DOMESTIC -> t.get("statistics.row." + key);
      case FORMS -> t.get(key.equals(MIXED) ? "statistics.row.mixed" : "statistics.form." + key);
      case MIGRATION -> t.get("statistics.migration." + key);
      case PROTECTION -> t.get("statistics.protection." + key);
      default -> key;
    };
  }

  // ---- referral mechanism -------------------------------------------------------------------

  private record Step(
      UUID referral, String status, Instant at, UUID to, String toType, Instant due) {}

  private StatTable referrals(
      Filter f, StatisticsAccess.Level level, Text t, Map<UUID, String> agencies, Noise noise) {
    List<Step> steps =
        jdbc.sql(
                """
                SELECT s.referral_id, s.status, s.at, s.to_agency_id, s.to_agency_type, s.due_at
                FROM statistics_referral_step s
                LEFT JOIN statistics_victim v ON v.case_id = s.case_id
                WHERE (CAST(? AS TEXT) IS NULL OR v.country_of_exploitation = ?)
                  AND (CAST(? AS TEXT) IS NULL OR s.to_agency_type = ?)
                ORDER BY s.referral_id, s.at""")
            .params(f.region(), f.region(), f.agencyType(), f.agencyType())
            .query(
                (rs, n) ->
                    new Step(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getObject(4, UUID.class),
                        rs.getString(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
            .list();
    Map<UUID, List<Step>> byReferral = new LinkedHashMap<>();
    steps.forEach(s -> byReferral.computeIfAbsent(s.referral(), k -> new ArrayList<>()).add(s));
    Map<String, long[]> byAgency = new TreeMap<>();
    for (String type : fixedAgencyRows(level, t)) {
      byAgency.put(type, new long[4]);
    }
    Instant now = clock.instant();
    for (List<Step> r : byReferral.values()) {
      Step first = r.get(0);
      if (!inPeriod(f, first.at())) {
        continue;
      }
      String agency = agencyLabel(first.to(), first.toType(), agencies, t);
      long[] c = byAgency.computeIfAbsent(agency, k -> new long[4]);
      c[0]++;
      Instant answered = null;
      Instant due = null;
      for (Step s : r) {
        due = s.due() != null ? s.due() : due;
        if (answered == null && !s.status().equals("PENDING")) {
          answered = s.at();
        }
        if (s.status().equals("ACCEPTED")) {
          c[1]++;
        } else if (s.status().equals("DECLINED")) {
          c[2]++;
        }
      }
      if (due != null && (answered == null ? now : answered).isAfter(due)) {
        c[3]++;
      }
    }
    List<String> headings =
        List.of(
            t.get("statistics.col.agency"),
            t.get("statistics.col.received"),
            t.get("statistics.col.accepted"),
            t.get("statistics.col.declined"),
            t.get("statistics.col.overdue"));
    return hiddenIf(noise.small(), perAgency(REFERRALS, byAgency, headings, level, t, 0));
  }

  private StatTable decisions(
      Filter f, StatisticsAccess.Level level, Text t, Map<UUID, String> agencies, Noise noise) {
    record D(UUID agency, String type, Instant referred, Instant decided, boolean late) {}
    List<D> ds =
        jdbc.sql(
                """
                SELECT d.agency_id, d.agency_type, d.referred_at, d.decided_at, d.late
                FROM statistics_decision d
                LEFT JOIN statistics_victim v ON v.case_id = d.case_id
                WHERE d.kind = 'REASONABLE_GROUNDS'
                  AND (CAST(? AS TEXT) IS NULL OR v.country_of_exploitation = ?)
                  AND (CAST(? AS TEXT) IS NULL OR d.agency_type = ?)""")
            .params(f.region(), f.region(), f.agencyType(), f.agencyType())
            .query(
                (rs, n) ->
                    new D(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5)))
            .list();
    Map<String, List<D>> byAgency = new TreeMap<>();
    for (String type : fixedAgencyRows(level, t)) {
      byAgency.put(type, new ArrayList<>());
    }
    for (D d : ds) {
      if (inPeriod(f, d.decided()) && d.referred() != null) {
        byAgency
            .computeIfAbsent(agencyLabel(d.agency(), d.type(), agencies, t), k -> new ArrayList<>())
            .add(d);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, List<D>> e : byAgency.entrySet()) {
      List<D> list = e.getValue();
      List<BigDecimal> days =
          list.stream()
              .map(d -> days(Duration.between(d.referred(), d.decided())))
              .sorted()
              .toList();
      long late = list.stream().filter(D::late).count();
      boolean hide = level == StatisticsAccess.Level.SUPPRESSED && list.size() < 10;
      if (list.isEmpty()) {
        rows.add(
            new Row(
                e.getKey(), List.of(Cell.HIDDEN, Cell.HIDDEN, Cell.HIDDEN, Cell.HIDDEN), false));
        continue;
      }
      rows.add(
          new Row(
              e.getKey(),
              List.of(
                  count(list.size(), level),
                  hide ? Cell.HIDDEN : Cell.of(median(days)),
                  hide ? Cell.HIDDEN : Cell.of(mean(days)),
                  count(late, level)),
              false));
    }
    List<String> headings =
        List.of(
            t.get("statistics.col.agency"),
            t.get("statistics.col.rgDecisions"),
            t.get("statistics.col.medianDays"),
            t.get("statistics.col.meanDays"),
            t.get("statistics.col.late"));
    return hiddenIf(noise.small(), table(DECISIONS, t, headings, rows, 1, note(level, t)));
  }

  private StatTable services(
      Filter f, StatisticsAccess.Level level, Text t, Map<UUID, String> agencies, Noise noise) {
    record S(UUID caseId, UUID agency, String type) {}
    List<S> ss =
        jdbc.sql(
                """
                SELECT s.case_id, s.provider_agency_id, s.provider_agency_type
                FROM statistics_service s
                LEFT JOIN statistics_victim v ON v.case_id = s.case_id
                WHERE (CAST(? AS DATE) IS NULL OR s.delivered_on >= ?)
                  AND (CAST(? AS DATE) IS NULL OR s.delivered_on <= ?)
                  AND (CAST(? AS TEXT) IS NULL OR v.country_of_exploitation = ?)
                  AND (CAST(? AS TEXT) IS NULL OR s.provider_agency_type = ?)""")
            .params(
                f.from(),
                f.from(),
                f.to(),
                f.to(),
                f.region(),
                f.region(),
                f.agencyType(),
                f.agencyType())
            .query(
                (rs, n) ->
                    new S(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
            .list();
    Map<String, List<S>> byAgency = new TreeMap<>();
    for (String type : fixedAgencyRows(level, t)) {
      byAgency.put(type, new ArrayList<>());
    }
    for (S s : ss) {
      byAgency
          .computeIfAbsent(agencyLabel(s.agency(), s.type(), agencies, t), k -> new ArrayList<>())
          .add(s);
    }
    List<Row> rows = new ArrayList<>();
    long allServices = 0;
    java.util.Set<UUID> allCases = new java.util.HashSet<>();
    for (Map.Entry<String, List<S>> e : byAgency.entrySet()) {
      long services = e.getValue().size();
      long cases = e.getValue().stream().map(S::caseId).distinct().count();
      allServices += services;
      e.getValue().forEach(s -> allCases.add(s.caseId()));
      rows.add(new Row(e.getKey(), serviceCells(services, cases, level), false));
    }
    rows.add(
        new Row(
            t.get("statistics.row.total"),
            serviceCells(allServices, allCases.size(), level),
            true));
    List<String> headings =
        List.of(
            t.get("statistics.col.agency"),
            t.get("statistics.col.services"),
            t.get("statistics.col.casesServed"),
            t.get("statistics.col.servicesPerCase"));
    return hiddenIf(noise.small(), table(SERVICES, t, headings, rows, 2, note(level, t)));
  }

  /**
   * The rows of the referral-mechanism tables an aggregate-only user always sees: every agency
   * type, never an agency's name, so that a row never appears with one referral to one shelter.
   */
  private static List<String> fixedAgencyRows(StatisticsAccess.Level level, Text t) {
    List<String> rows = new ArrayList<>();
    if (level == StatisticsAccess.Level.SUPPRESSED) {
      for (AgencyType type : AgencyType.values()) {
        rows.add(t.get("agencyType." + type.name()));
      }
    }
    return rows;
  }

  /** The table with every cell hidden when {@code hide}. */
  private static StatTable hiddenIf(boolean hide, StatTable table) {
    if (!hide) {
      return table;
    }
    List<Row> rows = new ArrayList<>();
    for (Row r : table.rows()) {
      rows.add(
          new Row(
              r.label(), java.util.Collections.nCopies(r.cells().size(), Cell.HIDDEN), r.total()));
    }
    return new StatTable(
        table.id(),
        table.title(),
        table.description(),
        table.headings(),
        rows,
        table.chartColumn(),
        table.note());
  }

  private static List<Cell> serviceCells(long services, long cases, StatisticsAccess.Level level) {
    boolean hide = level == StatisticsAccess.Level.SUPPRESSED && cases < 10;
    Cell perCase =
        hide
            ? Cell.HIDDEN
            : cases == 0
                ? Cell.EMPTY
                : Cell.of(
                    BigDecimal.valueOf(services)
                        .divide(BigDecimal.valueOf(cases), 2, RoundingMode.HALF_UP));
    return List.of(count(services, level), count(cases, level), perCase);
  }

  /** A table of agencies by counts that do not partition (no complementary suppression). */
  private StatTable perAgency(
      String id,
      Map<String, long[]> byAgency,
      List<String> headings,
      StatisticsAccess.Level level,
      Text t,
      int chartColumn) {
    List<Row> rows = new ArrayList<>();
    long[] totals = new long[headings.size() - 1];
    for (Map.Entry<String, long[]> e : byAgency.entrySet()) {
      List<Cell> cells = new ArrayList<>();
      for (int i = 0; i < totals.length; i++) {
        cells.add(count(e.getValue()[i], level));
        totals[i] += e.getValue()[i];
      }
      rows.add(new Row(e.getKey(), cells, false));
    }
    List<Cell> total = new ArrayList<>();
    for (long v : totals) {
      total.add(count(v, level));
    }
    rows.add(new Row(t.get("statistics.row.total"), total, true));
    return table(id, t, headings, rows, chartColumn, note(level, t));
  }

  /** A single count: exact, or suppressed from 1 to 9 and rounded to 5 (privacy's Rounding). */
  private static Cell count(long value, StatisticsAccess.Level level) {
    if (level != StatisticsAccess.Level.SUPPRESSED) {
      return Cell.of(value);
    }
    TableProtectionPolicy p = TableProtectionPolicy.defaults();
    // Zero too: a zero must look like a small count (issue #11 item 7).
    if (value < p.threshold()) {
      return Cell.HIDDEN;
    }
    return Cell.of(
        org.palermo.privacy.table.Rounding.round(value, p.roundingBase(), p.threshold()));
  }

  private static boolean inPeriod(Filter f, Instant at) {
    LocalDate day = at.atZone(java.time.ZoneOffset.UTC).toLocalDate();
    return (f.from() == null || !day.isBefore(f.from()))
        && (f.to() == null || !day.isAfter(f.to()));
  }

  static BigDecimal days(Duration d) {
    return BigDecimal.valueOf(d.toMinutes())
        .divide(BigDecimal.valueOf(1440), 1, RoundingMode.HALF_UP);
  }

  static BigDecimal median(List<BigDecimal> sorted) {
    int n = sorted.size();
    if (n % 2 == 1) {
      return sorted.get(n / 2);
    }
    return sorted
        .get(n / 2 - 1)
        .add(sorted.get(n / 2))
        .divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
  }

  static BigDecimal mean(Collection<BigDecimal> values) {
    BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum.divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP);
  }

  private static String agencyLabel(UUID id, String type, Map<UUID, String> names, Text t) {
    if (id != null && names.containsKey(id)) {
      return names.get(id);
    }
    return type == null ? t.get("statistics.row.unknown") : t.get("agencyType." + type);
  }

  private Map<UUID, String> agencyNames() {
    Map<UUID, String> names = new HashMap<>();
    for (Agency a : accounts.agencies()) {
      names.put(a.id(), a.name());
    }
    return names;
  }

  // ---- plumbing -------------------------------------------------------------------------------

  /** Published cells of a count table: exact, or protected by the privacy engine. */
  private interface Grid {
    Cell cell(int r, int c);

    Cell rowTotal(int r);

    Cell columnTotal(int c);

    Cell grand();
  }

  private static Grid grid(String id, CountTable exact, StatisticsAccess.Level level, Noise n) {
    CountTable table = n.apply(id, exact);
    if (level != StatisticsAccess.Level.SUPPRESSED) {
      return new Grid() {
        public Cell cell(int r, int c) {
          return Cell.of(table.count(r, c));
        }

        public Cell rowTotal(int r) {
          return Cell.of(table.rowTotal(r));
        }

        public Cell columnTotal(int c) {
          return Cell.of(table.columnTotal(c));
        }

        public Cell grand() {
          return Cell.of(table.grandTotal());
        }
      };
    }
    TableProtection p = new SmallCellSuppressor().protect(table, TableProtectionPolicy.defaults());
    // A zero looks like a small count (fixed rows, issue #11 item 7); a view over too few
    // victims shows nothing at all.
    boolean small = n.small();
    return new Grid() {
      public Cell cell(int r, int c) {
        return aggregate(p.cell(r, c), small);
      }

      public Cell rowTotal(int r) {
        return aggregate(p.rowTotal(r), small);
      }

      public Cell columnTotal(int c) {
        return aggregate(p.columnTotal(c), small);
      }

      public Cell grand() {
        return aggregate(p.grandTotal(), small);
      }
    };
  }

  private static Cell aggregate(PublishedCell c, boolean small) {
    Cell cell = published(c);
    if (small || (cell.value() != null && cell.value().longValue() == 0)) {
      return Cell.HIDDEN;
    }
    return cell;
  }

  private static Cell published(PublishedCell c) {
    return c instanceof PublishedCell.Count n ? Cell.of(n.value()) : Cell.HIDDEN;
  }

  private static String note(StatisticsAccess.Level level, Text t) {
    return level == StatisticsAccess.Level.SUPPRESSED ? t.get("statistics.note.suppressed") : null;
  }

  private static StatTable table(
      String id, Text t, List<String> headings, List<Row> rows, int chart, String note) {
    return new StatTable(
        id,
        t.get("statistics.table." + id + ".title"),
        t.get("statistics.table." + id + ".desc"),
        headings,
        rows,
        chart,
        note);
  }

  private List<V> victims(Filter f) {
    // No wait for events still on their way (issue 12 §3): the page says "figures as of".
    // Detected victims of trafficking only (SDG 16.2.2; issue #13 §6): the person's derived
    // trafficking status (cases.TraffickingStatus#detected, fed by TraffickingStatusChanged) is
    // indicated by a screening, reasonable grounds, or identified. Smuggled migrants with no
    // trafficking indication, persons whose reasonable-grounds threshold was not met and persons
    // not identified by a conclusive-grounds decision are not counted. Children are counted by
    // their age when
    // the exploitation began where it is known, else by their age at registration.
    return jdbc.sql(
            """
            SELECT gender, coalesce(minor_at_exploitation, minor_at_registration),
              citizenship, country_of_exploitation,
              exploitation_types, migration_status, protection_status
            FROM statistics_victim v
            WHERE (SELECT s.status FROM statistics_trafficking_status s
                   WHERE s.case_id = v.case_id) IN ('INDICATED', 'REASONABLE_GROUNDS', 'IDENTIFIED')
              AND (CAST(? AS DATE) IS NULL OR registered_on >= ?)
              AND (CAST(? AS DATE) IS NULL OR registered_on <= ?)
              AND (CAST(? AS TEXT) IS NULL OR country_of_exploitation = ?)
              AND (CAST(? AS TEXT) IS NULL OR owner_agency_type = ?)""")
        .params(
            f.from(),
            f.from(),
            f.to(),
            f.to(),
            f.region(),
            f.region(),
            f.agencyType(),
            f.agencyType())
        .query(
            (rs, n) ->
                new V(
                    rs.getString(1),
                    (Boolean) rs.getObject(2),
                    trim(rs.getString(3)),
                    trim(rs.getString(4)),
                    VictimReadModel.exploitation(rs.getArray(5)),
                    rs.getString(6),
                    rs.getString(7)))
        .list();
  }

  private static String trim(String s) {
    return s == null ? null : s.strip();
  }

  /** Messages in one locale. */
  record Text(MessageSource messages, Locale locale) {
    String get(String key, Object... args) {
      return messages.getMessage(key, args, key, locale);
    }
  }

  private static PalermoException invalid(String detail, String field) {
    return new PalermoException(ErrorCode.VALIDATION_FAILED, detail, Map.of("field", field));
  }
}
