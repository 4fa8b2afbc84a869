package org.palermo.app.cases;

import java.util.Optional;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
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

  CaseLookup(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** A case as other modules see it. */
  public record CaseRef(UUID id, String reference, CaseStatus status) {}

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
}
