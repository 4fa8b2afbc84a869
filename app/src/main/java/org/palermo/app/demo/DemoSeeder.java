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
import java.util.SplittableRandom;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.directory.DirectoryRecords;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.InstanceSettings;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.PalermoProperties;
import org.palermo.app.platform.crypto.PlaintextSealing;
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
  private final DemoPersons persons;
  private final DirectoryRecords directory;
  private final DemoDirectory demoDirectory;
  private final InstanceSettings settings;
  private final PalermoProperties properties;
  private final JsonMapper json;
  private final JdbcClient jdbc;
  private final DemoReferrals demoReferrals;
  private final DemoStatistics statistics;
  private final DemoSecurity security;
  private final PlaintextSealing sealing;
  private final SecureRandom secrets = new SecureRandom();

  DemoSeeder(
      Accounts accounts,
      DemoPersons persons,
      DirectoryRecords directory,
      DemoDirectory demoDirectory,
      InstanceSettings settings,
      PalermoProperties properties,
      JsonMapper json,
      JdbcClient jdbc,
      DemoReferrals demoReferrals,
      DemoStatistics statistics,
      DemoSecurity security,
      PlaintextSealing sealing) {
    this.sealing = sealing;
    this.accounts = accounts;
    this.persons = persons;
    this.directory = directory;
    this.demoDirectory = demoDirectory;
    this.settings = settings;
    this.properties = properties;
    this.json = json;
    this.jdbc = jdbc;
    this.demoReferrals = demoReferrals;
    this.statistics = statistics;
    this.security = security;
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
    int made = persons.seed(caseCount, seed, random, agencies);
    demoReferrals.seed(agencies, new SplittableRandom(seed));
    DemoCare.record(jdbc, EPOCH);
    statistics.seed();
    security.seed();
    sealing.sealAll(); // the free text written straight to the tables above (V17)
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
      String password = password(secrets, d.username());
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

  /**
   * A random password that does not contain the username, which the account rules refuse (a random
   * "dpo" or "admin" inside the 16 characters is rare, but it happened).
   */
  static String password(java.util.Random random, String username) {
    String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    while (true) {
      StringBuilder b = new StringBuilder("demo-");
      for (int i = 0; i < 16; i++) {
        b.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (Accounts.acceptablePassword(b.toString().toCharArray(), username)) {
        return b.toString();
      }
    }
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
