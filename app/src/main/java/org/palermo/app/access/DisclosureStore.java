package org.palermo.app.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The disclosure log (table {@code disclosure}) and the relationship it creates: an agency with a
 * disclosure in force (not revoked, not expired) for a case is its {@link
 * Relationship#DISCLOSURE_RECIPIENT}, and reads exactly the field groups disclosed.
 */
@Repository
class DisclosureStore implements RelationshipSource {
  private final JdbcClient jdbc;
  private final Clock clock;

  DisclosureStore(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Set<Relationship> relationships(PalermoPrincipal who, UUID caseId) {
    return groups(who.agencyId(), caseId).isEmpty()
        ? Set.of()
        : Set.of(Relationship.DISCLOSURE_RECIPIENT);
  }

  @Override
  public Set<UUID> casesBeyondOwnAgency(PalermoPrincipal who) {
    return who.function() == AgencyType.IMMIGRATION_ENFORCEMENT
        ? Set.of()
        : casesDisclosedTo(who.agencyId());
  }

  /** The cases with a disclosure to the agency still in force. */
  Set<UUID> casesDisclosedTo(UUID agencyId) {
    return Set.copyOf(
        jdbc.sql(
                "SELECT DISTINCT case_id FROM disclosure WHERE to_agency_id = ?"
                    + " AND revoked_at IS NULL AND expires_at > ?")
            .params(agencyId, Timestamp.from(clock.instant()))
            .query(UUID.class)
            .list());
  }

  /** The union of the groups disclosed to the agency for the case and still in force. */
  Set<FieldGroup> groups(UUID agencyId, UUID caseId) {
    EnumSet<FieldGroup> out = EnumSet.noneOf(FieldGroup.class);
    jdbc.sql(
            "SELECT field_groups FROM disclosure WHERE to_agency_id = ? AND case_id = ?"
                + " AND revoked_at IS NULL AND expires_at > ?")
        .params(agencyId, caseId, Timestamp.from(clock.instant()))
        .query((rs, n) -> groupsOf(rs))
        .list()
        .forEach(out::addAll);
    return out;
  }

  void insert(Disclosures.Disclosure d, UUID disclosedBy) {
    jdbc.sql(
            """
            INSERT INTO disclosure (id, case_id, to_agency_id, field_groups, purpose,
              purpose_detail, consent_reference, disclosed_by, disclosed_at, expires_at)
            VALUES (?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?)""")
        .params(
            d.id(),
            d.caseId(),
            d.toAgencyId(),
            "{" + String.join(",", d.groups().stream().map(Enum::name).toList()) + "}",
            d.purpose().name(),
            d.purposeDetail(),
            d.consentReference(),
            disclosedBy,
            Timestamp.from(d.disclosedAt()),
            Timestamp.from(d.expiresAt()))
        .update();
  }

  boolean revoke(UUID caseId, UUID id, UUID by, String consentReference) {
    return jdbc.sql(
                "UPDATE disclosure SET revoked_at = ?, revoked_by = ?, revoke_consent_reference = ?"
                    + " WHERE id = ? AND case_id = ? AND revoked_at IS NULL")
            .params(Timestamp.from(clock.instant()), by, consentReference, id, caseId)
            .update()
        == 1;
  }

  List<Disclosures.Disclosure> byCase(UUID caseId) {
    return jdbc.sql(
            """
            SELECT d.*, a.name AS agency_name, u.username AS disclosed_by_name
            FROM disclosure d JOIN agency a ON a.id = d.to_agency_id
            JOIN app_user u ON u.id = d.disclosed_by
            WHERE d.case_id = ? ORDER BY d.disclosed_at DESC, d.id""")
        .param(caseId)
        .query(this::disclosure)
        .list();
  }

  private Disclosures.Disclosure disclosure(ResultSet rs, int n) throws SQLException {
    Timestamp revoked = rs.getTimestamp("revoked_at");
    Timestamp expires = rs.getTimestamp("expires_at");
    return new Disclosures.Disclosure(
        rs.getObject("id", UUID.class),
        rs.getObject("case_id", UUID.class),
        rs.getObject("to_agency_id", UUID.class),
        rs.getString("agency_name"),
        groupsOf(rs),
        Purpose.valueOf(rs.getString("purpose")),
        rs.getString("purpose_detail"),
        rs.getString("consent_reference"),
        rs.getString("disclosed_by_name"),
        rs.getTimestamp("disclosed_at").toInstant(),
        expires.toInstant(),
        revoked == null ? null : revoked.toInstant());
  }

  private static Set<FieldGroup> groupsOf(ResultSet rs) throws SQLException {
    Array a = rs.getArray("field_groups");
    EnumSet<FieldGroup> out = EnumSet.noneOf(FieldGroup.class);
    for (Object o : (Object[]) a.getArray()) {
      out.add(FieldGroup.valueOf((String) o));
    }
    return out;
  }
}
