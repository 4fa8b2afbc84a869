package org.palermo.app.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.crypto.SealedText;
import org.palermo.app.referral.Referral.Basis;
import org.palermo.app.referral.Referral.Consent;
import org.palermo.app.referral.Referral.ConsentGiver;
import org.palermo.app.referral.Referral.DeclineReason;
import org.palermo.app.referral.Referral.InformedHow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores referrals in the {@code referral} table. */
@Repository
class ReferralStore {
  private static final String COLUMNS =
      """
      r.id, r.case_id, r.from_agency_id, r.to_agency_id, r.service_id, r.service_type, r.need,
      r.transfer, r.child, r.note, r.note_sealed, r.status, r.basis, r.consent_given_by,
      r.consent_at, r.consent_informed_how, r.consent_interpreter, r.scope, r.best_interests_id,
      r.override_reason, r.override_reason_sealed, r.created_by, r.created_at, r.due_at,
      r.answered_at, r.decline_code, r.decline_text, r.decline_text_sealed, r.closed_at,
      r.version""";

  private final JdbcClient jdbc;
  private final SealedText sealed;

  ReferralStore(JdbcClient jdbc, SealedText sealed) {
    this.jdbc = jdbc;
    this.sealed = sealed;
  }

  /**
   * The free text of a referral (note, override reason, decline text) is sealed under the case's
   * data key (V17; issue 5 §4): a recipient reads it through {@link #map}, after the policy checks
   * of the callers; erasing the case's data key shreds it.
   */
  private byte[] seal(Referral r, String column, String text) {
    return sealed.seal(r.caseId(), "referral", column, r.id(), text);
  }

  private String open(ResultSet rs, UUID caseId, UUID id, String column) throws SQLException {
    return sealed.open(
        caseId, "referral", column, id, rs.getBytes(column + "_sealed"), rs.getString(column));
  }

  void insert(Referral r) {
    Consent c = r.consent();
    jdbc.sql(
            """
            INSERT INTO referral (id, case_id, from_agency_id, to_agency_id, service_id,
              service_type, need, transfer, child, note_sealed, status, basis, consent_given_by,
              consent_at, consent_informed_how, consent_interpreter, scope, best_interests_id,
              override_reason_sealed, created_by, created_at, due_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?)""")
        .params(
            r.id(),
            r.caseId(),
            r.fromAgencyId(),
            r.toAgencyId(),
            r.serviceId(),
            r.serviceType(),
            r.need(),
            r.transfer(),
            r.child(),
            seal(r, "note", r.note()),
            r.status().name(),
            r.basis().name(),
            c == null || c.givenBy() == null ? null : c.givenBy().name(),
            c == null || c.givenAt() == null ? null : Timestamp.from(c.givenAt()),
            c == null || c.informedHow() == null ? null : c.informedHow().name(),
            c == null ? null : c.interpreterUsed(),
            "{" + String.join(",", r.scope().stream().map(Enum::name).sorted().toList()) + "}",
            r.bestInterestsId(),
            seal(r, "override_reason", r.overrideReason()),
            r.createdBy(),
            Timestamp.from(r.createdAt()),
            Timestamp.from(r.dueAt()))
        .update();
  }

  /**
   * The referrer's best-interests consideration of a child's referral, sealed under the case's data
   * key like the note.
   */
  void recordConsideration(Referral r, String text) {
    jdbc.sql("UPDATE referral SET best_interests_consideration_sealed = ? WHERE id = ?")
        .params(seal(r, "best_interests_consideration", text), r.id())
        .update();
  }

  /** Saves a transition; refuses when someone else changed the referral meanwhile. */
  void update(Referral r) {
    int n =
        jdbc.sql(
                """
                UPDATE referral SET status = ?, answered_at = ?, decline_code = ?,
                  decline_text = NULL, decline_text_sealed = ?, closed_at = ?, version = version + 1
                WHERE id = ? AND version = ?""")
            .params(
                r.status().name(),
                ts(r.answeredAt()),
                r.declineCode() == null ? null : r.declineCode().name(),
                seal(r, "decline_text", r.declineText()),
                ts(r.closedAt()),
                r.id(),
                r.version())
            .update();
    if (n == 0) {
      throw new PalermoException(
          ErrorCode.PRECONDITION_FAILED, "The referral changed meanwhile; reload it.");
    }
  }

  Optional<Referral> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM referral r WHERE r.id = ?")
        .param(id)
        .query(this::map)
        .optional();
  }

  /** The referral if the agency sent or received it; empty for any other, existing or not. */
  Optional<Referral> findFor(UUID id, UUID agencyId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM referral r WHERE r.id = ? AND (r.to_agency_id = ? OR r.from_agency_id = ?)")
        .params(id, agencyId, agencyId)
        .query(this::map)
        .optional();
  }

  List<Referral> ofCase(UUID caseId) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM referral r WHERE r.case_id = ? ORDER BY r.created_at DESC")
        .param(caseId)
        .query(this::map)
        .list();
  }

  List<Referral> incoming(UUID agencyId, int offset, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM referral r WHERE r.to_agency_id = ?"
                + " ORDER BY r.created_at DESC, r.id OFFSET ? LIMIT ?")
        .params(agencyId, offset, limit)
        .query(this::map)
        .list();
  }

  List<Referral> outgoing(UUID agencyId, int offset, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM referral r WHERE r.from_agency_id = ?"
                + " ORDER BY r.created_at DESC, r.id OFFSET ? LIMIT ?")
        .params(agencyId, offset, limit)
        .query(this::map)
        .list();
  }

  long count(String column, UUID agencyId) {
    String col = "to".equals(column) ? "to_agency_id" : "from_agency_id";
    return jdbc.sql("SELECT count(*) FROM referral WHERE " + col + " = ?")
        .param(agencyId)
        .query(Long.class)
        .single();
  }

  /** Pending referrals past their answer deadline, sent by or to the agency, oldest due first. */
  List<Referral> overdue(UUID agencyId, Instant now) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM referral r WHERE r.status = 'PENDING' AND r.due_at < ?"
                + " AND (r.to_agency_id = ? OR r.from_agency_id = ?) ORDER BY r.due_at, r.id")
        .params(Timestamp.from(now), agencyId, agencyId)
        .query(this::map)
        .list();
  }

  /**
   * The consent scopes of the agency's referrals for the case that give it the referral view
   * ({@link ReferralPolicy#givesRecipientView}), one per referral (empty when none does).
   */
  List<Set<FieldGroup>> recipientScopes(UUID agencyId, UUID caseId, Instant now) {
    return jdbc
        .sql(
            "SELECT scope, status, transfer, kept_until FROM referral"
                + " WHERE case_id = ? AND to_agency_id = ?"
                + " AND status IN ('PENDING', 'ACCEPTED', 'COMPLETED')")
        .params(caseId, agencyId)
        .query(
            (rs, n) -> {
              if (!ReferralPolicy.givesRecipientView(
                  ReferralStatus.valueOf(rs.getString("status")),
                  rs.getBoolean("transfer"),
                  instant(rs, "kept_until"),
                  now)) {
                return null;
              }
              Set<FieldGroup> scope = EnumSet.noneOf(FieldGroup.class);
              for (String s : (String[]) rs.getArray("scope").getArray()) {
                scope.add(FieldGroup.valueOf(s));
              }
              return scope;
            })
        .list()
        .stream()
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /**
   * The cases with a referral to the agency that gives it the referral view: pending or accepted,
   * or completed and kept (the SQL form of {@link ReferralPolicy#givesRecipientView}, which an
   * accepted transfer passes here too: its recipient owns the case).
   */
  java.util.Set<UUID> casesReferredTo(UUID agencyId, Instant now) {
    return java.util.Set.copyOf(
        jdbc.sql(
                "SELECT DISTINCT case_id FROM referral WHERE to_agency_id = ?"
                    + " AND (status IN ('PENDING', 'ACCEPTED')"
                    + " OR (status = 'COMPLETED' AND NOT transfer AND kept_until > ?))")
            .params(agencyId, Timestamp.from(now))
            .query(UUID.class)
            .list());
  }

  /** Until when the recipient keeps the referral view after completion; empty if it keeps none. */
  Optional<Instant> keptUntil(UUID referralId) {
    return jdbc.sql("SELECT kept_until FROM referral WHERE id = ?")
        .param(referralId)
        .query((rs, n) -> Optional.ofNullable(instant(rs, "kept_until")))
        .optional()
        .flatMap(o -> o);
  }

  /** Sets until when the recipient keeps the referral view ({@code until}: now, to withdraw it). */
  void keepUntil(UUID referralId, Instant until) {
    jdbc.sql("UPDATE referral SET kept_until = ? WHERE id = ?")
        .params(Timestamp.from(until), referralId)
        .update();
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static Instant instant(ResultSet rs, String col) throws SQLException {
    Timestamp t = rs.getTimestamp(col);
    return t == null ? null : t.toInstant();
  }

  private static <E extends Enum<E>> E e(Class<E> type, String v) {
    return v == null ? null : Enum.valueOf(type, v);
  }

  Referral map(ResultSet rs, int n) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    UUID caseId = rs.getObject("case_id", UUID.class);
    Set<FieldGroup> scope = EnumSet.noneOf(FieldGroup.class);
    for (String s : (String[]) rs.getArray("scope").getArray()) {
      scope.add(FieldGroup.valueOf(s));
    }
    String giver = rs.getString("consent_given_by");
    Consent consent =
        giver == null
            ? null
            : new Consent(
                ConsentGiver.valueOf(giver),
                instant(rs, "consent_at"),
                e(InformedHow.class, rs.getString("consent_informed_how")),
                (Boolean) rs.getObject("consent_interpreter"));
    return new Referral(
        id,
        caseId,
        rs.getObject("from_agency_id", UUID.class),
        rs.getObject("to_agency_id", UUID.class),
        rs.getObject("service_id", UUID.class),
        rs.getString("service_type"),
        rs.getString("need"),
        rs.getBoolean("transfer"),
        rs.getBoolean("child"),
        open(rs, caseId, id, "note"),
        ReferralStatus.valueOf(rs.getString("status")),
        Basis.valueOf(rs.getString("basis")),
        consent,
        Set.copyOf(scope),
        rs.getObject("best_interests_id", UUID.class),
        open(rs, caseId, id, "override_reason"),
        rs.getString("created_by"),
        instant(rs, "created_at"),
        instant(rs, "due_at"),
        instant(rs, "answered_at"),
        e(DeclineReason.class, rs.getString("decline_code")),
        open(rs, caseId, id, "decline_text"),
        instant(rs, "closed_at"),
        rs.getInt("version"));
  }
}
