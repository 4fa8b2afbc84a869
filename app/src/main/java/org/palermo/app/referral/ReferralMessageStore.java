package org.palermo.app.referral;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.palermo.app.platform.crypto.SealedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores the messages of a referral in {@code referral_message} (V22_90). The text is sealed under
 * the case's data key, bound to its table, column and row ({@link SealedText}), like the referral's
 * note: there is no plaintext column.
 */
@Repository
class ReferralMessageStore {
  static final String TABLE = "referral_message";
  static final String COLUMN = "text";

  private final JdbcClient jdbc;
  private final SealedText sealed;

  ReferralMessageStore(JdbcClient jdbc, SealedText sealed) {
    this.jdbc = jdbc;
    this.sealed = sealed;
  }

  /** One stored message, opened. */
  record Row(UUID id, UUID authorId, UUID authorAgencyId, Instant createdAt, String text) {}

  void insert(UUID id, Referral r, UUID authorId, UUID authorAgencyId, Instant at, String text) {
    jdbc.sql(
            """
            INSERT INTO referral_message (id, referral_id, case_id, author_id, author_agency_id,
              created_at, text_sealed)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(
            id,
            r.id(),
            r.caseId(),
            authorId,
            authorAgencyId,
            Timestamp.from(at),
            sealed.seal(r.caseId(), TABLE, COLUMN, id, text))
        .update();
  }

  /** The messages of the referral, oldest first, opened under the case's data key. */
  List<Row> of(Referral r) {
    return jdbc.sql(
            """
            SELECT id, author_id, author_agency_id, created_at, text_sealed FROM referral_message
            WHERE referral_id = ? ORDER BY created_at, id""")
        .param(r.id())
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              return new Row(
                  id,
                  rs.getObject("author_id", UUID.class),
                  rs.getObject("author_agency_id", UUID.class),
                  rs.getTimestamp("created_at").toInstant(),
                  sealed.open(r.caseId(), TABLE, COLUMN, id, rs.getBytes("text_sealed"), null));
            })
        .list();
  }

  /** Deletes the messages of the cases' referrals (erasure); returns how many. */
  int deleteOfCases(String[] caseIds) {
    return jdbc.sql("DELETE FROM referral_message WHERE case_id = ANY(CAST(? AS uuid[]))")
        .param(caseIds)
        .update();
  }
}
