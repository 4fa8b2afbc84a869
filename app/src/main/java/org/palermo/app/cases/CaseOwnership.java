package org.palermo.app.cases;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Relationship;
import org.palermo.app.access.RelationshipSource;
import org.palermo.app.access.Role;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who owns a case: answers {@link Relationship#OWNER} and {@link Relationship#SUPERVISOR} for the
 * access policy, and moves ownership when a referral becomes a transfer.
 */
@Service
public class CaseOwnership implements RelationshipSource {
  private final JdbcClient jdbc;
  private final CaseTimeline timeline;
  private final AuditLog audit;

  CaseOwnership(JdbcClient jdbc, CaseTimeline timeline, AuditLog audit) {
    this.jdbc = jdbc;
    this.timeline = timeline;
    this.audit = audit;
  }

  @Override
  public Set<Relationship> relationships(PalermoPrincipal who, UUID caseId) {
    boolean owner =
        jdbc.sql("SELECT count(*) FROM case_file WHERE id = ? AND owner_agency_id = ?")
                .params(caseId, who.agencyId())
                .query(Long.class)
                .single()
            > 0;
    if (!owner) {
      return Set.of();
    }
    EnumSet<Relationship> out = EnumSet.of(Relationship.OWNER);
    if (who.hasRole(Role.CASE_SUPERVISOR)) {
      out.add(Relationship.SUPERVISOR);
    }
    return out;
  }

  /**
   * Moves the case and its person to {@code toAgencyId}. The caller (the referral module) has
   * checked consent and the recipient's acceptance; this records the step on the timeline and in
   * the audit log.
   */
  @Transactional
  public void transfer(UUID caseId, UUID toAgencyId, PalermoPrincipal by) {
    int moved =
        jdbc.sql("UPDATE case_file SET owner_agency_id = ?, version = version + 1 WHERE id = ?")
            .params(toAgencyId, caseId)
            .update();
    if (moved == 0) {
      throw new PalermoException(ErrorCode.NOT_FOUND, "No such case.");
    }
    jdbc.sql(
            "UPDATE person SET owner_agency_id = ?"
                + " WHERE id = (SELECT person_id FROM case_file WHERE id = ?)")
        .params(toAgencyId, caseId)
        .update();
    timeline.append(caseId, by, "case.transferred", "agency:" + toAgencyId);
    audit.record(
        new AuditEntry(
            by == null ? "system" : by.username(),
            by == null ? "-" : by.agencyName(),
            "cases.transfer",
            "case:" + caseId,
            Outcome.SUCCESS,
            "to=agency:" + toAgencyId));
  }
}
