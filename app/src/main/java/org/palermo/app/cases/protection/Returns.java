package org.palermo.app.cases.protection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.cases.CaseLookup.CaseFacts;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.cases.protection.ChildSafeguards.BestInterests;
import org.palermo.app.cases.protection.ChildSafeguards.Kind;
import org.palermo.app.cases.protection.ReturnConditions.Refusal;
import org.palermo.app.cases.protection.ReturnConditions.ReturnKind;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.crypto.SealedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Return and reintegration: the documented risk assessment with its non-refoulement check, the
 * return (including assisted voluntary return) that {@link ReturnConditions} must allow, and the
 * reintegration plan's follow-ups. Repatriation is with due regard for the person's safety and
 * preferably voluntary (Palermo Protocol art. 8; CoE Convention art. 16); no one is returned where
 * life or freedom would be threatened (1951 Convention art. 33).
 */
@Service
public class Returns {
  private final JdbcClient jdbc;
  private final ChildSafeguards children;
  private final CaseTimeline timeline;
  private final ProtectionAccess access;
  private final Clock clock;

  private final SealedText sealed;
  private final ReturnGate gate;

  Returns(
      JdbcClient jdbc,
      ChildSafeguards children,
      CaseTimeline timeline,
      ProtectionAccess access,
      Clock clock,
      SealedText sealed,
      ReturnGate gate) {
    this.sealed = sealed;
    this.gate = gate;
    this.jdbc = jdbc;
    this.children = children;
    this.timeline = timeline;
    this.access = access;
    this.clock = clock;
  }

  /** A risk assessment: every question answered, with its sources. */
  public record RiskAssessment(
      UUID id,
      String destinationCountry,
      LocalDate assessedOn,
      boolean riskToLifeOrFreedom,
      boolean riskOfTorture,
      boolean riskOfSeriousHarm,
      boolean riskOfRetrafficking,
      String sources) {
    public boolean safe() {
      return !riskToLifeOrFreedom && !riskOfTorture && !riskOfSeriousHarm && !riskOfRetrafficking;
    }
  }

  /** A recorded return. */
  public record Return(
      UUID id,
      ReturnKind kind,
      String destinationCountry,
      LocalDate returnOn,
      UUID riskAssessmentId,
      Boolean freeChoice,
      Boolean informedDecision) {}

  /** One follow-up of the reintegration plan. */
  public record FollowUp(UUID id, String description, LocalDate dueOn, LocalDate doneOn) {
    public boolean overdue(LocalDate today) {
      return doneOn == null && dueOn.isBefore(today);
    }
  }

  /** The return page. */
  public record ReturnRecord(
      UUID caseId,
      String reference,
      boolean child,
      LocalDate today,
      List<RiskAssessment> assessments,
      List<Return> returns,
      List<FollowUp> followUps) {}

  public record RiskCommand(
      String destinationCountry,
      LocalDate assessedOn,
      Boolean riskToLifeOrFreedom,
      Boolean riskOfTorture,
      Boolean riskOfSeriousHarm,
      Boolean riskOfRetrafficking,
      String sources) {}

  public record ReturnCommand(
      ReturnKind kind,
      String destinationCountry,
      LocalDate returnOn,
      Boolean freeChoice,
      Boolean informedDecision) {}

  public record FollowUpCommand(String description, LocalDate dueOn) {}

  public ReturnRecord view(PalermoPrincipal who, UUID caseId) {
    access.read(who, caseId, FieldGroup.LEGAL_PROCEEDINGS, "protection.return.read");
    CaseFacts f = children.facts(caseId);
    return new ReturnRecord(
        caseId,
        f.reference(),
        f.child(),
        children.today(),
        assessments(caseId),
        returns(caseId),
        followUps(caseId));
  }

  /** Documents the risk on return: each question must be answered and the sources given. */
  @Transactional
  public UUID assessRisk(PalermoPrincipal who, UUID caseId, RiskCommand c) {
    access.write(who, caseId, FieldGroup.LEGAL_PROCEEDINGS);
    children.facts(caseId);
    String country = country(c.destinationCountry());
    LocalDate on = children.pastOrToday(c.assessedOn(), "assessedOn");
    boolean life = answered(c.riskToLifeOrFreedom(), "riskToLifeOrFreedom");
    boolean torture = answered(c.riskOfTorture(), "riskOfTorture");
    boolean harm = answered(c.riskOfSeriousHarm(), "riskOfSeriousHarm");
    boolean again = answered(c.riskOfRetrafficking(), "riskOfRetrafficking");
    String sources = ProtectionAccess.required(c.sources(), "sources", 2000);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO return_risk_assessment (id, case_id, destination_country, assessed_on,
              risk_to_life_or_freedom, risk_of_torture, risk_of_serious_harm,
              risk_of_retrafficking, sources_sealed, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            id,
            caseId,
            country,
            on,
            life,
            torture,
            harm,
            again,
            sealed.seal(caseId, "return_risk_assessment", "sources", id, sources),
            who.username(),
            now())
        .update();
    boolean safe = !(life || torture || harm || again);
    timeline.append(caseId, who, "protection.riskAssessed", "country:" + country + " safe:" + safe);
    access.record(who, caseId, "protection.risk", Outcome.SUCCESS, "safe=" + safe);
    return id;
  }

  /**
   * Records a return if the person's protection status ({@link ReturnGate}) and then {@link
   * ReturnConditions} allow it, against the latest risk assessment for the destination; otherwise
   * refuses with the first reason (all reasons in {@code reasons}).
   */
  @Transactional
  public UUID recordReturn(PalermoPrincipal who, UUID caseId, ReturnCommand c) {
    access.write(who, caseId, FieldGroup.LEGAL_PROCEEDINGS);
    CaseFacts f = children.facts(caseId);
    if (c.kind() == null) {
      throw ProtectionAccess.invalid("kind", "Say which kind of return.");
    }
    String country = country(c.destinationCountry());
    LocalDate on = c.returnOn();
    if (on == null) {
      throw ProtectionAccess.invalid("returnOn", "The date of return is required.");
    }
    // The person's one protection status first: identification, reflection period, permits,
    // asylum, proceedings, review window and a current risk assessment (issue 13 §1).
    gate.require(
        who,
        caseId,
        c.kind() == ReturnKind.ASSISTED_VOLUNTARY
            ? PersonProtection.Action.ASSISTED_VOLUNTARY_RETURN
            : PersonProtection.Action.REMOVAL,
        country,
        "protection.return");
    Optional<RiskAssessment> risk =
        assessments(caseId).stream()
            .filter(a -> a.destinationCountry().equals(country))
            .reduce((a, b) -> b);
    LocalDate today = children.today();
    boolean unaccompanied = children.unaccompanied(caseId);
    List<BestInterests> bi = children.bestInterests(caseId);
    Optional<BestInterests> bid = children.latestDetermination(caseId);
    ReturnConditions.Builder built =
        ReturnConditions.Facts.of(c.kind())
            .freeChoice(c.freeChoice())
            .informedDecision(c.informedDecision())
            .child(f.child())
            .unaccompanied(unaccompanied)
            .guardianInOffice(children.activeGuardian(caseId, today).isPresent())
            .bestInterestsAssessed(bi.stream().anyMatch(b -> b.kind() == Kind.ASSESSMENT))
            .bestInterestsReturn(
                bid.map(b -> b.outcome() == BestInterestsOutcome.RETURN_AND_FAMILY_REUNIFICATION)
                    .orElse(false));
    risk.ifPresent(
        r ->
            built.riskAssessed(
                r.riskToLifeOrFreedom(),
                r.riskOfTorture(),
                r.riskOfSeriousHarm(),
                r.riskOfRetrafficking()));
    ReturnConditions.Facts facts = built.build();
    children.refuseReturnToSuspectedExploiter(who, caseId);
    List<Refusal> refusals = ReturnConditions.check(facts);
    if (!refusals.isEmpty()) {
      Refusal first = refusals.get(0);
      access.record(who, caseId, "protection.return", Outcome.FAILURE, "reasons=" + refusals);
      throw new PalermoException(
          ErrorCode.CONFLICT,
          first,
          "The return cannot be recorded: " + first.name() + " (" + first.provision() + ").",
          Map.of("reasons", refusals.stream().map(Refusal::code).toList()));
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO case_return (id, case_id, kind, destination_country, return_on,
              risk_assessment_id, free_choice, informed_decision, best_interests_id, recorded_by,
              recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            id,
            caseId,
            c.kind().name(),
            country,
            on,
            risk.get().id(),
            c.freeChoice(),
            c.informedDecision(),
            f.child() ? bid.map(BestInterests::id).orElse(null) : null,
            who.username(),
            now())
        .update();
    timeline.append(caseId, who, "protection.returnRecorded", c.kind() + " country:" + country);
    access.record(who, caseId, "protection.return", Outcome.SUCCESS, "return:" + id);
    return id;
  }

  @Transactional
  public UUID addFollowUp(PalermoPrincipal who, UUID caseId, FollowUpCommand c) {
    access.write(who, caseId, FieldGroup.CASE_NARRATIVE);
    children.facts(caseId);
    String text = ProtectionAccess.required(c.description(), "description", 500);
    if (c.dueOn() == null) {
      throw ProtectionAccess.invalid("dueOn", "The due date is required.");
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO reintegration_followup (id, case_id, description_sealed, due_on,"
                + " recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            id,
            caseId,
            sealed.seal(caseId, "reintegration_followup", "description", id, text),
            c.dueOn(),
            who.username(),
            now())
        .update();
    timeline.append(caseId, who, "protection.followUpPlanned", "due:" + c.dueOn());
    access.record(who, caseId, "protection.followUp", Outcome.SUCCESS, "followup:" + id);
    return id;
  }

  @Transactional
  public void followUpDone(PalermoPrincipal who, UUID caseId, UUID followUpId) {
    access.write(who, caseId, FieldGroup.CASE_NARRATIVE);
    int n =
        jdbc.sql(
                "UPDATE reintegration_followup SET done_on = ?"
                    + " WHERE id = ? AND case_id = ? AND done_on IS NULL")
            .params(children.today(), followUpId, caseId)
            .update();
    if (n == 0) {
      throw new PalermoException(ErrorCode.NOT_FOUND, "No such open follow-up.");
    }
    timeline.append(caseId, who, "protection.followUpDone", "followup:" + followUpId);
    access.record(who, caseId, "protection.followUp", Outcome.SUCCESS, "done:" + followUpId);
  }

  List<RiskAssessment> assessments(UUID caseId) {
    return jdbc.sql(
            """
            SELECT id, destination_country, assessed_on, risk_to_life_or_freedom, risk_of_torture,
              risk_of_serious_harm, risk_of_retrafficking, sources, sources_sealed
            FROM return_risk_assessment WHERE case_id = ? ORDER BY assessed_on, recorded_at""")
        .param(caseId)
        .query(
            (rs, n) ->
                new RiskAssessment(
                    rs.getObject("id", UUID.class),
                    rs.getString("destination_country"),
                    rs.getObject("assessed_on", LocalDate.class),
                    rs.getBoolean("risk_to_life_or_freedom"),
                    rs.getBoolean("risk_of_torture"),
                    rs.getBoolean("risk_of_serious_harm"),
                    rs.getBoolean("risk_of_retrafficking"),
                    sealed.open(
                        caseId,
                        "return_risk_assessment",
                        "sources",
                        rs.getObject("id", UUID.class),
                        rs.getBytes("sources_sealed"),
                        rs.getString("sources"))))
        .list();
  }

  List<Return> returns(UUID caseId) {
    return jdbc.sql(
            "SELECT id, kind, destination_country, return_on, risk_assessment_id, free_choice,"
                + " informed_decision FROM case_return WHERE case_id = ? ORDER BY return_on")
        .param(caseId)
        .query(
            (rs, n) ->
                new Return(
                    rs.getObject("id", UUID.class),
                    ReturnKind.valueOf(rs.getString("kind")),
                    rs.getString("destination_country"),
                    rs.getObject("return_on", LocalDate.class),
                    rs.getObject("risk_assessment_id", UUID.class),
                    (Boolean) rs.getObject("free_choice"),
                    (Boolean) rs.getObject("informed_decision")))
        .list();
  }

  List<FollowUp> followUps(UUID caseId) {
    return jdbc.sql(
            "SELECT id, description, description_sealed, due_on, done_on"
                + " FROM reintegration_followup"
                + " WHERE case_id = ? ORDER BY due_on, recorded_at")
        .param(caseId)
        .query(
            (rs, n) ->
                new FollowUp(
                    rs.getObject("id", UUID.class),
                    sealed.open(
                        caseId,
                        "reintegration_followup",
                        "description",
                        rs.getObject("id", UUID.class),
                        rs.getBytes("description_sealed"),
                        rs.getString("description")),
                    rs.getObject("due_on", LocalDate.class),
                    rs.getObject("done_on", LocalDate.class)))
        .list();
  }

  private static boolean answered(Boolean answer, String field) {
    if (answer == null) {
      throw ProtectionAccess.invalid(field, "Answer every risk question (" + field + ").");
    }
    return answer;
  }

  static String country(String code) {
    if (code == null || !code.strip().toUpperCase().matches("[A-Z]{2}")) {
      throw ProtectionAccess.invalid(
          "destinationCountry", "Give the country as an ISO 3166 two-letter code.");
    }
    return code.strip().toUpperCase();
  }

  private Timestamp now() {
    return Timestamp.from(Instant.now(clock));
  }
}
