package org.palermo.app.cases.care;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.platform.crypto.SealedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case notes (HTCDS 2.0 {@code cco_CaseComment}: "a formal update from a case worker about the
 * case"). Append-only: a note is never edited or deleted, only followed by another. A note marked
 * health-related belongs to the {@link FieldGroup#HEALTH} group (GDPR art. 9 special category) and
 * is shown only to users who may read health data.
 */
@Service
public class CaseNotes {
  static final int BODY_MAX = 8000;

  private final JdbcClient jdbc;
  private final CareGuard guard;
  private final Clock clock;
  private final SealedText sealed;

  CaseNotes(JdbcClient jdbc, CareGuard guard, Clock clock, SealedText sealed) {
    this.jdbc = jdbc;
    this.guard = guard;
    this.clock = clock;
    this.sealed = sealed;
  }

  /** One note. */
  public record Note(
      UUID id, String body, boolean health, String author, String agency, Instant writtenAt) {}

  /**
   * What a user sees of the notes: the notes they may read and how many health notes are hidden.
   */
  public record Notes(List<Note> notes, int hiddenHealthNotes, boolean mayWriteHealth) {}

  /** Appends a note; a health note needs the right to write health data. */
  @Transactional
  public UUID add(PalermoPrincipal who, UUID caseId, String text, boolean health) {
    guard.write(who, caseId, health ? FieldGroup.HEALTH : FieldGroup.CASE_NARRATIVE);
    if (health) {
      guard.write(who, caseId, FieldGroup.CASE_NARRATIVE);
    }
    String body = CareGuard.text(text, "body", BODY_MAX, true);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO care_note (id, case_id, body_sealed, health, author, author_agency,"
                + " written_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            caseId,
            sealed.seal(caseId, "care_note", "body", id, body),
            health,
            who.username(),
            who.agencyName(),
            Timestamp.from(clock.instant()))
        .update();
    guard.wrote(
        who, caseId, "care.note.added", "care.note.add", "note:" + id + " health=" + health);
    return id;
  }

  /** The notes, newest first; health notes only for users who may read health data. */
  public Notes list(PalermoPrincipal who, UUID caseId) {
    guard.read(who, caseId, FieldGroup.CASE_NARRATIVE, "care.notes.read");
    boolean health = guard.allows(who, caseId, FieldGroup.HEALTH, Access.READ);
    List<Note> all =
        jdbc.sql(
                "SELECT id, body, body_sealed, health, author, author_agency, written_at"
                    + " FROM care_note"
                    + " WHERE case_id = ? ORDER BY written_at DESC, id")
            .param(caseId)
            .query(
                (rs, n) ->
                    new Note(
                        rs.getObject("id", UUID.class),
                        sealed.open(
                            caseId,
                            "care_note",
                            "body",
                            rs.getObject("id", UUID.class),
                            rs.getBytes("body_sealed"),
                            rs.getString("body")),
                        rs.getBoolean("health"),
                        rs.getString("author"),
                        rs.getString("author_agency"),
                        rs.getTimestamp("written_at").toInstant()))
            .list();
    List<Note> visible = all.stream().filter(n -> health || !n.health()).toList();
    return new Notes(
        visible,
        all.size() - visible.size(),
        guard.allows(who, caseId, FieldGroup.HEALTH, Access.WRITE));
  }
}
