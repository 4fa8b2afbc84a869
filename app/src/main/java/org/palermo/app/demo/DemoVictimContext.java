package org.palermo.app.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.palermo.app.cases.CaseStatus;
import org.palermo.app.cases.MigrationStatus;
import org.palermo.app.cases.PersonRegistered.Exploitation;
import org.palermo.app.cases.ProtectionStatus;
import org.palermo.app.cases.TraffickingStatus;
import org.palermo.app.cases.TraffickingStatuses;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The HTCDS status fields and victim context of the demo persons (DOMAIN.md §2): migration and
 * international-protection status (HTCDS Guidance 7), the forms of exploitation and {@code
 * vic_MethodsOfControl}. Drawn from their own random stream, so the names, ages and cases of a seed
 * stay what they were. Migration and protection status travel with the registration; the victim
 * context is written in one {@code UPDATE} per thousand persons, so that seeding 100,000 cases
 * stays quick.
 */
final class DemoVictimContext {
  static final int CHUNK = 1000;

  private final JdbcClient jdbc;
  private final TraffickingStatuses traffickingStatuses;
  private final SplittableRandom random;
  private final List<String> references = new ArrayList<>();
  private final List<TraffickingStatus> statuses = new ArrayList<>();
  private final List<String> methods = new ArrayList<>();
  private final List<String> exploitations = new ArrayList<>();

  DemoVictimContext(
      JdbcClient jdbc, TraffickingStatuses traffickingStatuses, SplittableRandom random) {
    this.jdbc = jdbc;
    this.traffickingStatuses = traffickingStatuses;
    this.random = random;
  }

  /** Statuses of one person, drawn before registration. */
  record Statuses(MigrationStatus migration, ProtectionStatus protection) {}

  /**
   * Migration status: children often separated or unaccompanied; adults mostly labour or irregular
   * migrants, some vulnerable or stranded; persons exploited in their own country are no migrants.
   * Protection: mostly none, some asylum seekers and refugees, a few stateless persons.
   */
  Statuses statuses(boolean minor, String citizenship, String countryOfExploitation) {
    MigrationStatus migration;
    int m = random.nextInt(100);
    if (citizenship.equals(countryOfExploitation)) {
      migration = m < 85 ? MigrationStatus.NOT_A_MIGRANT : MigrationStatus.RETURNEE;
    } else if (minor) {
      migration =
          m < 45
              ? MigrationStatus.SEPARATED_OR_UNACCOMPANIED_CHILD
              : m < 80 ? MigrationStatus.FAMILY : MigrationStatus.IRREGULAR;
    } else {
      migration =
          m < 35
              ? MigrationStatus.LABOUR
              : m < 60
                  ? MigrationStatus.IRREGULAR
                  : m < 72
                      ? MigrationStatus.VULNERABLE_MIGRANT
                      : m < 80
                          ? MigrationStatus.STRANDED_MIGRANT
                          : m < 88
                              ? MigrationStatus.FORCED_MIGRANT
                              : m < 94
                                  ? MigrationStatus.VISITOR_OR_TOURIST
                                  : MigrationStatus.STUDENT;
    }
    int p = random.nextInt(100);
    ProtectionStatus protection =
        migration == MigrationStatus.NOT_A_MIGRANT
            ? ProtectionStatus.NONE
            : p < 68
                ? ProtectionStatus.NONE
                : p < 86
                    ? ProtectionStatus.ASYLUM_SEEKER
                    : p < 94
                        ? ProtectionStatus.REFUGEE
                        : p < 98
                            ? ProtectionStatus.COMPLEMENTARY_PROTECTION
                            : ProtectionStatus.STATELESS;
    return new Statuses(migration, protection);
  }

  /** Records the victim context of the person whose case is {@code reference}. */
  void add(String reference, TraffickingStatus status, Set<Exploitation> exploitation) {
    references.add(reference);
    statuses.add(status);
    methods.add(literal(methodsOfControl(exploitation)));
    List<String> names = new ArrayList<>();
    exploitation.forEach(e -> names.add(e.name()));
    names.sort(null);
    exploitations.add(literal(names));
    if (references.size() >= CHUNK) {
      flush();
    }
  }

  /**
   * What the person's derived trafficking status will be (the demo records the screening or
   * decision it comes from through {@code cases.TraffickingStatuses}): indicated or reasonable
   * grounds while the case is young, identified once assistance is under way, now and then not
   * identified on a closed case.
   */
  TraffickingStatus traffickingStatus(CaseStatus status) {
    int d = random.nextInt(100);
    return switch (status) {
      case IDENTIFIED ->
          d < 90 ? TraffickingStatus.INDICATED : TraffickingStatus.REASONABLE_GROUNDS;
      case OPEN, ASSESSMENT ->
          d < 55 ? TraffickingStatus.REASONABLE_GROUNDS : TraffickingStatus.IDENTIFIED;
      case SUPPORT_PLAN, SERVICES ->
          d < 15 ? TraffickingStatus.REASONABLE_GROUNDS : TraffickingStatus.IDENTIFIED;
      case CLOSED -> d < 12 ? TraffickingStatus.NOT_IDENTIFIED : TraffickingStatus.IDENTIFIED;
    };
  }

  /** One to three methods of control, the likelier ones after the form of exploitation. */
  private List<String> methodsOfControl(Set<Exploitation> exploitation) {
    String[] common = {
      "FalsePromises", "PsychologicalAbuse", "PhysicalThreats", "ThreatensChildrenFamily"
    };
    String[] labour = {
      "DebtBondage",
      "WithholdsDocuments",
      "TakesEarnings",
      "ExcessiveWorkingHours",
      "RestrictsFinancialAccess",
      "WithholdsNecessities",
      "ThreatsLawEnforcement"
    };
    String[] sexual = {
      "SexualAbuse",
      "PhysicalAbuse",
      "TakesEarnings",
      "PsychoactiveSubstance",
      "WithholdsDocuments",
      "DebtBondage",
      "RestrictsMedicalCare"
    };
    String[] pool =
        exploitation.contains(Exploitation.SEXUAL_EXPLOITATION)
            ? sexual
            : exploitation.contains(Exploitation.FORCED_LABOUR)
                    || exploitation.contains(Exploitation.FORCED_BEGGING)
                    || exploitation.contains(Exploitation.FORCED_CRIMINALITY)
                ? labour
                : common;
    Set<String> out = new TreeSet<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      out.add(
          random.nextInt(4) == 0
              ? common[random.nextInt(common.length)]
              : pool[random.nextInt(pool.length)]);
    }
    return List.copyOf(out);
  }

  /** Writes what was added since the last flush. */
  void flush() {
    if (references.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            UPDATE person p SET control_methods = string_to_array(v.methods, ','),
              exploitation_types = string_to_array(v.exploitation, ',')
            FROM case_file c,
              unnest(?::text[], ?::text[], ?::text[]) AS v(reference, methods, exploitation)
            WHERE c.reference = v.reference AND p.id = c.person_id""")
        .params(array(references), array(methods), array(exploitations))
        .update();
    // What each person's one trafficking status is derived from (issue 13 §1), in one statement.
    traffickingStatuses.synthetic(references, statuses);
    statuses.clear();
    references.clear();
    methods.clear();
    exploitations.clear();
  }

  /** Codes joined by commas: codes never hold one. */
  private static String literal(List<String> codes) {
    return String.join(",", codes);
  }

  /** A PostgreSQL text-array literal of codes and references (letters, digits, - _ ,). */
  private static String array(List<String> values) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append('"').append(values.get(i)).append('"');
    }
    return b.append('}').toString();
  }
}
