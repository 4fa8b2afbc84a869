package org.palermo.app.cases.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.palermo.app.cases.domain.ContactDetails;
import org.palermo.app.cases.domain.ContactDetails.ContactMethod;
import org.palermo.app.cases.domain.ContactDetails.MessagingApp;
import org.palermo.app.cases.domain.ContactDetails.SafeToContact;
import org.palermo.app.platform.crypto.SealedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code person_contact} table (V22_80): one row per person, every free-text value sealed under
 * the person's data key and bound to the row's id ({@link SealedText}), so that erasing the
 * person's key shreds them. Callers check access.
 */
@Repository
public class ContactStore {
  private static final String TABLE = "person_contact";

  private final JdbcClient jdbc;
  private final SealedText sealed;

  ContactStore(JdbcClient jdbc, SealedText sealed) {
    this.jdbc = jdbc;
    this.sealed = sealed;
  }

  /** The person's contact details as stored, with who changed them last and when. */
  public record Stored(ContactDetails details, String updatedBy, Instant updatedAt) {}

  /** The person's contact details, if any were ever recorded. */
  public Optional<Stored> find(UUID personId) {
    return jdbc.sql(
            """
            SELECT id, phone_sealed, messaging_app, messaging_handle_sealed, address_sealed,
              location_sealed, preferred_method, safe_times_sealed, safe_to_contact,
              safety_note_sealed, updated_by, updated_at
            FROM person_contact WHERE person_id = ?""")
        .param(personId)
        .query((rs, n) -> row(personId, rs))
        .optional();
  }

  /**
   * Replaces the person's contact details. The row's id, bound into every sealed value, is fixed by
   * whichever writer inserted the row first; later writers seal under that id.
   */
  @Transactional
  public void save(UUID personId, ContactDetails d, String by, Instant at) {
    Timestamp when = Timestamp.from(at);
    jdbc.sql(
            "INSERT INTO person_contact (id, person_id, updated_by, updated_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (person_id) DO NOTHING")
        .params(UUID.randomUUID(), personId, by, when)
        .update();
    UUID id =
        jdbc.sql("SELECT id FROM person_contact WHERE person_id = ? FOR UPDATE")
            .param(personId)
            .query(UUID.class)
            .single();
    jdbc.sql(
            """
            UPDATE person_contact SET phone_sealed = ?, messaging_app = ?,
              messaging_handle_sealed = ?, address_sealed = ?, location_sealed = ?,
              preferred_method = ?, safe_times_sealed = ?, safe_to_contact = ?,
              safety_note_sealed = ?, updated_by = ?, updated_at = ?
            WHERE id = ?""")
        .params(
            seal(personId, id, "phone", d.phone()),
            name(d.messagingApp()),
            seal(personId, id, "messaging_handle", d.messagingHandle()),
            seal(personId, id, "address", d.address()),
            seal(personId, id, "location", d.location()),
            name(d.preferredMethod()),
            seal(personId, id, "safe_times", d.safeTimes()),
            d.safeToContact().name(),
            seal(personId, id, "safety_note", d.safetyNote()),
            by,
            when,
            id)
        .update();
  }

  private byte[] seal(UUID personId, UUID rowId, String column, String text) {
    return sealed.seal(personId, TABLE, column, rowId, text);
  }

  private String open(UUID personId, UUID rowId, String column, ResultSet rs) throws SQLException {
    String text =
        sealed.open(personId, TABLE, column, rowId, rs.getBytes(column + "_sealed"), null);
    // A shredded key reads as ERASED (""): nothing to show.
    return text == null || text.isEmpty() ? null : text;
  }

  private Stored row(UUID personId, ResultSet rs) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    String app = rs.getString("messaging_app");
    String method = rs.getString("preferred_method");
    return new Stored(
        new ContactDetails(
            open(personId, id, "phone", rs),
            app == null ? null : MessagingApp.valueOf(app),
            open(personId, id, "messaging_handle", rs),
            open(personId, id, "address", rs),
            open(personId, id, "location", rs),
            method == null ? null : ContactMethod.valueOf(method),
            open(personId, id, "safe_times", rs),
            SafeToContact.valueOf(rs.getString("safe_to_contact")),
            open(personId, id, "safety_note", rs)),
        rs.getString("updated_by"),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }
}
