package org.palermo.app.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.palermo.app.referral.ReferralStatus;
import org.palermo.app.referral.ReferralStatusChanged;
import org.palermo.privacy.table.AggregateView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each family of indicator tables counts in PostgreSQL: known rows of the read model (fed by the
 * events, in region {@code QF}, which no other test uses, in 2021) and the exact counts each
 * family's query must give, worked out by hand below.
 *
 * <pre>
 *   victim  sex            age      forms                       citizenship  migration
 *   A       Feminine       adult    sexual                      QF           -
 *   B       Masculine      child    forced labour, child labour QZ           IRREGULAR
 *   C       Masculine      adult    sexual, organ removal       -            IRREGULAR
 *   D       NonConforming  adult    -                           QZ           -
 *   E       Feminine       unknown  servitude                   -            NOT_A_STATUS
 *   F       Feminine       adult    sexual                      QF           (not identified)
 * </pre>
 *
 * F is not a detected victim and is counted nowhere. SDG table (rows women, men, girls, boys,
 * other; columns sexual, labour, other purposes, not recorded): A women/sexual; B boys/labour (two
 * labour forms are still labour); C men/other (sexual with another form); D other/not recorded
 * (neither female nor male); E other/other (age unknown; servitude is an other purpose).
 */
@PalermoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorFamiliesIT {
  static final String REGION = "QF";
  static final LocalDate DAY = LocalDate.of(2021, 5, 10);
  static final Instant T0 = Instant.parse("2021-05-10T08:00:00Z");
  static final Indicators.Filter QF_2021 =
      new Indicators.Filter(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), REGION, null);

  @Autowired VictimCountStore victims;
  @Autowired ReferralIndicators referrals;
  @Autowired DecisionIndicators decisions;
  @Autowired ServiceIndicators services;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactions;
  @Autowired JdbcClient jdbc;
  @Autowired TestAccounts accounts;
  @Autowired MessageSource messages;

  final Map<String, UUID> cases = new LinkedHashMap<>();
  Agency receiving;
  Agency authority;
  Agency p1;
  Agency p2;

  @BeforeAll
  void fixture() {
    victim("A", "Feminine", false, Set.of(Exploitation.SEXUAL_EXPLOITATION), REGION, null);
    victim(
        "B",
        "Masculine",
        true,
        Set.of(Exploitation.FORCED_LABOUR, Exploitation.CHILD_LABOUR),
        "QZ",
        "IRREGULAR");
    victim(
        "C",
        "Masculine",
        false,
        Set.of(Exploitation.SEXUAL_EXPLOITATION, Exploitation.ORGAN_REMOVAL),
        null,
        "IRREGULAR");
    victim("D", "NonConforming", false, Set.of(), "QZ", null);
    victim("E", "Feminine", null, Set.of(Exploitation.SERVITUDE), null, "NOT_A_STATUS");
    victim("F", "Feminine", false, Set.of(Exploitation.SEXUAL_EXPLOITATION), REGION, null);
    publish(
        new TraffickingStatusChanged(
            List.of(cases.get("F")), TraffickingStatus.NOT_IDENTIFIED, T0.plusSeconds(60)));

    receiving = accounts.agency(AgencyType.SERVICE_PROVIDER);
    authority = accounts.agency(AgencyType.COMPETENT_AUTHORITY);
    p1 = accounts.agency(AgencyType.SERVICE_PROVIDER);
    p2 = accounts.agency(AgencyType.SERVICE_PROVIDER);

    // Referrals to one agency, counted with now = T0 + 2 days:
    // r1 due T0+3d, accepted at T0+4d: accepted, overdue (answered late);
    // r2 due T0+1d, declined at T0+12h: declined, on time;
    // r3 due T0+1d, still pending at now: overdue;
    // r4 first sent in 2020: outside the period, counted nowhere.
    UUID r1 = UUID.randomUUID();
    UUID r2 = UUID.randomUUID();
    UUID r3 = UUID.randomUUID();
    UUID r4 = UUID.randomUUID();
    referral(r1, "A", ReferralStatus.PENDING, T0, T0.plus(Duration.ofDays(3)));
    referral(r1, "A", ReferralStatus.ACCEPTED, T0.plus(Duration.ofDays(4)), null);
    referral(r2, "B", ReferralStatus.PENDING, T0, T0.plus(Duration.ofDays(1)));
    referral(r2, "B", ReferralStatus.DECLINED, T0.plus(Duration.ofHours(12)), null);
    referral(r3, "C", ReferralStatus.PENDING, T0, T0.plus(Duration.ofDays(1)));
    Instant lastYear = Instant.parse("2020-12-30T08:00:00Z");
    referral(r4, "D", ReferralStatus.PENDING, lastYear, lastYear.plus(Duration.ofDays(1)));
    referral(r4, "D", ReferralStatus.ACCEPTED, T0, null);

    // Reasonable-grounds decisions: 1 day, 1.5 days, 3 days and a minute (3.0), 10.5 days;
    // sorted 1.0, 1.5, 3.0, 10.5: median (1.5 + 3.0) / 2 = 2.25 → 2.3, mean 16.0 / 4 = 4.0; one
    // late. Not counted: a conclusive decision, one with no referral time, one decided in 2022.
    List<UUID> ds = new ArrayList<>();
    ds.add(decision("A", "REASONABLE_GROUNDS", T0, T0.plus(Duration.ofDays(1)), false));
    ds.add(decision("B", "REASONABLE_GROUNDS", T0, T0.plus(Duration.ofHours(36)), false));
    ds.add(
        decision("C", "REASONABLE_GROUNDS", T0, T0.plus(Duration.ofDays(3).plusMinutes(1)), true));
    ds.add(decision("D", "REASONABLE_GROUNDS", T0, T0.plus(Duration.ofHours(252)), false));
    ds.add(decision("A", "CONCLUSIVE_GROUNDS", T0, T0.plus(Duration.ofDays(50)), false));
    ds.add(decision("E", "REASONABLE_GROUNDS", null, T0.plus(Duration.ofDays(2)), false));
    ds.add(decision("E", "REASONABLE_GROUNDS", T0, Instant.parse("2022-01-02T00:00:00Z"), false));

    // Services: A twice by p1 (same type, same day, two services) and once by p2; B once by p2.
    // p1: 2 services, 1 case; p2: 2 services, 2 cases; in all 4 services for 2 distinct cases.
    List<UUID> served = List.of(cases.get("A"), cases.get("B"));
    service("A", p1);
    service("A", p1);
    service("A", p2);
    service("B", p2);

    ReadModelAwait.rows(jdbc, "statistics_victim", "case_id", cases.values());
    ReadModelAwait.rows(
        jdbc, "statistics_trafficking_status", "case_id", cases.values(), cases.size());
    ReadModelAwait.rows(
        jdbc, "statistics_referral_step", "referral_id", List.of(r1, r2, r3, r4), 7);
    ReadModelAwait.rows(jdbc, "statistics_decision", "decision_id", ds);
    ReadModelAwait.rows(jdbc, "statistics_service", "case_id", served, 4);
    // F's later status has arrived too.
    org.awaitility.Awaitility.await()
        .atMost(ReadModelAwait.BOUND)
        .until(
            () ->
                "NOT_IDENTIFIED"
                    .equals(
                        jdbc.sql(
                                "SELECT status FROM statistics_trafficking_status WHERE case_id = ?")
                            .param(cases.get("F"))
                            .query(String.class)
                            .single()));
  }

  @Test
  void victimsAreCountedAlongEveryDimensionInOneScan() {
    VictimCounts c = victims.count(QF_2021);

    assertThat(c.sexAgeByForm())
        .isDeepEqualTo(
            new long[][] {
              {1, 0, 0, 0}, // women: A
              {0, 0, 1, 0}, // men: C
              {0, 0, 0, 0}, // girls
              {0, 1, 0, 0}, // boys: B
              {0, 0, 1, 1} // other or unknown: E, D
            });
    assertThat(c.citizenship()).isEqualTo(map(REGION, 1L, "QZ", 2L, null, 2L));
    assertThat(c.origin()).isEqualTo(map("domestic", 1L, "foreign", 2L, "unknown", 2L));
    assertThat(c.forms())
        .isEqualTo(map("SexualExploitation", 1L, "mixed", 2L, "notRecorded", 1L, "Servitude", 1L));
    assertThat(c.migration()).isEqualTo(map("IRREGULAR", 2L, "NOT_A_STATUS", 1L, null, 2L));
    assertThat(c.country()).isEqualTo(map(REGION, 5L));
  }

  @Test
  void referralsAreCountedPerReferralFromTheirSteps() {
    Map<String, long[]> byAgency = referrals.counts(QF_2021, exact(), T0.plus(Duration.ofDays(2)));

    assertThat(byAgency).containsOnlyKeys(receiving.name());
    assertThat(byAgency.get(receiving.name())).containsExactly(3, 1, 1, 2);
  }

  @Test
  void decisionTimesAreTheMedianAndMeanOfTheRoundedDays() {
    Map<String, DecisionIndicators.Agency> byAgency = decisions.counts(QF_2021, exact());

    assertThat(byAgency).containsOnlyKeys(authority.name());
    DecisionIndicators.Agency a = byAgency.get(authority.name());
    assertThat(a.decisions()).isEqualTo(4);
    assertThat(a.medianDays()).isEqualByComparingTo("2.3");
    assertThat(a.meanDays()).isEqualByComparingTo("4.0");
    assertThat(a.late()).isEqualTo(1);
  }

  @Test
  void servicesCountDistinctCasesPerAgencyAndInTotal() {
    Map<String, long[]> byAgency = services.counts(QF_2021, exact());

    assertThat(byAgency.get(p1.name())).containsExactly(2, 1);
    assertThat(byAgency.get(p2.name())).containsExactly(2, 2);
    assertThat(byAgency.get(null)).as("total: A and B once each").containsExactly(4, 2);
    assertThat(byAgency).hasSize(3);
  }

  @Test
  void anAggregateOnlyUserSeesAgencyTypesNeverNames() {
    Publication aggregate =
        new Publication(
            StatisticsAccess.Level.SUPPRESSED,
            new Publication.Text(messages, Locale.ENGLISH),
            AggregateView.withMinPopulation(20),
            Publication.Noise.NONE,
            Map.of());

    Map<String, long[]> byAgency = services.counts(QF_2021, aggregate);

    String providers = messages.getMessage("agencyType.SERVICE_PROVIDER", null, Locale.ENGLISH);
    assertThat(byAgency.get(providers)).as("p1 and p2 together").containsExactly(4, 2);
    assertThat(byAgency.keySet()).doesNotContain(p1.name(), p2.name());
  }

  Publication exact() {
    Map<UUID, String> names = new LinkedHashMap<>();
    for (Agency a : List.of(receiving, authority, p1, p2)) {
      names.put(a.id(), a.name());
    }
    return new Publication(
        StatisticsAccess.Level.EXACT,
        new Publication.Text(messages, Locale.ENGLISH),
        AggregateView.withMinPopulation(20),
        Publication.Noise.NONE,
        names);
  }

  static Map<String, Long> map(Object... kv) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], (Long) kv[i + 1]);
    }
    return m;
  }

  void victim(
      String name,
      String gender,
      Boolean minor,
      Set<Exploitation> forms,
      String citizenship,
      String migration) {
    UUID id = UUID.randomUUID();
    cases.put(name, id);
    publish(
        new PersonRegistered(
            id,
            DAY,
            gender,
            minor == null ? null : minor ? 12 : 30,
            minor,
            citizenship,
            REGION,
            forms,
            "SERVICE_PROVIDER",
            true,
            migration,
            null));
    publish(new TraffickingStatusChanged(List.of(id), TraffickingStatus.INDICATED, T0));
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

  UUID decision(String victim, String kind, Instant referred, Instant decided, boolean late) {
    UUID id = UUID.randomUUID();
    publish(
        new IdentificationDecided(
            id,
            cases.get(victim),
            kind,
            "PossibleVictimOfTrafficking",
            "NonPoliceGovernmentalOrganization",
            referred,
            decided,
            late,
            authority.id(),
            "COMPETENT_AUTHORITY"));
    return id;
  }

  void service(String victim, Agency provider) {
    publish(
        new ServiceDelivered(
            UUID.randomUUID(),
            cases.get(victim),
            "MEDICAL_CARE",
            DAY.plusDays(3),
            provider.id(),
            "SERVICE_PROVIDER"));
  }

  void publish(Object event) {
    new TransactionTemplate(transactions).executeWithoutResult(s -> events.publishEvent(event));
  }
}
