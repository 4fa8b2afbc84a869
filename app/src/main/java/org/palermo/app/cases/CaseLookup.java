package org.palermo.app.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.InternationalProtection;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.crypto.FieldCipher;
import org.palermo.law.Majority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds one case of the user's own agency by its reference, for other modules that link records to
 * a case (audited), and answers what other modules' rules need to know about a case and its person
 * ({@link #facts}, {@link #person}, {@link #references}): their one way to the case and person
 * tables (issue 12 §2). Read-only.
 */
@Service
public class CaseLookup implements InternationalProtection {
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;
  private final FieldCipher cipher;
  private final AccessPolicy policy;

  CaseLookup(
      JdbcClient jdbc, AuditLog audit, Clock clock, FieldCipher cipher, AccessPolicy policy) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.cipher = cipher;
    this.policy = policy;
  }

  /** A case as other modules see it. */
  public record CaseRef(UUID id, String reference, CaseStatus status) {}

  /**
   * What other modules need to know about a case to apply their rules, without the person's
   * identity: who owns it, where it stands, and whether the person is treated as a child (under 18
   * today, or age disputed and not yet assessed: Palermo Protocol art. 3(d); CRC GC 6 §31).
   */
  public record CaseFacts(
      UUID id,
      String reference,
      UUID personId,
      UUID ownerAgencyId,
      CaseStatus status,
      boolean child,
      boolean ageDisputed) {}

  /**
   * The facts of one case, unaudited and unchecked: for rules inside other modules (the referral
   * module's consent check, for instance), never to be shown to a user without asking the access
   * policy first.
   */
  public Optional<CaseFacts> facts(UUID caseId) {
    LocalDate today = LocalDate.now(clock);
    return jdbc.sql(
            """
            SELECT c.id, c.reference, c.person_id, c.owner_agency_id, c.status, p.birth_date,
              p.birth_date_sealed, p.age_disputed"""
                + PERSON_OF_CASE)
        .param(caseId)
        .query(
            (rs, n) -> {
              UUID personId = rs.getObject("person_id", UUID.class);
              LocalDate birth = birthDate(rs, personId);
              boolean disputed = rs.getBoolean("age_disputed");
              boolean minor = Majority.isChildOn(birth, today);
              return new CaseFacts(
                  rs.getObject("id", UUID.class),
                  rs.getString("reference"),
                  personId,
                  rs.getObject("owner_agency_id", UUID.class),
                  CaseStatus.valueOf(rs.getString("status")),
                  minor || disputed,
                  disputed);
            })
        .optional();
  }

  /** The case and its person, joined: what {@link #facts} and {@link #eligibility} read from. */
  private static final String PERSON_OF_CASE =
      " FROM case_file c JOIN person p ON p.id = c.person_id WHERE c.id = ?";

  /** The person's birth date: opened when sealed (SECURITY.md rule 6), {@code null} if unknown. */
  private LocalDate birthDate(java.sql.ResultSet rs, UUID personId) throws java.sql.SQLException {
    String sealed = rs.getString("birth_date_sealed");
    return sealed != null
        ? cipher.openDate(personId, sealed)
        : rs.getObject("birth_date", LocalDate.class);
  }

  /**
   * What a provider's eligibility is checked against (HSDS {@code minimum_age}, {@code maximum_age}
   * and a service for one sex): the person's age in whole years today ({@code null} when the birth
   * date is unknown) and the sex served that the person falls under ({@code "female"}, {@code
   * "male"}, or {@code null} when neither the recorded sex nor the gender says). Unaudited and
   * unchecked: for ranking inside the referral module, after the access policy granted the case.
   */
  public record Eligibility(Integer age, boolean ageDisputed, String sex) {}

  /** The eligibility facts of the person of the case; see {@link Eligibility}. */
  public Optional<Eligibility> eligibility(UUID caseId) {
    LocalDate today = LocalDate.now(clock);
    return jdbc.sql(
            """
            SELECT p.id, p.birth_date, p.birth_date_sealed, p.age_disputed, p.sex, p.gender"""
                + PERSON_OF_CASE)
        .param(caseId)
        .query(
            (rs, n) -> {
              UUID personId = rs.getObject("id", UUID.class);
              LocalDate birth = birthDate(rs, personId);
              Integer age =
                  birth == null
                      ? null
                      : (int) java.time.temporal.ChronoUnit.YEARS.between(birth, today);
              String sex = rs.getString("sex");
              String gender = rs.getString("gender");
              String served =
                  "FEMALE".equals(sex)
                      ? "female"
                      : "MALE".equals(sex)
                          ? "male"
                          : sex == null || "UNKNOWN".equals(sex)
                              ? ("Feminine".equals(gender)
                                  ? "female"
                                  : "Masculine".equals(gender) ? "male" : null)
                              : null;
              return new Eligibility(age, rs.getBoolean("age_disputed"), served);
            })
        .optional();
  }

  /**
   * The person of a case as a referral view shows them (identity and languages), opened from their
   * sealed columns (SECURITY.md rule 6), for another module's view of the case (the referral
   * module's detail) on behalf of {@code who}: {@link #person} asks the access policy for {@code
   * IDENTITY} and audits the read (SECURITY.md rules 2 and 7).
   */
  public record PersonView(
      UUID personId,
      String givenName,
      String familyName,
      LocalDate birthDate,
      boolean birthDateEstimated,
      String gender,
      List<String> citizenships,
      List<String> languages) {}

  /**
   * The person of the case as {@code who} may read them: refused (and the refusal audited) by the
   * access policy unless {@code who} may read {@code IDENTITY} on the case; the read is audited
   * with the person as target (who saw my record, ASVS 7.1). Empty if there is no such case.
   */
  public Optional<PersonView> person(PalermoPrincipal who, UUID caseId) {
    policy.require(who, caseId, FieldGroup.IDENTITY, Access.READ);
    Optional<PersonView> found = openPerson(caseId);
    found.ifPresent(
        p ->
            audit.record(
                new AuditEntry(
                    who.username(),
                    who.agencyName(),
                    "cases.person.read",
                    "person:" + p.personId(),
                    Outcome.SUCCESS,
                    "case:" + caseId)));
    return found;
  }

  private Optional<PersonView> openPerson(UUID caseId) {
    return jdbc.sql(
            """
            SELECT p.id, p.given_name, p.family_name, p.birth_date, p.birth_date_sealed,
              p.birth_date_estimated, p.gender, p.citizenships, p.languages
            FROM case_file c JOIN person p ON p.id = c.person_id WHERE c.id = ?""")
        .param(caseId)
        .query(
            (rs, n) -> {
              UUID personId = rs.getObject("id", UUID.class);
              String sealed = rs.getString("birth_date_sealed");
              return new PersonView(
                  personId,
                  cipher.open(personId, rs.getString("given_name")),
                  cipher.open(personId, rs.getString("family_name")),
                  sealed != null
                      ? cipher.openDate(personId, sealed)
                      : rs.getObject("birth_date", LocalDate.class),
                  rs.getBoolean("birth_date_estimated"),
                  rs.getString("gender"),
                  List.of((String[]) rs.getArray("citizenships").getArray()),
                  List.of((String[]) rs.getArray("languages").getArray()));
            })
        .optional();
  }

  /**
   * The languages the person of the case speaks (ISO 639-3), empty if none or no such case: not
   * sealed, used to rank providers who speak them. Unaudited: for rules inside other modules.
   */
  public List<String> languages(UUID caseId) {
    return jdbc.sql(
            "SELECT p.languages FROM case_file c JOIN person p ON p.id = c.person_id WHERE c.id = ?")
        .param(caseId)
        .query((rs, n) -> List.of((String[]) rs.getArray("languages").getArray()))
        .optional()
        .orElse(List.of());
  }

  /**
   * The references of the cases, in one query (for lists of referrals, tasks and the like): ids of
   * no case are left out. Unaudited: a reference is shown only in a list the caller has checked.
   */
  public Map<UUID, String> references(Collection<UUID> caseIds) {
    Map<UUID, String> out = new HashMap<>();
    if (caseIds.isEmpty()) {
      return out;
    }
    jdbc.sql("SELECT id, reference FROM case_file WHERE id = ANY(CAST(? AS uuid[]))")
        .param(caseIds.stream().distinct().map(UUID::toString).toArray(String[]::new))
        .query((rs, n) -> out.put(rs.getObject("id", UUID.class), rs.getString("reference")))
        .list();
    return out;
  }

  /**
   * The persons of the cases, in one query, for the audit of a list that shows them (SECURITY.md:
   * every read of personal data is audited per subject). Unaudited itself: it reads only ids.
   */
  public List<UUID> persons(Collection<UUID> caseIds) {
    if (caseIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT DISTINCT person_id FROM case_file WHERE id = ANY(CAST(? AS uuid[]))")
        .param(caseIds.stream().distinct().map(UUID::toString).toArray(String[]::new))
        .query(UUID.class)
        .list();
  }

  /** The case with {@code reference} owned by {@code who}'s agency, if there is one. */
  public Optional<CaseRef> byReference(PalermoPrincipal who, String reference) {
    if (reference == null || reference.isBlank() || reference.length() > 40) {
      return Optional.empty();
    }
    Optional<CaseRef> found =
        jdbc.sql(
                "SELECT id, reference, status FROM case_file"
                    + " WHERE reference = ? AND owner_agency_id = ?")
            .params(reference.strip(), who.agencyId())
            .query(
                (rs, n) ->
                    new CaseRef(
                        rs.getObject("id", UUID.class),
                        rs.getString("reference"),
                        CaseStatus.valueOf(rs.getString("status"))))
            .optional();
    audit.record(
        new AuditEntry(
            who.username(),
            who.agencyName(),
            "cases.lookup",
            found.map(c -> "case:" + c.id()).orElse("agency:" + who.agencyId()),
            found.isPresent() ? Outcome.SUCCESS : Outcome.FAILURE,
            found.isPresent() ? "" : "no such case in the agency"));
    return found;
  }

  /**
   * Whether the person of the case seeks or has international protection: an asylum seeker, a
   * refugee or a beneficiary of complementary protection. Their data never goes to a consulate or
   * embassy that may represent the state they fled (Directive 2013/32/EU art. 30; 1951 Convention
   * art. 33). Unaudited and unchecked: for rules inside other modules.
   */
  @Override
  public boolean seeksOrHasInternationalProtection(UUID caseId) {
    return jdbc.sql(
                "SELECT count(*) FROM case_file c JOIN person p ON p.id = c.person_id"
                    + " WHERE c.id = ? AND p.protection_status IN"
                    + " ('ASYLUM_SEEKER', 'REFUGEE', 'COMPLEMENTARY_PROTECTION')")
            .param(caseId)
            .query(Long.class)
            .single()
        > 0;
  }
}
