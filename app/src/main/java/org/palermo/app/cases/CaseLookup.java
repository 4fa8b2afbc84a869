package org.palermo.app.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
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
 * a case. Read-only; it returns the id, reference and status, never the person. Every lookup is
 * audited.
 */
@Service
public class CaseLookup {
  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;
  private final FieldCipher cipher;

  CaseLookup(JdbcClient jdbc, AuditLog audit, Clock clock, FieldCipher cipher) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.cipher = cipher;
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
              p.birth_date_sealed, p.age_disputed
            FROM case_file c JOIN person p ON p.id = c.person_id WHERE c.id = ?""")
        .param(caseId)
        .query(
            (rs, n) -> {
              UUID personId = rs.getObject("person_id", UUID.class);
              String sealed = rs.getString("birth_date_sealed");
              LocalDate birth =
                  sealed != null
                      ? cipher.openDate(personId, sealed)
                      : rs.getObject("birth_date", LocalDate.class);
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
