package org.palermo.app.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.palermo.app.platform.crypto.DataKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Anonymises the person of a case by crypto-shredding (GDPR Art. 17; ICRC Handbook ch. 2.10): the
 * identifying columns of {@code person} are cleared, the blind name tokens deleted, and the data
 * keys of the person, the case and every row that references the case are erased, so anything
 * sealed under them (names, answers, notes, attachments of any module) can never be read again. The
 * case row and its statistics stay, so counts do not change. Legal holds are checked by the
 * callers.
 */
@Component
class PersonEraser {
  private final JdbcClient jdbc;
  private final DataKeys keys;

  PersonEraser(JdbcClient jdbc, DataKeys keys) {
    this.jdbc = jdbc;
    this.keys = keys;
  }

  /** Whether a legal hold in force blocks erasure of the case. */
  boolean held(UUID caseId) {
    return jdbc.sql("SELECT count(*) FROM legal_hold WHERE case_id = ? AND released_at IS NULL")
            .param(caseId)
            .query(Long.class)
            .single()
        > 0;
  }

  /** The person of the case, if there is such a case. */
  Optional<UUID> personOf(UUID caseId) {
    return jdbc.sql("SELECT person_id FROM case_file WHERE id = ?")
        .param(caseId)
        .query(UUID.class)
        .optional();
  }

  /** Anonymises the case's person; returns how many data keys were erased. */
  int anonymise(UUID caseId, Instant now) {
    UUID person = personOf(caseId).orElseThrow();
    jdbc.sql(
            """
            UPDATE person SET given_name = '', family_name = NULL, name_latin = NULL,
              birth_date = NULL, birth_date_sealed = NULL, minor = FALSE, gender = NULL, citizenships = '{}',
              languages = '{}', anonymised_at = ?
            WHERE id = ?""")
        .params(Timestamp.from(now), person)
        .update();
    jdbc.sql("DELETE FROM person_name_token WHERE person_id = ?").param(person).update();
    int erased = 0;
    erased += keys.erase(person) ? 1 : 0;
    erased += keys.erase(caseId) ? 1 : 0;
    for (UUID row : rowsReferencing(caseId)) {
      erased += keys.erase(row) ? 1 : 0;
    }
    return erased;
  }

  /** The ids of rows, in any table with {@code id} and {@code case_id} columns, of the case. */
  private List<UUID> rowsReferencing(UUID caseId) {
    List<String> tables =
        jdbc.sql(
                """
                SELECT c.table_name FROM information_schema.columns c
                JOIN information_schema.columns i ON i.table_schema = c.table_schema
                  AND i.table_name = c.table_name AND i.column_name = 'id' AND i.data_type = 'uuid'
                WHERE c.table_schema = current_schema() AND c.column_name = 'case_id'
                  AND c.data_type = 'uuid'""")
            .query(String.class)
            .list();
    List<UUID> ids = new java.util.ArrayList<>();
    for (String t : tables) {
      ids.addAll(
          jdbc.sql("SELECT id FROM \"" + t.replace("\"", "") + "\" WHERE case_id = ?")
              .param(caseId)
              .query(UUID.class)
              .list());
    }
    return ids;
  }
}
