package org.palermo.app.cases.protection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.cases.ProtectionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asylum decisions recorded on a case (issue 13 §2): the only way the person's protection status
 * leaves "asylum seeker", "refugee" or "complementary protection" (editing the person cannot, see
 * {@code PersonRecords.update}). The person's status follows their latest decision (by decision
 * day, then by recording time), over all their cases:
 *
 * <ul>
 *   <li>{@code GRANTED_REFUGEE}: refugee (1951 Convention art. 1A, 33(1));
 *   <li>{@code GRANTED_COMPLEMENTARY}: complementary protection (Directive 2011/95/EU art. 18, 21);
 *   <li>{@code REJECTED} or {@code WITHDRAWN} not final (an appeal pending or still possible):
 *       asylum seeker, still protected from refoulement (Directive 2013/32/EU art. 46(5));
 *   <li>{@code REJECTED} or {@code WITHDRAWN} final: no protection status.
 * </ul>
 *
 * <p>Legal-proceedings field group, through {@link ProtectionAccess} (the access policy), audited,
 * on the timeline (outcome only). Outcome, dates and the deciding authority only: no grounds.
 */
@Service
public class AsylumDecisions {
  private final JdbcClient jdbc;
  private final ChildSafeguards children;
  private final CaseTimeline timeline;
  private final ProtectionAccess access;
  private final Clock clock;

  AsylumDecisions(
      JdbcClient jdbc,
      ChildSafeguards children,
      CaseTimeline timeline,
      ProtectionAccess access,
      Clock clock) {
    this.jdbc = jdbc;
    this.children = children;
    this.timeline = timeline;
    this.access = access;
    this.clock = clock;
  }

  /** What the asylum authority (or the court on appeal) decided. */
  public enum DecisionOutcome {
    GRANTED_REFUGEE,
    GRANTED_COMPLEMENTARY,
    REJECTED,
    WITHDRAWN
  }

  /**
   * One decision.
   *
   * @param isFinal no appeal is pending or possible any more
   */
  public record Decision(
      UUID id,
      DecisionOutcome outcome,
      LocalDate decidedOn,
      String authority,
      @com.fasterxml.jackson.annotation.JsonProperty("final") boolean isFinal) {}

  /**
   * What the API and the page send.
   *
   * @param isFinal {@code final} in JSON: no appeal pending or possible
   */
  public record DecisionCommand(
      DecisionOutcome outcome,
      LocalDate decidedOn,
      String authority,
      @com.fasterxml.jackson.annotation.JsonProperty("final") Boolean isFinal) {}

  public List<Decision> of(PalermoPrincipal who, UUID caseId) {
    access.read(who, caseId, FieldGroup.LEGAL_PROCEEDINGS, "protection.asylum.read");
    return jdbc.sql(
            "SELECT id, outcome, decided_on, authority, final FROM asylum_decision"
                + " WHERE case_id = ? ORDER BY decided_on, recorded_at")
        .param(caseId)
        .query(
            (rs, n) ->
                new Decision(
                    rs.getObject("id", UUID.class),
                    DecisionOutcome.valueOf(rs.getString("outcome")),
                    rs.getObject("decided_on", LocalDate.class),
                    rs.getString("authority"),
                    rs.getBoolean("final")))
        .list();
  }

  /** Records the decision and sets the person's protection status from their latest decision. */
  @Transactional
  public UUID record(PalermoPrincipal who, UUID caseId, DecisionCommand c) {
    access.write(who, caseId, FieldGroup.LEGAL_PROCEEDINGS);
    UUID personId = children.facts(caseId).personId();
    if (c == null || c.outcome() == null) {
      throw ProtectionAccess.invalid("outcome", "Say what was decided.");
    }
    LocalDate on = children.pastOrToday(c.decidedOn(), "decidedOn");
    String authority = ProtectionAccess.required(c.authority(), "authority", 200);
    if (c.isFinal() == null) {
      throw ProtectionAccess.invalid(
          "final", "Say whether the decision is final (no appeal pending or possible).");
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO asylum_decision (id, case_id, outcome, decided_on, authority, final,"
                + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            caseId,
            c.outcome().name(),
            on,
            authority,
            c.isFinal(),
            who.username(),
            Timestamp.from(clock.instant()))
        .update();
    Decision latest =
        jdbc.sql(
                """
                SELECT d.id, d.outcome, d.decided_on, d.authority, d.final FROM asylum_decision d
                JOIN case_file c ON c.id = d.case_id WHERE c.person_id = ?
                ORDER BY d.decided_on DESC, d.recorded_at DESC LIMIT 1""")
            .param(personId)
            .query(
                (rs, n) ->
                    new Decision(
                        rs.getObject("id", UUID.class),
                        DecisionOutcome.valueOf(rs.getString("outcome")),
                        rs.getObject("decided_on", LocalDate.class),
                        rs.getString("authority"),
                        rs.getBoolean("final")))
            .single();
    ProtectionStatus status = statusAfter(latest.outcome(), latest.isFinal());
    jdbc.sql(
            "UPDATE person SET protection_status = ?, version = version + 1, updated_at = ?"
                + " WHERE id = ? AND protection_status IS DISTINCT FROM ?")
        .params(status.name(), Timestamp.from(clock.instant()), personId, status.name())
        .update();
    timeline.append(
        caseId,
        who,
        "protection.asylumDecisionRecorded",
        c.outcome().name() + " final:" + c.isFinal());
    access.record(who, caseId, "protection.asylum", Outcome.SUCCESS, "decision:" + id);
    return id;
  }

  /** The protection status a decision leaves (Directive 2013/32/EU art. 46(5) for non-final). */
  static ProtectionStatus statusAfter(DecisionOutcome outcome, boolean isFinal) {
    return switch (outcome) {
      case GRANTED_REFUGEE -> ProtectionStatus.REFUGEE;
      case GRANTED_COMPLEMENTARY -> ProtectionStatus.COMPLEMENTARY_PROTECTION;
      case REJECTED, WITHDRAWN -> isFinal ? ProtectionStatus.NONE : ProtectionStatus.ASYLUM_SEEKER;
    };
  }
}
