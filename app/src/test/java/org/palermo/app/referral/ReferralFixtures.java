package org.palermo.app.referral;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.Agency;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Role;
import org.palermo.app.cases.CaseRecords;
import org.palermo.app.cases.CaseStatus;
import org.palermo.app.cases.LegalBasis;
import org.palermo.app.cases.MigrationStatus;
import org.palermo.app.directory.DirectoryRecords;
import org.palermo.app.directory.ServiceType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Builds cases, services and users for referral and protection tests, in the shared database. */
@Component
public class ReferralFixtures {
  private final CaseRecords records;
  private final DirectoryRecords directory;
  private final TestAccounts accounts;
  private final JdbcClient jdbc;

  ReferralFixtures(
      CaseRecords records, DirectoryRecords directory, TestAccounts accounts, JdbcClient jdbc) {
    this.records = records;
    this.directory = directory;
    this.accounts = accounts;
    this.jdbc = jdbc;
  }

  /** A user with a principal, as the services see them, and an API token. */
  public record Actor(TestUser user, PalermoPrincipal principal, String token) {
    public Agency agency() {
      return user.agency();
    }

    public String bearer() {
      return "Bearer " + token;
    }
  }

  public Actor actor(Agency agency, Role... roles) {
    TestUser u = accounts.user(agency, roles);
    EnumSet<Role> set = EnumSet.noneOf(Role.class);
    set.addAll(List.of(roles));
    PalermoPrincipal p =
        new PalermoPrincipal(
            u.id(),
            u.username(),
            "Test " + u.username(),
            agency.id(),
            agency.name(),
            agency.type(),
            set);
    return new Actor(u, p, accounts.token(u));
  }

  /** A case of an adult who speaks {@code languages}. */
  public UUID adultCase(Agency owner, String... languages) {
    return register(owner, LocalDate.of(1990, 5, 1), null, languages);
  }

  /** A case of a child, unaccompanied or not. */
  public UUID childCase(Agency owner, boolean unaccompanied) {
    return register(
        owner,
        LocalDate.now().minusYears(15),
        unaccompanied ? MigrationStatus.SEPARATED_OR_UNACCOMPANIED_CHILD : MigrationStatus.FAMILY,
        "fr");
  }

  /**
   * A case of a person whose age is disputed: the recorded birth date makes them 20, but they may
   * be under 18 (CoE Convention art. 10(3)).
   */
  public UUID disputedAgeCase(Agency owner) {
    UUID caseId = register(owner, LocalDate.now().minusYears(20), MigrationStatus.FAMILY, "fr");
    jdbc.sql(
            "UPDATE person SET age_disputed = TRUE"
                + " WHERE id = (SELECT person_id FROM case_file WHERE id = ?)")
        .param(caseId)
        .update();
    return caseId;
  }

  UUID register(Agency owner, LocalDate birth, MigrationStatus migration, String... languages) {
    String reference =
        records.register(
            new CaseRecords.NewPersonCase(
                "Amina",
                "Testperson",
                birth,
                false,
                "Feminine",
                List.of("XA"),
                List.of(languages),
                LegalBasis.CONSENT,
                "assistance",
                owner.id(),
                CaseStatus.OPEN,
                Instant.now(),
                true,
                null,
                null,
                migration,
                null));
    return jdbc.sql("SELECT id FROM case_file WHERE reference = ?")
        .param(reference)
        .query(UUID.class)
        .single();
  }

  /** An active service of {@code type} run by {@code agency}; returns the service id. */
  public UUID service(
      Agency agency,
      String name,
      ServiceType type,
      List<String> languages,
      double lat,
      double lon) {
    UUID org =
        directory.addOrganisation(
            agency == null ? null : agency.id(),
            name,
            "test organisation",
            new DirectoryRecords.NewLocation(
                name + " site",
                "Harbour City",
                "XC",
                BigDecimal.valueOf(lat),
                BigDecimal.valueOf(lon)),
            List.of(new DirectoryRecords.NewService(name, "test service", type, languages)));
    return jdbc.sql("SELECT id FROM directory_service WHERE organization_id = ?")
        .param(org)
        .query(UUID.class)
        .single();
  }

  public UUID personOf(UUID caseId) {
    return jdbc.sql("SELECT person_id FROM case_file WHERE id = ?")
        .param(caseId)
        .query(UUID.class)
        .single();
  }

  public UUID owner(UUID caseId) {
    return jdbc.sql("SELECT owner_agency_id FROM case_file WHERE id = ?")
        .param(caseId)
        .query(UUID.class)
        .single();
  }

  public List<String> timeline(UUID caseId) {
    return jdbc.sql("SELECT kind FROM case_timeline WHERE case_id = ? ORDER BY at, id")
        .param(caseId)
        .query(String.class)
        .list();
  }

  public long audits(String action, UUID caseId, String outcome) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_event WHERE action = ? AND target = ? AND outcome = ?")
        .params(action, "case:" + caseId, outcome)
        .query(Long.class)
        .single();
  }

  /** Records the person's international protection status (asylum seeker, refugee, ...). */
  public void protectionStatus(UUID caseId, String status) {
    jdbc.sql(
            "UPDATE person SET protection_status = ?"
                + " WHERE id = (SELECT person_id FROM case_file WHERE id = ?)")
        .params(status, caseId)
        .update();
  }

  public long referrals(UUID caseId) {
    return jdbc.sql("SELECT count(*) FROM referral WHERE case_id = ?")
        .param(caseId)
        .query(Long.class)
        .single();
  }

  /** A consent JSON body member recorded an hour ago. */
  public static String consentJson() {
    return """
        "consent": {"givenBy": "THE_PERSON", "givenAt": "%s", "informedHow": "ORALLY_AND_IN_WRITING",
          "interpreterUsed": true}"""
        .formatted(Instant.now().minusSeconds(3600));
  }
}
