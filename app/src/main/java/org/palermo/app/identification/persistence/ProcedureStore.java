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
import org.palermo.app.identification.procedure.IdentificationProcedure;
import org.palermo.app.identification.procedure.ProcedureStage;
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
        CASE p.stage WHEN 'AWAITING_REASONABLE_GROUNDS' THEN p.reasonable_grounds_due
                     WHEN 'AWAITING_CONCLUSIVE_GROUNDS' THEN p.conclusive_grounds_due END AS due_on,
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
                  conclusive_grounds_due = ?, removal_recorded_on = ?, version = version + 1
                WHERE id = ? AND version = ?""")
            .params(
                p.stage().name(),
                date(p.reflectionEnds()),
                date(p.conclusiveGroundsDue()),
                date(p.removalRecordedOn()),
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
                decided_at, decided_on, due_on, standard_of_proof, reviewed_by, reviewed_by_name)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
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
              d.reviewedByName())
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
                 WHERE p.authority_agency_id = ? AND (
                  (p.stage = 'AWAITING_REASONABLE_GROUNDS' AND p.reasonable_grounds_due < ?)
                  OR (p.stage = 'AWAITING_CONCLUSIVE_GROUNDS' AND p.conclusive_grounds_due < ?))
                """
                + ORDER)
        .params(authorityAgencyId, Date.valueOf(today), Date.valueOf(today))
        .query(ProcedureStore::item)
        .list();
  }

  private static final String ORDER = " ORDER BY due_on, p.referred_at, p.id";

  private IdentificationProcedure.Snapshot withDecisions(IdentificationProcedure.Snapshot s) {
    List<Decision> decisions =
        jdbc.sql("SELECT * FROM identification_decision WHERE procedure_id = ? ORDER BY decided_at")
            .param(s.id())
            .query((rs, n) -> decision(s.screeningId(), rs))
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
        s.version());
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
        rs.getString("reviewed_by_name"));
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
