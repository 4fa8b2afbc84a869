package org.palermo.app.cases.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The users of an agency who work on cases, for assignment and focal points. Reads the access
 * module's account tables (names and roles only).
 */
@Repository
public class Colleagues {
  private static final String CASE_ROLES =
      "('CASEWORKER', 'CASE_SUPERVISOR', 'CHILD_PROTECTION_OFFICER', 'FRONTLINE_OFFICER',"
          + " 'COMPETENT_AUTHORITY_OFFICER')";
  private final JdbcClient jdbc;

  Colleagues(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A user who may be assigned to a case. */
  public record Colleague(UUID id, String username, String displayName) {}

  public List<Colleague> of(UUID agencyId) {
    return jdbc.sql(
            "SELECT u.id, u.username, u.display_name FROM app_user u WHERE u.agency_id = ?"
                + " AND u.enabled AND EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id"
                + " AND r.role IN "
                + CASE_ROLES
                + ") ORDER BY u.display_name, u.username")
        .param(agencyId)
        .query(
            (rs, n) -> new Colleague(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
        .list();
  }

  /** The user, if they are an enabled case worker of the agency. */
  public Optional<Colleague> in(UUID agencyId, UUID userId) {
    return of(agencyId).stream().filter(c -> c.id().equals(userId)).findFirst();
  }

  public Optional<Colleague> byId(UUID userId) {
    return jdbc.sql("SELECT id, username, display_name FROM app_user WHERE id = ?")
        .param(userId)
        .query(
            (rs, n) -> new Colleague(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
        .optional();
  }
}
