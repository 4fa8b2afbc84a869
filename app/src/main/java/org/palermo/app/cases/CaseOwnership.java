package org.palermo.app.cases;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Relationship;
import org.palermo.app.access.RelationshipSource;
import org.palermo.app.access.Role;
import org.palermo.app.access.Standing;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.context.ApplicationEventPublisher;
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
  private final Accounts accounts;
  private final ApplicationEventPublisher events;

  CaseOwnership(
      JdbcClient jdbc,
      CaseTimeline timeline,
      AuditLog audit,
      Accounts accounts,
      ApplicationEventPublisher events) {
    this.accounts = accounts;
    this.events = events;
    this.jdbc = jdbc;
    this.timeline = timeline;
    this.audit = audit;
  }

  @Override
  public Set<Relationship> relationships(PalermoPrincipal who, UUID caseId) {
    return standing(who, caseId).relationships();
  }

  /**
   * {@link Relationship#OWNER} (and {@link Relationship#SUPERVISOR} for a supervisor), limited by
   * the consent scope the case was transferred under, if any ({@code case_file.consent_scope}).
   */
  @Override
  public Standing standing(PalermoPrincipal who, UUID caseId) {
    List<Optional<Set<FieldGroup>>> rows =
        jdbc.sql("SELECT consent_scope FROM case_file WHERE id = ? AND owner_agency_id = ?")
            .params(caseId, who.agencyId())
            .query((rs, n) -> Optional.ofNullable(scope(rs.getArray("consent_scope"))))
            .list();
    if (rows.isEmpty()) {
      return Standing.none();
    }
    EnumSet<Relationship> out = EnumSet.of(Relationship.OWNER);
    if (who.hasRole(Role.CASE_SUPERVISOR)) {
      out.add(Relationship.SUPERVISOR);
    }
    Map<Relationship, Set<FieldGroup>> scopes = new EnumMap<>(Relationship.class);
    rows.get(0).ifPresent(s -> out.forEach(r -> scopes.put(r, s)));
    return new Standing(out, scopes);
  }

  /** A {@code consent_scope} value: null when the case is not limited. */
  static Set<FieldGroup> scope(java.sql.Array a) throws java.sql.SQLException {
    if (a == null) {
      return null;
    }
    EnumSet<FieldGroup> out = EnumSet.noneOf(FieldGroup.class);
    for (Object o : (Object[]) a.getArray()) {
      out.add(FieldGroup.valueOf((String) o));
    }
    return out;
  }

  /**
   * Moves the case and its person to {@code toAgencyId}, under the consent {@code scope}: the new
   * owner holds only those field groups (CETS 197 art. 11(1); docs/security.md, "Consent scopes"),
   * and a case already limited stays limited to no more than it was. The caller (the referral
   * module) has checked consent and the recipient's acceptance; this records the step on the
   * timeline and in the audit log.
   */
  @Transactional
  public void transfer(UUID caseId, UUID toAgencyId, PalermoPrincipal by, Set<FieldGroup> scope) {
    String groups = "{" + String.join(",", scope.stream().map(Enum::name).sorted().toList()) + "}";
    int moved =
        jdbc.sql(
                """
                UPDATE case_file SET owner_agency_id = ?, version = version + 1,
                  consent_scope = CASE WHEN consent_scope IS NULL THEN ?::text[]
                    ELSE ARRAY(SELECT unnest(consent_scope) INTERSECT SELECT unnest(?::text[])
                               ORDER BY 1) END
                WHERE id = ?""")
            .params(toAgencyId, groups, groups, caseId)
            .update();
    if (moved == 0) {
      throw new PalermoException(ErrorCode.NOT_FOUND, "No such case.");
    }
    long version =
        jdbc.sql("SELECT version FROM case_file WHERE id = ?")
            .param(caseId)
            .query(Long.class)
            .single();
    // The statistics count the case under its new owner's type (issue 12 §3).
    accounts.agencies().stream()
        .filter(a -> a.id().equals(toAgencyId))
        .findFirst()
        .ifPresent(a -> events.publishEvent(new CaseTransferred(caseId, version, a.type())));
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
            "to=agency:" + toAgencyId + " scope=" + scope));
  }
}
