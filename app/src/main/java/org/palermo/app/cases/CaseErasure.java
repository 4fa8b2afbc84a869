package org.palermo.app.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.ClosedCases;
import org.palermo.app.access.SubjectErasure;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The part of erasure (GDPR Art. 17; ICRC Handbook ch. 2.10) that falls to {@code cases}: the
 * identifying columns of the persons are cleared and marked anonymised, their blind name tokens and
 * contact details dropped, and their person rows named so that their data keys are shredded. The
 * case rows stay. Also answers retention's question of which closed cases are due (GDPR Art.
 * 5(1)(e)). One statement per table for all the cases.
 */
@Component
class CaseErasure implements SubjectErasure, ClosedCases {
  private final JdbcClient jdbc;

  CaseErasure(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<UUID, Set<UUID>> erase(Set<UUID> caseIds, Instant at) {
    Map<UUID, Set<UUID>> persons = new HashMap<>();
    if (caseIds.isEmpty()) {
      return persons;
    }
    String[] cases = caseIds.stream().map(UUID::toString).toArray(String[]::new);
    jdbc.sql("SELECT id, person_id FROM case_file WHERE id = ANY(CAST(? AS uuid[]))")
        .param(cases)
        .query(
            (rs, n) ->
                persons.put(
                    rs.getObject("id", UUID.class), Set.of(rs.getObject("person_id", UUID.class))))
        .list();
    jdbc.sql(
            """
            UPDATE person SET given_name = '', family_name = NULL, name_latin = NULL,
              birth_date = NULL, birth_date_sealed = NULL, minor = FALSE, gender = NULL,
              citizenships = '{}', languages = '{}', anonymised_at = ?,
              version = version + 1
            WHERE id IN (SELECT person_id FROM case_file WHERE id = ANY(CAST(? AS uuid[])))""")
        .params(Timestamp.from(at), cases)
        .update();
    jdbc.sql(
            """
            DELETE FROM person_name_token
            WHERE person_id IN (SELECT person_id FROM case_file WHERE id = ANY(CAST(? AS uuid[])))""")
        .param(cases)
        .update();
    // How to reach the person (issue #14 item 13): the row goes; its sealed values were under the
    // person's data key, which is shredded too.
    jdbc.sql(
            """
            DELETE FROM person_contact
            WHERE person_id IN (SELECT person_id FROM case_file WHERE id = ANY(CAST(? AS uuid[])))""")
        .param(cases)
        .update();
    return persons;
  }

  @Override
  public List<UUID> closedBefore(Instant cutoff) {
    return jdbc.sql(
            """
            SELECT c.id FROM case_file c JOIN person p ON p.id = c.person_id
            WHERE c.status = 'CLOSED' AND c.closed_at IS NOT NULL AND c.closed_at < ?
              AND p.anonymised_at IS NULL
              AND NOT EXISTS (
                SELECT 1 FROM case_file o WHERE o.person_id = c.person_id
                  AND (o.status <> 'CLOSED' OR o.closed_at IS NULL OR o.closed_at >= ?))
            ORDER BY c.closed_at""")
        .params(Timestamp.from(cutoff), Timestamp.from(cutoff))
        .query(UUID.class)
        .list();
  }
}
