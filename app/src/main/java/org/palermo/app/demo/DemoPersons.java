package org.palermo.app.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.cases.CaseRecords;
import org.palermo.app.cases.CaseStatus;
import org.palermo.app.cases.LegalBasis;
import org.palermo.app.cases.PersonRegistered.Exploitation;
import org.palermo.app.cases.TraffickingStatus;
import org.palermo.app.cases.TraffickingStatuses;
import org.palermo.law.Majority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The demo persons and their cases: names in several scripts, GLOTIP-like shares of women, men,
 * girls and boys and of forms of exploitation, children owned by the child-protection service,
 * migration and protection status and the victim context ({@link DemoVictimContext}), and a few
 * open and overdue tasks ({@link DemoTasks}). The same seed gives the same persons.
 */
@Service
class DemoPersons {
  private static final LocalDate EPOCH = DemoSeeder.EPOCH;
  private final CaseRecords cases;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final TraffickingStatuses statuses;

  DemoPersons(CaseRecords cases, JdbcClient jdbc, Clock clock, TraffickingStatuses statuses) {
    this.statuses = statuses;
    this.cases = cases;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Registers {@code count} persons with cases, then the demo tasks; returns how many cases. The
   * statuses, victim context and tasks come from streams of their own ({@code seed}), so that the
   * persons of a seed do not change with them.
   */
  int seed(int count, long seed, SplittableRandom random, Map<String, Agency> agencies) {
    DemoVictimContext context =
        new DemoVictimContext(jdbc, statuses, new SplittableRandom(seed ^ 0x48544344L));
    int made = persons(count, random, agencies, context, new SplittableRandom(seed ^ 0x52454653L));
    DemoTasks.record(jdbc, EPOCH, LocalDate.now(clock), new SplittableRandom(seed ^ 0x7461736BL));
    return made;
  }

  private int persons(
      int count,
      SplittableRandom random,
      Map<String, Agency> agencies,
      DemoVictimContext context,
      SplittableRandom references) {
    List<Agency> owners =
        agencies.values().stream()
            .filter(
                a ->
                    a.type() == AgencyType.SERVICE_PROVIDER
                        || a.type() == AgencyType.CHILD_PROTECTION
                        || a.type() == AgencyType.COMPETENT_AUTHORITY)
            .toList();
    Agency childProtection = agencies.get("Demo Harbour City Child Protection Service");
    CaseStatus[] statuses = CaseStatus.values();
    String[] citizenships = {"XA", "XA", "XA", "XB", "XB", "XD", "XE"};
    for (int i = 0; i < count; i++) {
      DemoNames.NameSet set = DemoNames.SETS.get(random.nextInt(DemoNames.SETS.size()));
      // GLOTIP 2024 shares of detected victims: women 39%, men 23%, girls 22%, boys 16%.
      int group = random.nextInt(100);
      boolean minor = group >= 62;
      boolean female = group < 39 || (minor && group < 84);
      String given = DemoNames.pick(female ? set.female() : set.male(), random);
      String family = DemoNames.pick(set.family(), random);
      int age = minor ? 6 + random.nextInt(12) : Majority.AGE + random.nextInt(40);
      LocalDate opened = EPOCH.minusDays(random.nextInt(900));
      LocalDate birth = opened.minusYears(age).minusDays(random.nextInt(365));
      Agency owner = minor ? childProtection : owners.get(random.nextInt(owners.size()));
      boolean estimated = random.nextInt(100) < 30;
      String citizenship = citizenships[random.nextInt(citizenships.length)];
      String language = set.languages().get(random.nextInt(set.languages().size()));
      LegalBasis basis = LegalBasis.values()[random.nextInt(LegalBasis.values().length)];
      CaseStatus status = statuses[random.nextInt(statuses.length)];
      Set<Exploitation> exploitation = exploitation(female, minor, random);
      String countryOfExploitation = countryOfExploitation(random);
      DemoVictimContext.Statuses htcds =
          context.statuses(minor, citizenship, countryOfExploitation);
      // Drawn before registration (the context's stream, in the order it always drew them); the
      // status is recorded as evidence at the flush (cases.TraffickingStatuses.synthetic).
      TraffickingStatus trafficking = context.traffickingStatus(status);
      String reference =
          cases.register(
              new CaseRecords.NewPersonCase(
                  given,
                  family,
                  birth,
                  estimated,
                  female ? "Feminine" : "Masculine",
                  List.of(citizenship),
                  List.of(language),
                  basis,
                  "Synthetic demo record: protection and assistance",
                  owner.id(),
                  status,
                  opened.atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
                  true,
                  countryOfExploitation,
                  exploitation,
                  htcds.migration(),
                  htcds.protection(),
                  null),
              // References from a stream of the seed's own: the same seed gives the same demo.
              references);
      context.add(reference, trafficking, exploitation);
    }
    context.flush();
    awaitEventDelivery(count);
    return count;
  }

  /**
   * Waits until the events of the registered cases have reached their listeners (Spring Modulith
   * delivers them asynchronously after each commit), so that a command-line run does not end before
   * the read models hold every case. Publications still pending after the time limit are
   * republished on the next start.
   */
  private void awaitEventDelivery(int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).plusMillis(20L * count).toNanos();
    try {
      while (inFlight() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Publications in Spring Modulith's registry (V1__platform) not yet handled by a listener. */
  private long inFlight() {
    return jdbc.sql(
            "SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
                + " AND (status IS NULL OR status IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED'))")
        .query(Long.class)
        .single();
  }

  /**
   * Outcomes of the exploitation draw, weighted per group (women, girls, men, boys) after the
   * GLOTIP pattern: sexual exploitation dominates for women and girls, forced labour for men, and
   * forced criminality, begging and marriage make up the "other purposes".
   */
  private static final List<Set<Exploitation>> OUTCOMES =
      List.of(
          Set.of(Exploitation.SEXUAL_EXPLOITATION),
          Set.of(Exploitation.FORCED_LABOUR),
          Set.of(Exploitation.SEXUAL_EXPLOITATION, Exploitation.FORCED_LABOUR),
          Set.of(Exploitation.FORCED_MARRIAGE),
          Set.of(Exploitation.FORCED_CRIMINALITY),
          Set.of(Exploitation.FORCED_BEGGING),
          Set.of(Exploitation.OTHER),
          Set.of());

  private static final int[][] OUTCOME_WEIGHTS = {
    {62, 22, 3, 4, 3, 1, 3, 2}, // women
    {58, 14, 2, 8, 6, 6, 3, 3}, // girls
    {4, 68, 1, 0, 14, 3, 7, 3}, // men
    {10, 40, 1, 0, 20, 15, 10, 4} // boys
  };

  private static Set<Exploitation> exploitation(
      boolean female, boolean minor, SplittableRandom random) {
    int[] weights = OUTCOME_WEIGHTS[(female ? 0 : 2) + (minor ? 1 : 0)];
    int draw = random.nextInt(100);
    for (int i = 0; i < weights.length; i++) {
      draw -= weights[i];
      if (draw < 0) {
        return OUTCOMES.get(i);
      }
    }
    return Set.of();
  }

  /** Mostly Corvania (XC), the end of the fictional route; sometimes not recorded. */
  private static String countryOfExploitation(SplittableRandom random) {
    int draw = random.nextInt(100);
    return draw < 72 ? "XC" : draw < 86 ? "XB" : draw < 94 ? "XA" : null;
  }
}
