package org.palermo.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.cases.CaseRecords;
import org.palermo.app.cases.CaseStatus;
import org.palermo.app.cases.LegalBasis;
import org.palermo.app.cases.PersonRegistered.Exploitation;
import org.palermo.app.directory.DirectoryRecords;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.InstanceSettings;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.PalermoProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills an empty instance with clearly synthetic data and writes the demo credentials to {@code
 * <data-dir>/demo-credentials.json} (mode 600). Agencies, services, persons and cases depend only
 * on the seed; passwords and tokens are random every time.
 */
@Service
public class DemoSeeder {
  static final String ACTOR = "demo-seed";

  /** Demo dates count back from this fixed day, so the same seed gives the same data. */
  static final LocalDate EPOCH = LocalDate.of(2026, 6, 30);

  private final Accounts accounts;
  private final CaseRecords cases;
  private final DirectoryRecords directory;
  private final DemoDirectory demoDirectory;
  private final InstanceSettings settings;
  private final PalermoProperties properties;
  private final JsonMapper json;
  private final JdbcClient jdbc;
  private final SecureRandom secrets = new SecureRandom();

  DemoSeeder(
      Accounts accounts,
      CaseRecords cases,
      DirectoryRecords directory,
      DemoDirectory demoDirectory,
      InstanceSettings settings,
      PalermoProperties properties,
      JsonMapper json,
      JdbcClient jdbc) {
    this.accounts = accounts;
    this.cases = cases;
    this.directory = directory;
    this.demoDirectory = demoDirectory;
    this.settings = settings;
    this.properties = properties;
    this.json = json;
    this.jdbc = jdbc;
  }

  /** What seeding produced. */
  public record Result(Path credentials, int users, int cases, long services) {}

  /** One line of demo-credentials.json. */
  record Credential(
      String username,
      String password,
      String apiToken,
      String role,
      String agency,
      String agencyType) {}

  /** Seeds an empty instance; refuses one that already has accounts. */
  public Result seed(int caseCount, long seed) {
    if (caseCount < 0 || caseCount > 1_000_000) {
      throw new PalermoException(ErrorCode.VALIDATION_FAILED, "--cases must be 0 to 1000000.");
    }
    if (accounts.hasUsers()) {
      throw new PalermoException(
          ErrorCode.CONFLICT,
          "The data directory is not empty; demo data goes only into an empty one.");
    }
    settings.put(InstanceSettings.MODE, InstanceSettings.DEMO);
    SplittableRandom random = new SplittableRandom(seed);
    Map<String, Agency> agencies = agencies();
    demoDirectory.seed(agencies);
    List<Credential> credentials = users(agencies);
    int made = persons(caseCount, random, agencies);
    Path file = writeCredentials(credentials);
    return new Result(file, credentials.size(), made, directory.countServices());
  }

  private Map<String, Agency> agencies() {
    Map<String, Agency> byName = new LinkedHashMap<>();
    Map<AgencyType, String> core = new EnumMap<>(AgencyType.class);
    core.put(AgencyType.COORDINATION, "Demo National Referral Coordination Office");
    core.put(AgencyType.COMPETENT_AUTHORITY, "Demo Identification Authority of Corvania");
    core.put(AgencyType.LAW_ENFORCEMENT, "Demo Corvania Police Anti-Trafficking Unit");
    core.put(AgencyType.IMMIGRATION_ENFORCEMENT, "Demo Corvania Border and Immigration Service");
    core.put(AgencyType.LABOUR_INSPECTION, "Demo Corvania Labour Inspectorate");
    core.put(AgencyType.CONSULATE, "Demo Consulate of Ardenia in Harbour City");
    core.put(AgencyType.STATISTICS_OFFICE, "Demo Corvania Statistics Office");
    core.forEach((type, name) -> byName.put(name, add(name, type, "XC")));
    for (DemoRoute.Provider p : DemoRoute.PROVIDERS) {
      byName.put(p.name(), add(p.name(), p.type(), p.stop().country()));
    }
    return byName;
  }

  private Agency add(String name, AgencyType type, String country) {
    return accounts.addAgency(name, type, country, ACTOR);
  }

  private List<Credential> users(Map<String, Agency> agencies) {
    record Demo(String username, Role role, String agency) {}
    List<Demo> demo =
        List.of(
            new Demo("admin", Role.ADMIN, "Demo National Referral Coordination Office"),
            new Demo(
                "coordinator",
                Role.NATIONAL_COORDINATOR,
                "Demo National Referral Coordination Office"),
            new Demo(
                "dpo", Role.DATA_PROTECTION_OFFICER, "Demo National Referral Coordination Office"),
            new Demo("caseworker", Role.CASEWORKER, "Demo Harbour City Recovery Shelter"),
            new Demo("supervisor", Role.CASE_SUPERVISOR, "Demo Harbour City Recovery Shelter"),
            new Demo("caseworker.valmont", Role.CASEWORKER, "Demo Valmont Women's Shelter"),
            new Demo(
                "child.officer",
                Role.CHILD_PROTECTION_OFFICER,
                "Demo Harbour City Child Protection Service"),
            new Demo(
                "authority",
                Role.COMPETENT_AUTHORITY_OFFICER,
                "Demo Identification Authority of Corvania"),
            new Demo("frontline.ketra", Role.FRONTLINE_OFFICER, "Demo Ketra Migrant Support Point"),
            new Demo(
                "labour.inspector", Role.FRONTLINE_OFFICER, "Demo Corvania Labour Inspectorate"),
            new Demo(
                "consular.officer",
                Role.FRONTLINE_OFFICER,
                "Demo Consulate of Ardenia in Harbour City"),
            new Demo("statistician", Role.STATISTICIAN, "Demo Corvania Statistics Office"),
            new Demo(
                "investigator", Role.INVESTIGATOR, "Demo Corvania Police Anti-Trafficking Unit"),
            new Demo(
                "immigration.officer",
                Role.FRONTLINE_OFFICER,
                "Demo Corvania Border and Immigration Service"));
    List<Credential> out = new ArrayList<>();
    for (Demo d : demo) {
      Agency agency = agencies.get(d.agency());
      String password = password();
      accounts.addUser(
          new Accounts.NewUser(
              d.username(),
              "Demo " + d.username(),
              agency.id(),
              EnumSet.of(d.role()),
              password.toCharArray()),
          ACTOR);
      String token =
          accounts.issueToken(d.username(), "demo", Duration.ofDays(365), ACTOR).secret();
      out.add(
          new Credential(
              d.username(), password, token, d.role().name(), agency.name(), agency.type().name()));
    }
    return out;
  }

  private String password() {
    String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    StringBuilder b = new StringBuilder("demo-");
    for (int i = 0; i < 16; i++) {
      b.append(alphabet.charAt(secrets.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private int persons(int count, SplittableRandom random, Map<String, Agency> agencies) {
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
      int age = minor ? 6 + random.nextInt(12) : 18 + random.nextInt(40);
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
              null,
              null));
    }
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

  private Path writeCredentials(List<Credential> credentials) {
    Path file = properties.dataDir().resolve("demo-credentials.json");
    try {
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(
          file,
          json.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("users", credentials)),
          StandardOpenOption.TRUNCATE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }
}
