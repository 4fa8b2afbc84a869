package org.palermo.app.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.cases.PersonRegistered;
import org.palermo.app.cases.PersonRegistered.Exploitation;
import org.palermo.app.cases.ServiceDelivered;
import org.palermo.app.cases.TraffickingStatus;
import org.palermo.app.cases.TraffickingStatusChanged;
import org.palermo.app.identification.IdentificationDecided;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.TableExport;
import org.palermo.app.referral.ReferralStatus;
import org.palermo.app.referral.ReferralStatusChanged;
import org.palermo.app.statistics.StatTable.Cell;
import org.palermo.app.statistics.StatTable.Row;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The indicators from a small fixture of published events (never the case tables): SDG 16.2.2
 * against hand-computed rates, the GLOTIP tables, migration and protection status, referral
 * performance from ReferralStatusChanged, IdentificationDecided and ServiceDelivered events (each
 * delivered twice, to show the listeners are idempotent), small-cell suppression, the population
 * import and the HTCDS export.
 *
 * <p>The fixture lives in region {@code QS} (a user-assigned code no other test uses) in 2019:
 *
 * <pre>
 *   victim  sex        age    forms                     citizenship  → SDG row / column
 *   W1      Feminine   adult  sexual                    QS           women / sexual
 *   W2      Feminine   adult  sexual                    QT           women / sexual
 *   W3      Feminine   adult  forced labour             -            women / labour
 *   M1      Masculine  adult  forced labour             QS           men   / labour
 *   M2      Masculine  adult  forced labour + sexual    QU           men   / other (mixed)
 *   G1      Feminine   child  sexual                    QS           girls / sexual
 *   B1      Masculine  child  forced begging            QT           boys  / other
 *   U1      -          adult  -                         -            other-or-unknown / not recorded
 * </pre>
 *
 * Every one of them is a detected victim (the derived status, TraffickingStatusChanged: indicated
 * by a screening, W1 later identified); G1 was 19 when registered but 16 when the exploitation
 * began, so she is a girl for SDG 16.2.2 (issue #13 §6: age at exploitation where known). Two more
 * persons registered in QS in 2019 are not counted anywhere: S1, a smuggled migrant with no
 * trafficking indication (irregular, sexual exploitation recorded, no trafficking status), R1,
 * whose reasonable-grounds threshold was not met (not detected, and not "not a victim" either), and
 * N1, indicated (labour migrant) but then decided not to be a victim. Plus one victim in QS in 2020
 * and one in QT in 2019, both outside the filter. Population of QS in 2019: girls 40,000, women
 * 160,000, boys 50,000, men 150,000 (total 400,000). By hand, victims × 100,000 / population, two
 * decimals, halves up:
 *
 * <pre>
 *   all victims  8 / 400,000  = 2.00      female   4 / 200,000 = 2.00
 *   women        3 / 160,000  = 1.875 → 1.88   male  3 / 200,000 = 1.50
 *   men          2 / 150,000  = 1.333 → 1.33   children 2 / 90,000  = 2.222 → 2.22
 *   girls        1 /  40,000  = 2.50      adults   5 / 310,000 = 1.613 → 1.61
 *   boys         1 /  50,000  = 2.00
 *   sexual 3 / 400,000 = 0.75; forced labour 2 → 0.50; other purposes 2 → 0.50; not recorded 1 → 0.25
 * </pre>
 */
@PalermoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsIndicatorsIT {
  static final LocalDate DAY = LocalDate.of(2019, 3, 1);
  static final Instant INDICATED_AT = Instant.parse("2019-03-01T12:00:00Z");
  static final Instant DECIDED_AT = Instant.parse("2019-04-01T12:00:00Z");
  static final Indicators.Filter QS_2019 =
      new Indicators.Filter(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31), "QS", null);

  @Autowired Indicators indicators;
  @Autowired Populations populations;
  @Autowired HtcdsExport htcds;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcClient jdbc;
  @Autowired VictimReadModel victims;
  @Autowired TestAccounts accounts;

  final Map<String, UUID> cases = new LinkedHashMap<>();
  final Set<UUID> registered = new java.util.HashSet<>();
  // One id per service, so that delivering each event twice still counts it once.
  final Map<String, UUID> serviceIds = new LinkedHashMap<>();
  Agency receiving;
  Agency authority;
  Agency provider;

  @BeforeAll
  void fixture() {
    victim("W1", "Feminine", false, Set.of(Exploitation.SEXUAL_EXPLOITATION), "QS", "LABOUR", null);
    victim(
        "W2",
        "Feminine",
        false,
        Set.of(Exploitation.SEXUAL_EXPLOITATION),
        "QT",
        "IRREGULAR",
        "ASYLUM_SEEKER");
    victim("W3", "Feminine", false, Set.of(Exploitation.FORCED_LABOUR), null, null, null);
    victim("M1", "Masculine", false, Set.of(Exploitation.FORCED_LABOUR), "QS", null, null);
    victim(
        "M2",
        "Masculine",
        false,
        Set.of(Exploitation.FORCED_LABOUR, Exploitation.SEXUAL_EXPLOITATION),
        "QU",
        null,
        null);
    victim("G1", "Feminine", true, Set.of(Exploitation.SEXUAL_EXPLOITATION), "QS", null, null);
    victim("B1", "Masculine", true, Set.of(Exploitation.FORCED_BEGGING), "QT", null, null);
    victim("U1", null, false, Set.of(), null, null, null);
    // Not detected victims of trafficking: never counted (issue #13 §6).
    UUID smuggled = UUID.randomUUID();
    publish(
        new PersonRegistered(
            smuggled,
            DAY,
            "Feminine",
            30,
            false,
            "QS",
            "QS",
            Set.of(Exploitation.SEXUAL_EXPLOITATION),
            "SERVICE_PROVIDER",
            true,
            "IRREGULAR",
            null,
            null,
            null,
            null));
    victim("N1", "Masculine", false, Set.of(Exploitation.FORCED_LABOUR), "QS", "LABOUR", null);
    // R1: a negative reasonable-grounds decision, the threshold of suspicion not met: not
    // detected, and exported with no vic_TraffickingStatus (it is not "not a victim").
    victim("R1", "Masculine", false, Set.of(Exploitation.FORCED_LABOUR), "QV", null, null);
    publish(
        new TraffickingStatusChanged(
            List.of(cases.get("R1")), TraffickingStatus.REASONABLE_GROUNDS_NOT_MET, DECIDED_AT));
    publish(
        new PersonRegistered(
            UUID.randomUUID(),
            LocalDate.of(2020, 2, 1),
            "Feminine",
            30,
            false,
            "QS",
            "QS",
            Set.of(Exploitation.SEXUAL_EXPLOITATION),
            "SERVICE_PROVIDER",
            true,
            null,
            null));
    publish(
        new PersonRegistered(
            UUID.randomUUID(),
            DAY,
            "Feminine",
            30,
            false,
            "QT",
            "QT",
            Set.of(Exploitation.SEXUAL_EXPLOITATION),
            "SERVICE_PROVIDER",
            true,
            null,
            null));
    populations.importCsv(
        csv(
            """
            region,year,sex,age_group,population
            QS,2019,female,child,40000
            QS,2019,female,adult,160000
            QS,2019,male,child,50000
            QS,2019,male,adult,150000
            QT,2019,female,adult,1000
            """),
        "fixture.csv",
        "cli");

    receiving = accounts.agency(AgencyType.SERVICE_PROVIDER);
    authority = accounts.agency(AgencyType.COMPETENT_AUTHORITY);
    provider = accounts.agency(AgencyType.SERVICE_PROVIDER);
    Instant created = Instant.parse("2019-03-01T10:00:00Z");
    Instant due = Instant.parse("2019-03-04T10:00:00Z");
    UUID r1 = UUID.randomUUID();
    UUID r2 = UUID.randomUUID();
    UUID r3 = UUID.randomUUID();
    for (int twice = 0; twice < 2; twice++) {
      referral(r1, "W1", ReferralStatus.PENDING, created, due);
      referral(r1, "W1", ReferralStatus.ACCEPTED, Instant.parse("2019-03-02T09:00:00Z"), due);
      referral(r2, "M1", ReferralStatus.PENDING, created, due);
      referral(r2, "M1", ReferralStatus.DECLINED, Instant.parse("2019-03-06T09:00:00Z"), due);
      referral(r3, "G1", ReferralStatus.PENDING, created, due);
    }
    UUID d1 = UUID.randomUUID();
    UUID d2 = UUID.randomUUID();
    UUID d3 = UUID.randomUUID();
    UUID conclusive = UUID.randomUUID();
    UUID notAVictim = UUID.randomUUID();
    for (int twice = 0; twice < 2; twice++) {
      // 2.5, 4.0 and 1.0 days: median 2.5, mean 7.5 / 3 = 2.5; one late.
      decision(
          d1, "W1", "REASONABLE_GROUNDS", "2019-03-01T00:00:00Z", "2019-03-03T12:00:00Z", false);
      decision(
          d2, "M1", "REASONABLE_GROUNDS", "2019-03-01T00:00:00Z", "2019-03-05T00:00:00Z", true);
      decision(
          d3, "G1", "REASONABLE_GROUNDS", "2019-03-01T00:00:00Z", "2019-03-02T00:00:00Z", false);
      publish(
          new IdentificationDecided(
              conclusive,
              cases.get("W1"),
              "CONCLUSIVE_GROUNDS",
              "ActualVictimOfTrafficking",
              "NonPoliceGovernmentalOrganization",
              Instant.parse("2019-03-01T00:00:00Z"),
              Instant.parse("2019-04-01T00:00:00Z"),
              false,
              authority.id(),
              "COMPETENT_AUTHORITY"));
      publish(
          new IdentificationDecided(
              notAVictim,
              cases.get("N1"),
              "CONCLUSIVE_GROUNDS",
              "NotAVictimOfTrafficking",
              "NonPoliceGovernmentalOrganization",
              Instant.parse("2019-03-01T00:00:00Z"),
              Instant.parse("2019-04-02T00:00:00Z"),
              false,
              authority.id(),
              "COMPETENT_AUTHORITY"));
      publish(
          new TraffickingStatusChanged(
              List.of(cases.get("W1")), TraffickingStatus.IDENTIFIED, DECIDED_AT));
      publish(
          new TraffickingStatusChanged(
              List.of(cases.get("N1")), TraffickingStatus.NOT_IDENTIFIED, DECIDED_AT));
      // Arriving late, an older status never overwrites the newer one: N1 stays not identified.
      publish(
          new TraffickingStatusChanged(
              List.of(cases.get("N1")), TraffickingStatus.INDICATED, INDICATED_AT));
      // W1: two services, M1: one → 3 services, 2 cases, 1.50 per case.
      service("W1", "MEDICAL_CARE");
      service("W1", "LEGAL_AID");
      service("M1", "MEDICAL_CARE");
    }
    // The indicators answer at once from the read model as it is (issue 12 §3): wait, bounded,
    // until it holds the whole fixture.
    ReadModelAwait.rows(jdbc, "statistics_victim", "case_id", registered);
    ReadModelAwait.rows(
        jdbc, "statistics_decision", "decision_id", List.of(d1, d2, d3, conclusive, notAVictim));
    ReadModelAwait.rows(jdbc, "statistics_referral_step", "referral_id", List.of(r1, r2, r3), 5);
    ReadModelAwait.rows(
        jdbc, "statistics_service", "case_id", List.of(cases.get("W1"), cases.get("M1")), 3);
  }

  void victim(
      String name,
      String gender,
      boolean minor,
      Set<Exploitation> forms,
      String citizenship,
      String migration,
      String protection) {
    UUID id = UUID.randomUUID();
    cases.put(name, id);
    // G1 was registered at 19, exploited from 16: a girl by her age at exploitation.
    boolean adultWhenRegistered = name.equals("G1");
    PersonRegistered e =
        new PersonRegistered(
            id,
            DAY,
            gender,
            adultWhenRegistered ? 19 : minor ? 12 : 30,
            minor && !adultWhenRegistered,
            citizenship,
            "QS",
            forms,
            "SERVICE_PROVIDER",
            true,
            migration,
            protection,
            "PossibleVictimOfTrafficking",
            adultWhenRegistered ? 16 : null,
            adultWhenRegistered ? Boolean.TRUE : null);
    publish(e);
    publish(e);
    // The derived status (cases.TraffickingStatus): a screening indicated trafficking.
    publish(new TraffickingStatusChanged(List.of(id), TraffickingStatus.INDICATED, INDICATED_AT));
  }

  void referral(UUID id, String victim, ReferralStatus status, Instant at, Instant due) {
    publish(
        new ReferralStatusChanged(
            id,
            cases.get(victim),
            UUID.randomUUID(),
            "LAW_ENFORCEMENT",
            receiving.id(),
            "SERVICE_PROVIDER",
            "SHELTER",
            status,
            at,
            due,
            false,
            false));
  }

  void decision(
      UUID id, String victim, String kind, String referred, String decided, boolean late) {
    publish(
        new IdentificationDecided(
            id,
            cases.get(victim),
            kind,
            "PossibleVictimOfTrafficking",
            "NonPoliceGovernmentalOrganization",
            Instant.parse(referred),
            Instant.parse(decided),
            late,
            authority.id(),
            "COMPETENT_AUTHORITY"));
  }

  void service(String victim, String type) {
    publish(
        new ServiceDelivered(
            serviceIds.computeIfAbsent(victim + "|" + type, k -> UUID.randomUUID()),
            cases.get(victim),
            type,
            DAY.plusDays(3),
            provider.id(),
            "SERVICE_PROVIDER"));
  }

  void publish(Object event) {
    if (event instanceof PersonRegistered p) {
      registered.add(p.caseId());
    }
    new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(event));
  }

  static ByteArrayInputStream csv(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  StatTable table(String id, StatisticsAccess.Level level) {
    return indicators.one(id, QS_2019, level, Locale.ENGLISH);
  }

  static Map<String, List<String>> byLabel(StatTable t) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (Row r : t.rows()) {
      rows.put(r.label(), r.cells().stream().map(Cell::text).toList());
    }
    return rows;
  }

  @Test
  void sdg1622FiguresEqualTheHandComputedFixture() {
    Map<String, List<String>> rates =
        byLabel(table(Indicators.SDG_RATES, StatisticsAccess.Level.EXACT));
    assertThat(rates)
        .containsEntry("All detected victims", List.of("8", "400000", "2.00"))
        .containsEntry("Women", List.of("3", "160000", "1.88"))
        .containsEntry("Men", List.of("2", "150000", "1.33"))
        .containsEntry("Girls", List.of("1", "40000", "2.50"))
        .containsEntry("Boys", List.of("1", "50000", "2.00"))
        .containsEntry("Female (women and girls)", List.of("4", "200000", "2.00"))
        .containsEntry("Male (men and boys)", List.of("3", "200000", "1.50"))
        .containsEntry("Children (under 18)", List.of("2", "90000", "2.22"))
        .containsEntry("Adults (18 and over)", List.of("5", "310000", "1.61"))
        .containsEntry("Sexual exploitation", List.of("3", "400000", "0.75"))
        .containsEntry("Forced labour", List.of("2", "400000", "0.50"))
        .containsEntry("Other purposes", List.of("2", "400000", "0.50"))
        .containsEntry("Not recorded", List.of("1", "400000", "0.25"));
    Map<String, List<String>> counts =
        byLabel(table(Indicators.SDG_COUNTS, StatisticsAccess.Level.EXACT));
    // columns: sexual, forced labour, other purposes, not recorded, total
    assertThat(counts)
        .containsEntry("Women", List.of("2", "1", "0", "0", "3"))
        .containsEntry("Men", List.of("0", "1", "1", "0", "2"))
        .containsEntry("Girls", List.of("1", "0", "0", "0", "1"))
        .containsEntry("Boys", List.of("0", "0", "1", "0", "1"))
        .containsEntry("Other or unknown sex or age", List.of("0", "0", "0", "1", "1"))
        .containsEntry("Total", List.of("3", "2", "2", "1", "8"));
  }

  @Test
  void withoutPopulationTheRateIsEmptyAndSaysWhy() {
    StatTable t =
        indicators.one(
            Indicators.SDG_RATES,
            new Indicators.Filter(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31), "QS", null),
            StatisticsAccess.Level.EXACT,
            Locale.ENGLISH);
    assertThat(byLabel(t)).containsEntry("All detected victims", List.of("0", "–", "–"));
    assertThat(t.note()).contains("No population figures for 2018");
  }

  @Test
  void glotipTables() {
    assertThat(byLabel(table(Indicators.CITIZENSHIP, StatisticsAccess.Level.EXACT)))
        .containsExactly(
            Map.entry("QS", List.of("3")),
            Map.entry("QT", List.of("2")),
            Map.entry("QU", List.of("1")),
            Map.entry("Unknown", List.of("2")),
            Map.entry("Total", List.of("8")));
    assertThat(byLabel(table(Indicators.DOMESTIC, StatisticsAccess.Level.EXACT)))
        .containsExactly(
            Map.entry("Domestic", List.of("3")),
            Map.entry("Foreign", List.of("3")),
            Map.entry("Unknown", List.of("2")),
            Map.entry("Total", List.of("8")));
    assertThat(byLabel(table(Indicators.COUNTRY, StatisticsAccess.Level.EXACT)))
        .containsEntry("QS", List.of("8"))
        .doesNotContainKey("QT");
    assertThat(byLabel(table(Indicators.FORMS, StatisticsAccess.Level.EXACT)))
        .containsEntry("Sexual exploitation", List.of("3"))
        .containsEntry("Forced labour", List.of("2"))
        .containsEntry("Forced begging", List.of("1"))
        .containsEntry("Mixed forms", List.of("1"))
        .containsEntry("Not recorded", List.of("1"))
        .containsEntry("Total", List.of("8"));
  }

  @Test
  void migrationAndProtectionStatus() {
    assertThat(byLabel(table(Indicators.MIGRATION, StatisticsAccess.Level.EXACT)))
        .containsEntry("Labour migrant", List.of("1"))
        .containsEntry("Irregular migrant", List.of("1"))
        .containsEntry("Not recorded", List.of("6"));
    assertThat(byLabel(table(Indicators.PROTECTION, StatisticsAccess.Level.EXACT)))
        .containsEntry("Asylum seeker", List.of("1"))
        .containsEntry("Not recorded", List.of("7"));
  }

  @Test
  void referralPerformanceFromPublishedEvents() {
    // received, accepted, declined, overdue (r2 answered late, r3 never answered)
    assertThat(byLabel(table(Indicators.REFERRALS, StatisticsAccess.Level.EXACT)))
        .containsEntry(receiving.name(), List.of("3", "1", "1", "2"));
    // decisions, median days, mean days, late
    assertThat(byLabel(table(Indicators.DECISIONS, StatisticsAccess.Level.EXACT)))
        .containsEntry(authority.name(), List.of("3", "2.5", "2.5", "1"));
    // services, cases served, services per case
    assertThat(byLabel(table(Indicators.SERVICES, StatisticsAccess.Level.EXACT)))
        .containsEntry(provider.name(), List.of("3", "2", "1.50"));
  }

  @Test
  void aggregateViewersSeeNoCountFromOneToNine() {
    for (String id : Indicators.IDS) {
      StatTable t = table(id, StatisticsAccess.Level.SUPPRESSED);
      for (Row r : t.rows()) {
        for (int c = 0; c < r.cells().size(); c++) {
          Cell cell = r.cells().get(c);
          boolean isCount = !(cell.value() instanceof BigDecimal);
          if (isCount
              && cell.value() != null
              && !t.headings().get(c + 1).startsWith("Population")) {
            long v = cell.value().longValue();
            // Not even a zero: it would tell an empty cell from a small one (issue #11 item 7).
            assertThat(v >= 10).as(id + " " + r.label()).isTrue();
          }
        }
      }
    }
    // The three women are never shown as such (x, or a noisy count of 10 or more); the
    // population, which is not personal, is.
    List<String> women =
        byLabel(table(Indicators.SDG_RATES, StatisticsAccess.Level.SUPPRESSED)).get("Women");
    assertThat(women.get(0)).isNotEqualTo("3");
    assertThat(women.get(1)).isEqualTo("160000");
  }

  @Test
  void populationImportWithBadRowsStoresNothing() {
    String bad =
        """
        region,year,sex,age_group,population
        QB,2019,female,child,1000
        QB,20x9,female,adult,1000
        QB,2019,woman,adult,-5
        QB,2019,female,child,2000
        """;
    assertThatThrownBy(() -> populations.importCsv(csv(bad), "bad.csv", "cli"))
        .isInstanceOf(PalermoException.class)
        .hasMessageContaining("3 bad row(s), nothing imported")
        .hasMessageContaining("line 3: year '20x9'")
        .hasMessageContaining("line 4: sex 'woman' must be female, male or total")
        .hasMessageContaining("population '-5' must be a positive whole number")
        .hasMessageContaining("line 5: a second row for QB 2019 female child");
    assertThatThrownBy(
            () -> populations.importCsv(csv("country,year\nQB,2019\n"), "header.csv", "cli"))
        .hasMessageContaining(
            "the first line must be the header region,year,sex,age_group,population");
    long stored =
        jdbc.sql("SELECT count(*) FROM statistics_population WHERE region = 'QB'")
            .query(Long.class)
            .single();
    assertThat(stored).isZero();
  }

  @Test
  void htcdsExportHasTheStandardsColumnsAndPseudonymousIds() throws Exception {
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    htcds.write("cli", TableExport.Format.CSV, first);
    String csv = first.toString(StandardCharsets.UTF_8).replace("\uFEFF", "");
    String[] lines = csv.split("\r\n");
    assertThat(lines[0])
        .isEqualTo(
            "ext_PseudonymousId,ext_RegistrationYear,prs_Gender,ext_AgeBroad,ext_MajorityStatus,"
                + "prs_Citizenship,vic_LocationOfExploitation,vic_TypeOfExploitation,"
                + "vic_TraffickingStatus,vic_TraffickingStatusDecisionMakingOrg,"
                + "ext_TraffickingStatus,ext_MigrationStatus,ext_ProtectionStatus,ext_Synthetic");
    // Every prefixed column is a field of HTCDS Field Standards 2.0 (reference/README.md), read
    // from the repository's copy of the field list ("Field Name including Prefix").
    Set<String> htcdsFields = htcdsFieldNames();
    for (String column : HtcdsExport.COLUMNS) {
      assertThat(column.startsWith("ext_") || htcdsFields.contains(column)).as(column).isTrue();
    }
    for (UUID id : cases.values()) {
      assertThat(csv).doesNotContain(id.toString());
    }
    // W2: sexual exploitation, QT citizen exploited in QS, irregular, asylum seeker; indicated by
    // a screening, no decision: a possible victim.
    assertThat(csv)
        .contains(
            ",2019,Feminine,30--38,Adult,QT,QS,SexualExploitation,PossibleVictimOfTrafficking,,"
                + "INDICATED,IRREGULAR,ASYLUM_SEEKER,true");
    // W1 carries its derived status (conclusive grounds: an actual victim) and the latest
    // decision's organisation.
    assertThat(csv)
        .contains("ActualVictimOfTrafficking,NonPoliceGovernmentalOrganization,IDENTIFIED,LABOUR");
    // R1: a negative reasonable-grounds decision is no HTCDS value, never NotAVictimOfTrafficking;
    // N1, not identified by a conclusive-grounds decision, is.
    assertThat(csv)
        .contains(
            ",2019,Masculine,30--38,Adult,QV,QS,ForcedLabour,,,REASONABLE_GROUNDS_NOT_MET,,,");
    assertThat(csv)
        .contains(
            "NotAVictimOfTrafficking,NonPoliceGovernmentalOrganization,NOT_IDENTIFIED,LABOUR");
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    htcds.write("cli", TableExport.Format.CSV, second);
    List<String> ids = new ArrayList<>();
    for (String line : lines) {
      ids.add(line.split(",")[0]);
    }
    assertThat(second.toString(StandardCharsets.UTF_8)).contains(ids.get(1));
  }

  /** The "Field Name including Prefix" column of reference/htcds-2.0-field-standards.tsv. */
  private static Set<String> htcdsFieldNames() {
    try (java.io.InputStream in =
        StatisticsIndicatorsIT.class.getResourceAsStream(
            "/reference/htcds-2.0-field-standards.tsv")) {
      assertThat(in)
          .as("reference/htcds-2.0-field-standards.tsv on the test classpath")
          .isNotNull();
      List<String> rows = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      List<String> header = List.of(rows.get(0).split("\t", -1));
      int column = header.indexOf("Field Name including Prefix");
      assertThat(column).isNotNegative();
      Set<String> names = new java.util.HashSet<>();
      for (String row : rows.subList(1, rows.size())) {
        String[] cells = row.split("\t", -1);
        if (cells.length > column && !cells[column].isBlank()) {
          names.add(cells[column].strip());
        }
      }
      assertThat(names).contains("prs_Gender", "vic_TraffickingStatus");
      return names;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
