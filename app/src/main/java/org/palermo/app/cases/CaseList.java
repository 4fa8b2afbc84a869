package org.palermo.app.cases;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Role;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The case list: the cases owned by the user's own agency, newest first, for the roles that work on
 * cases. It shows references and status, no names. Every read is audited.
 */
@Service
public class CaseList {
  /** Roles that work on cases and so may list their agency's cases. */
  static final Set<Role> CASE_ROLES =
      EnumSet.of(
          Role.FRONTLINE_OFFICER,
          Role.CASEWORKER,
          Role.CASE_SUPERVISOR,
          Role.CHILD_PROTECTION_OFFICER,
          Role.COMPETENT_AUTHORITY_OFFICER);

  private final JdbcClient jdbc;
  private final AuditLog audit;

  CaseList(JdbcClient jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** One row of the list. */
  public record CaseSummary(UUID id, String reference, CaseStatus status, Instant openedAt) {}

  /** One page of the list, with the total. */
  public record Page(List<CaseSummary> items, int page, int size, long totalItems) {
    public long totalPages() {
      return size == 0 ? 0 : (totalItems + size - 1) / size;
    }
  }

  /** A page of the agency's cases, optionally of one status. */
  public Page list(PalermoPrincipal who, CaseStatus status, int page, int size) {
    if (page < 0) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "page must be 0 or more.",
          java.util.Map.of("field", "page"));
    }
    if (size < 1 || size > 200) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "size must be between 1 and 200.",
          java.util.Map.of("field", "size"));
    }
    if (who.roles().stream().noneMatch(CASE_ROLES::contains)) {
      audit.record(
          new AuditEntry(
              who.username(),
              who.agencyName(),
              "cases.list",
              "agency:" + who.agencyId(),
              Outcome.DENIED,
              ""));
      throw new PalermoException(ErrorCode.FORBIDDEN, "Your role does not work on cases.");
    }
    String statusFilter = status == null ? null : status.name();
    long total =
        jdbc.sql(
                "SELECT count(*) FROM case_file WHERE owner_agency_id = ?"
                    + " AND (?::text IS NULL OR status = ?::text)")
            .params(who.agencyId(), statusFilter, statusFilter)
            .query(Long.class)
            .single();
    List<CaseSummary> items =
        jdbc.sql(
                """
                SELECT id, reference, status, opened_at FROM case_file
                WHERE owner_agency_id = ? AND (?::text IS NULL OR status = ?::text)
                ORDER BY opened_at DESC, reference DESC LIMIT ? OFFSET ?""")
            .params(who.agencyId(), statusFilter, statusFilter, size, (long) page * size)
            .query(
                (rs, n) ->
                    new CaseSummary(
                        rs.getObject("id", UUID.class),
                        rs.getString("reference"),
                        CaseStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("opened_at").toInstant()))
            .list();
    audit.record(
        new AuditEntry(
            who.username(),
            who.agencyName(),
            "cases.list",
            "agency:" + who.agencyId(),
            Outcome.SUCCESS,
            "page=" + page + " size=" + size + " rows=" + items.size()));
    return new Page(items, page, size, total);
  }
}
