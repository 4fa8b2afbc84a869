package org.palermo.app.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure requests and legal holds (GDPR Art. 17 and 17(3)(e); ICRC Handbook ch. 2.10). A
 * caseworker of the owning agency (or its data-protection officer) records the person's request;
 * the agency's DPO decides: refuse with a note, or erase — which a legal hold in force blocks. The
 * DPO places and releases legal holds. Every step is audited.
 */
@Service
public class Erasures {
  private final JdbcClient jdbc;
  private final AccessPolicy policy;
  private final PersonEraser eraser;
  private final Notifications notifications;
  private final AuditLog audit;
  private final Clock clock;

  Erasures(
      JdbcClient jdbc,
      AccessPolicy policy,
      PersonEraser eraser,
      Notifications notifications,
      AuditLog audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.eraser = eraser;
    this.notifications = notifications;
    this.audit = audit;
    this.clock = clock;
  }

  /** One erasure request. */
  public record Request(
      UUID id,
      UUID caseId,
      String caseReference,
      String reason,
      String status,
      Instant requestedAt,
      String decisionNote,
      boolean held) {}

  /** One legal hold in force. */
  public record Hold(UUID id, UUID caseId, String caseReference, String reason, Instant placedAt) {}

  /** Records the person's request to erase their data. */
  @Transactional
  public UUID request(PalermoPrincipal who, UUID caseId, String reason) {
    if (!policy.allows(who, caseId, FieldGroup.IDENTITY, Access.READ, Purpose.OVERSIGHT)) {
      policy.require(who, caseId, FieldGroup.IDENTITY, Access.WRITE);
    }
    String why = text(reason, "reason");
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO erasure_request (id, case_id, requested_by, requested_at, reason, status)"
                + " VALUES (?, ?, ?, ?, ?, 'REQUESTED')")
        .params(id, caseId, who.userId(), Timestamp.from(clock.instant()), why)
        .update();
    notifications.notify(who.agencyId(), "erasureRequested", caseId, "request:" + id);
    record(who, "privacy.erasure.request", caseId, "request:" + id);
    return id;
  }

  /** The DPO's decision: erase (unless a legal hold blocks it) or refuse. */
  @Transactional
  public void decide(PalermoPrincipal who, UUID requestId, boolean erase, String note) {
    UUID caseId =
        jdbc.sql("SELECT case_id FROM erasure_request WHERE id = ? AND status = 'REQUESTED'")
            .param(requestId)
            .query(UUID.class)
            .optional()
            .orElseThrow(() -> new PalermoException(ErrorCode.NOT_FOUND, "No such open request."));
    policy.require(who, caseId, FieldGroup.IDENTITY, Access.READ, Purpose.OVERSIGHT);
    String text = text(note, "note");
    Instant now = clock.instant();
    if (erase) {
      if (eraser.held(caseId)) {
        record(who, "privacy.erasure.blocked", caseId, "request:" + requestId);
        throw new PalermoException(
            ErrorCode.CONFLICT,
            "A legal hold is in force on this case; release it before erasing.",
            Map.of("field", "hold"));
      }
      int keys = eraser.anonymise(caseId, now);
      record(who, "privacy.erasure.erase", caseId, "request:" + requestId + " keys=" + keys);
    } else {
      record(who, "privacy.erasure.refuse", caseId, "request:" + requestId);
    }
    jdbc.sql(
            "UPDATE erasure_request SET status = ?, decided_by = ?, decided_at = ?,"
                + " decision_note = ? WHERE id = ?")
        .params(erase ? "ERASED" : "REFUSED", who.userId(), Timestamp.from(now), text, requestId)
        .update();
  }

  /** Places a legal hold on the case. */
  @Transactional
  public UUID hold(PalermoPrincipal who, UUID caseId, String reason) {
    policy.require(who, caseId, FieldGroup.IDENTITY, Access.READ, Purpose.OVERSIGHT);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO legal_hold (id, case_id, reason, placed_by, placed_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(id, caseId, text(reason, "reason"), who.userId(), Timestamp.from(clock.instant()))
        .update();
    record(who, "privacy.hold.place", caseId, "hold:" + id);
    return id;
  }

  /** Releases a legal hold. */
  @Transactional
  public void release(PalermoPrincipal who, UUID holdId) {
    UUID caseId =
        jdbc.sql("SELECT case_id FROM legal_hold WHERE id = ? AND released_at IS NULL")
            .param(holdId)
            .query(UUID.class)
            .optional()
            .orElseThrow(() -> new PalermoException(ErrorCode.NOT_FOUND, "No such hold."));
    policy.require(who, caseId, FieldGroup.IDENTITY, Access.READ, Purpose.OVERSIGHT);
    jdbc.sql("UPDATE legal_hold SET released_at = ?, released_by = ? WHERE id = ?")
        .params(Timestamp.from(clock.instant()), who.userId(), holdId)
        .update();
    record(who, "privacy.hold.release", caseId, "hold:" + holdId);
  }

  /** The requests of the DPO's agency, open ones first. */
  public List<Request> requests(PalermoPrincipal who) {
    requireDpo(who);
    return jdbc.sql(
            """
            SELECT r.id, r.case_id, c.reference, r.reason, r.status, r.requested_at,
              r.decision_note,
              EXISTS (SELECT 1 FROM legal_hold h WHERE h.case_id = r.case_id
                AND h.released_at IS NULL) AS held
            FROM erasure_request r JOIN case_file c ON c.id = r.case_id
            WHERE c.owner_agency_id = ?
            ORDER BY (r.status = 'REQUESTED') DESC, r.requested_at DESC LIMIT 200""")
        .param(who.agencyId())
        .query(
            (rs, n) ->
                new Request(
                    rs.getObject("id", UUID.class),
                    rs.getObject("case_id", UUID.class),
                    rs.getString("reference"),
                    rs.getString("reason"),
                    rs.getString("status"),
                    rs.getTimestamp("requested_at").toInstant(),
                    rs.getString("decision_note"),
                    rs.getBoolean("held")))
        .list();
  }

  /** The legal holds in force on cases of the DPO's agency. */
  public List<Hold> holds(PalermoPrincipal who) {
    requireDpo(who);
    return jdbc.sql(
            """
            SELECT h.id, h.case_id, c.reference, h.reason, h.placed_at
            FROM legal_hold h JOIN case_file c ON c.id = h.case_id
            WHERE c.owner_agency_id = ? AND h.released_at IS NULL ORDER BY h.placed_at DESC""")
        .param(who.agencyId())
        .query(
            (rs, n) ->
                new Hold(
                    rs.getObject("id", UUID.class),
                    rs.getObject("case_id", UUID.class),
                    rs.getString("reference"),
                    rs.getString("reason"),
                    rs.getTimestamp("placed_at").toInstant()))
        .list();
  }

  /** The id of the case of the user's own agency with {@code reference}; 404 otherwise. */
  public UUID caseOfAgency(PalermoPrincipal who, String reference) {
    // No role check here: the use case the id is given to asks the access policy, so that the
    // page and the API (which takes the id) refuse the same users with the same status
    // (GeneratedAccessMatrixIT). A reference of another agency is "no such case", as for the API.
    String ref = reference == null ? "" : reference.strip();
    return jdbc.sql("SELECT id FROM case_file WHERE reference = ? AND owner_agency_id = ?")
        .params(ref, who.agencyId())
        .query(UUID.class)
        .optional()
        .orElseThrow(
            () ->
                new PalermoException(
                    ErrorCode.NOT_FOUND, AccessPolicy.NO_SUCH_CASE, Map.of("field", "reference")));
  }

  /** Whether {@code who} is a data-protection officer: the guard of the privacy pages and menu. */
  static boolean dpo(PalermoPrincipal who) {
    return who.hasRole(Role.DATA_PROTECTION_OFFICER);
  }

  static void requireDpo(PalermoPrincipal who) {
    if (!dpo(who)) {
      throw new PalermoException(ErrorCode.FORBIDDEN, "For the data-protection officer only.");
    }
  }

  private static String text(String value, String field) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty() || v.length() > 1000) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "Required, at most 1000 characters.",
          Map.of("field", field));
    }
    return v;
  }

  private void record(PalermoPrincipal who, String action, UUID caseId, String detail) {
    audit.record(
        new AuditEntry(
            who.username(), who.agencyName(), action, "case:" + caseId, Outcome.SUCCESS, detail));
  }
}
