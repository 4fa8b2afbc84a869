package org.palermo.app.identification.persistence;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.palermo.app.identification.procedure.Decision;
import org.palermo.app.identification.procedure.DecisionKind;
import org.palermo.app.identification.procedure.DecisionMakingOrg;
import org.palermo.app.identification.procedure.Evidence;
import org.palermo.app.identification.procedure.IdentificationProcedure;
import org.palermo.app.identification.procedure.ProcedureStage;
import org.palermo.app.identification.procedure.Reconsideration;
import org.palermo.app.identification.procedure.TraffickingStatus;
import org.palermo.app.platform.crypto.SealedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Formal identification procedures and their decisions, with SQL written out. */
@Repository
public class ProcedureStore {
  private static final String ITEM =
      """
      SELECT p.id, p.screening_id, a.name AS referring_agency, p.referred_on, p.stage,
        COALESCE(p.reconsideration_due,
          CASE p.stage WHEN 'AWAITING_REASONABLE_GROUNDS' THEN p.reasonable_grounds_due
                       WHEN 'AWAITING_CONCLUSIVE_GROUNDS' THEN p.conclusive_grounds_due END)
          AS due_on,
        p.reflection_ends
      FROM identification_procedure p JOIN agency a ON a.id = p.referring_agency_id
      """;

  private final JdbcClient jdbc;

  private final SealedText sealed;

  ProcedureStore(JdbcClient jdbc, SealedText sealed) {
    this.jdbc = jdbc;
    this.sealed = sealed;
  }

  /** One procedure in an authority's list: dates and stage, nothing about the person. */
  public record Item(
      UUID id,
      UUID screeningId,
      String referringAgency,
      LocalDate referredOn,
      ProcedureStage stage,
      LocalDate dueOn,
      LocalDate reflectionEnds) {}

  public void insert(IdentificationProcedure procedure) {
    IdentificationProcedure.Snapshot p = procedure.snapshot();
    jdbc.sql(
            """
            INSERT INTO identification_procedure (id, screening_id, referring_agency_id,
              authority_agency_id, referred_by, referred_at, referred_on, reasonable_grounds_due,
              stage, reflection_ends, conclusive_grounds_due, removal_recorded_on, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
        .params(
            p.id(),
            p.screeningId(),
            p.referringAgencyId(),
            p.authorityAgencyId(),
            p.referredBy(),
            Timestamp.from(p.referredAt()),
            Date.valueOf(p.referredOn()),
            Date.valueOf(p.reasonableGroundsDue()),
            p.stage().name(),
            date(p.reflectionEnds()),
            date(p.conclusiveGroundsDue()),
            date(p.removalRecordedOn()))
        .update();
  }

  /** Saves the procedure and any decision not stored yet; false when the version moved on. */
  public boolean update(IdentificationProcedure procedure) {
    IdentificationProcedure.Snapshot p = procedure.snapshot();
    int rows =
        jdbc.sql(
                """
                UPDATE identification_procedure SET stage = ?, reflection_ends = ?,
                  conclusive_grounds_due = ?, removal_recorded_on = ?, reconsideration_due = ?,
                  version = version + 1
                WHERE id = ? AND version = ?""")
            .params(
                p.stage().name(),
                date(p.reflectionEnds()),
                date(p.conclusiveGroundsDue()),
                date(p.removalRecordedOn()),
                procedure.openReconsideration() == null
                    ? null
                    : date(procedure.openReconsideration().dueOn()),
                p.id(),
                p.version())
            .update();
    if (rows != 1) {
      return false;
    }
    for (Decision d : p.decisions()) {
      jdbc.sql(
              """
              INSERT INTO identification_decision (id, procedure_id, kind, trafficking_status,
                decision_making_org, grounds_sealed, decided_by, decided_by_name, authority_name,
                decided_at, decided_on, due_on, standard_of_proof, reviewed_by, reviewed_by_name,
                review_state, reviewed_at, reviewed_on, return_reason_sealed, evidence,
                evidence_other_sealed, credibility_trauma_informed, supersedes)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT (id) DO UPDATE SET review_state = EXCLUDED.review_state,
                reviewed_at = EXCLUDED.reviewed_at, reviewed_on = EXCLUDED.reviewed_on,
                return_reason_sealed = EXCLUDED.return_reason_sealed
              WHERE identification_decision.review_state = 'AWAITING_REVIEW'""")
          .params(
              d.id(),
              p.id(),
              d.kind().name(),
              d.status().name(),
              d.decidedByOrg().name(),
              // The grounds are free text about the person: sealed under the screening's data
              // key, like its answers (V17; issue 5 §4).
              sealed.seal(
                  p.screeningId(), "identification_decision", "grounds", d.id(), d.grounds()),
              d.decidedBy(),
              d.decidedByName(),
              d.authorityName(),
              Timestamp.from(d.decidedAt()),
              Date.valueOf(d.decidedOn()),
              Date.valueOf(d.dueOn()),
              d.standardOfProof().name(),
              d.reviewedBy(),
              d.reviewedByName(),
              d.reviewState().name(),
              d.reviewedAt() == null ? null : Timestamp.from(d.reviewedAt()),
              date(d.reviewedOn()),
              d.returnReason() == null
                  ? null
                  : sealed.seal(
                      p.screeningId(),
                      "identification_decision",
                      "return_reason",
                      d.id(),
                      d.returnReason()),
              d.evidence().stream().map(Enum::name).toArray(String[]::new),
              d.evidenceOther() == null
                  ? null
                  : sealed.seal(
                      p.screeningId(),
                      "identification_decision",
                      "evidence_other",
                      d.id(),
                      d.evidenceOther()),
              d.credibilityTraumaInformed(),
              d.supersedes())
          .update();
    }
    for (Reconsideration r : procedure.reconsiderations()) {
      jdbc.sql(
              """
              INSERT INTO identification_reconsideration (id, procedure_id, decision_id,
                requested_by, representative_name_sealed, grounds_sealed, received_on, recorded_by,
                recorded_by_name, recorded_at, due_on, outcome_decision_id)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              ON CONFLICT (id) DO UPDATE SET outcome_decision_id = EXCLUDED.outcome_decision_id""")
          .params(
              r.id(),
              p.id(),
              r.decisionId(),
              r.requestedBy().name(),
              r.representativeName() == null
                  ? null
                  : sealed.seal(
                      p.screeningId(),
                      "identification_reconsideration",
                      "representative_name",
                      r.id(),
                      r.representativeName()),
              sealed.seal(
                  p.screeningId(),
                  "identification_reconsideration",
                  "grounds",
                  r.id(),
                  r.grounds()),
              Date.valueOf(r.receivedOn()),
              r.recordedBy(),
              r.recordedByName(),
              Timestamp.from(r.recordedAt()),
              Date.valueOf(r.dueOn()),
              r.outcomeDecisionId())
          .update();
    }
    return true;
  }

  public Optional<IdentificationProcedure> byScreening(UUID screeningId) {
    return jdbc.sql("SELECT * FROM identification_procedure WHERE screening_id = ?")
        .param(screeningId)
        .query((rs, n) -> snapshot(rs))
        .optional()
        .map(s -> IdentificationProcedure.restore(withDecisions(s)));
  }

  /** The authority's procedures awaiting a decision, soonest deadline first. */
  public List<Item> open(UUID authorityAgencyId) {
    return jdbc.sql(ITEM + " WHERE p.authority_agency_id = ? AND p.stage <> 'CONCLUDED'" + ORDER)
        .param(authorityAgencyId)
        .query(ProcedureStore::item)
        .list();
  }

  /** The authority's procedures whose pending decision is past its deadline on {@code today}. */
  public List<Item> overdue(UUID authorityAgencyId, LocalDate today) {
    return jdbc.sql(
            ITEM
                + """
                 WHERE p.authority_agency_id = ? AND p.stage <> 'CONCLUDED' AND (
                  (p.reconsideration_due IS NOT NULL AND p.reconsideration_due < ?)
                  OR (p.reconsideration_due IS NULL AND (
                    (p.stage = 'AWAITING_REASONABLE_GROUNDS' AND p.reasonable_grounds_due < ?)
                    OR (p.stage = 'AWAITING_CONCLUSIVE_GROUNDS'
                      AND p.conclusive_grounds_due < ?))))
                """
                + ORDER)
        .params(authorityAgencyId, Date.valueOf(today), Date.valueOf(today), Date.valueOf(today))
        .query(ProcedureStore::item)
        .list();
  }

  private static final String ORDER = " ORDER BY due_on, p.referred_at, p.id";

  private IdentificationProcedure.Snapshot withDecisions(IdentificationProcedure.Snapshot s) {
    List<Decision> decisions =
        jdbc.sql(
                "SELECT * FROM identification_decision WHERE procedure_id = ?"
                    + " ORDER BY decided_at, id")
            .param(s.id())
            .query((rs, n) -> decision(s.screeningId(), rs))
            .list();
    List<Reconsideration> reconsiderations =
        jdbc.sql(
                "SELECT * FROM identification_reconsideration WHERE procedure_id = ?"
                    + " ORDER BY recorded_at, id")
            .param(s.id())
            .query((rs, n) -> reconsideration(s.screeningId(), rs))
            .list();
    return new IdentificationProcedure.Snapshot(
        s.id(),
        s.screeningId(),
        s.referringAgencyId(),
        s.authorityAgencyId(),
        s.referredBy(),
        s.referredAt(),
        s.referredOn(),
        s.reasonableGroundsDue(),
        s.stage(),
        s.reflectionEnds(),
        s.conclusiveGroundsDue(),
        s.removalRecordedOn(),
        decisions,
        s.version(),
        reconsiderations);
  }

  private Reconsideration reconsideration(UUID screeningId, ResultSet rs) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    byte[] name = rs.getBytes("representative_name_sealed");
    return new Reconsideration(
        id,
        rs.getObject("decision_id", UUID.class),
        Reconsideration.Requester.valueOf(rs.getString("requested_by")),
        name == null
            ? null
            : sealed.open(
                screeningId,
                "identification_reconsideration",
                "representative_name",
                id,
                name,
                null),
        sealed.open(
            screeningId,
            "identification_reconsideration",
            "grounds",
            id,
            rs.getBytes("grounds_sealed"),
            null),
        rs.getObject("received_on", LocalDate.class),
        rs.getObject("recorded_by", UUID.class),
        rs.getString("recorded_by_name"),
        rs.getTimestamp("recorded_at").toInstant(),
        rs.getObject("due_on", LocalDate.class),
        rs.getObject("outcome_decision_id", UUID.class));
  }

  private static IdentificationProcedure.Snapshot snapshot(ResultSet rs) throws SQLException {
    return new IdentificationProcedure.Snapshot(
        rs.getObject("id", UUID.class),
        rs.getObject("screening_id", UUID.class),
        rs.getObject("referring_agency_id", UUID.class),
        rs.getObject("authority_agency_id", UUID.class),
        rs.getObject("referred_by", UUID.class),
        rs.getTimestamp("referred_at").toInstant(),
        rs.getObject("referred_on", LocalDate.class),
        rs.getObject("reasonable_grounds_due", LocalDate.class),
        ProcedureStage.valueOf(rs.getString("stage")),
        rs.getObject("reflection_ends", LocalDate.class),
        rs.getObject("conclusive_grounds_due", LocalDate.class),
        rs.getObject("removal_recorded_on", LocalDate.class),
        List.of(),
        rs.getInt("version"));
  }

  private Decision decision(UUID screeningId, ResultSet rs) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    return new Decision(
        id,
        DecisionKind.valueOf(rs.getString("kind")),
        TraffickingStatus.valueOf(rs.getString("trafficking_status")),
        DecisionMakingOrg.valueOf(rs.getString("decision_making_org")),
        sealed.open(
            screeningId,
            "identification_decision",
            "grounds",
            id,
            rs.getBytes("grounds_sealed"),
            rs.getString("grounds")),
        rs.getObject("decided_by", UUID.class),
        rs.getString("decided_by_name"),
        rs.getString("authority_name"),
        rs.getTimestamp("decided_at").toInstant(),
        rs.getObject("decided_on", LocalDate.class),
        rs.getObject("due_on", LocalDate.class),
        rs.getObject("reviewed_by", UUID.class),
        rs.getString("reviewed_by_name"),
        Decision.ReviewState.valueOf(rs.getString("review_state")),
        rs.getTimestamp("reviewed_at") == null ? null : rs.getTimestamp("reviewed_at").toInstant(),
        rs.getObject("reviewed_on", LocalDate.class),
        opened(screeningId, "return_reason", id, rs.getBytes("return_reason_sealed")),
        evidence(rs.getArray("evidence")),
        opened(screeningId, "evidence_other", id, rs.getBytes("evidence_other_sealed")),
        rs.getBoolean("credibility_trauma_informed"),
        rs.getObject("supersedes", UUID.class));
  }

  private String opened(UUID screeningId, String column, UUID id, byte[] value) {
    return value == null
        ? null
        : sealed.open(screeningId, "identification_decision", column, id, value, null);
  }

  private static List<Evidence> evidence(java.sql.Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return java.util.Arrays.stream((String[]) array.getArray()).map(Evidence::valueOf).toList();
  }

  private static Item item(ResultSet rs, int n) throws SQLException {
    return new Item(
        rs.getObject("id", UUID.class),
        rs.getObject("screening_id", UUID.class),
        rs.getString("referring_agency"),
        rs.getObject("referred_on", LocalDate.class),
        ProcedureStage.valueOf(rs.getString("stage")),
        rs.getObject("due_on", LocalDate.class),
        rs.getObject("reflection_ends", LocalDate.class));
  }

  private static Date date(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }
}
