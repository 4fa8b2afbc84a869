package org.palermo.app.cases.protection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.cases.CaseLookup.CaseFacts;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.cases.persistence.PersonStore;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Age assessments: the only way to end the presumption of minority. A person whose age is disputed
 * is treated as a child for every rule — the case's child flag, the referral pathway, the return
 * conditions — until an age assessment concludes otherwise (CoE Convention CETS 197 art. 10(3);
 * Directive 2011/36/EU art. 13(2)). The assessment records who assessed, by which method, whether
 * it was multidisciplinary, whether the benefit of the doubt was applied and whether the person was
 * told of the right to challenge it (CRC General Comment 6 § 31(i)). An inconclusive assessment
 * leaves the person a child; a conclusion that the person is an adult needs a multidisciplinary
 * assessment that applied the benefit of the doubt and the person informed of the right to
 * challenge it, and leaves the person protected from removal as a presumed child for {@code
 * palermo.protection.age-challenge-days} ({@link PersonProtection}).
 */
@Service
public class AgeAssessments {
  private final JdbcClient jdbc;
  private final CaseLookup cases;
  private final CaseTimeline timeline;
  private final ProtectionAccess access;
  private final PersonStore persons;
  private final Clock clock;

  AgeAssessments(
      JdbcClient jdbc,
      CaseLookup cases,
      CaseTimeline timeline,
      ProtectionAccess access,
      PersonStore persons,
      Clock clock) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.timeline = timeline;
    this.access = access;
    this.persons = persons;
    this.clock = clock;
  }

  /** How the age was assessed. */
  public enum Method {
    DOCUMENTS,
    INTERVIEW,
    PSYCHOSOCIAL,
    MEDICAL,
    HOLISTIC
  }

  /** What the assessment concluded. */
  public enum AgeOutcome {
    /** Under 18: the dispute ends and the person stays a child. */
    CHILD,
    /** 18 or over: the dispute ends and the child rules no longer apply. */
    ADULT,
    /** No conclusion: the dispute stays, and so does the presumption of minority. */
    INCONCLUSIVE
  }

  /** One age assessment. */
  public record AgeAssessment(
      UUID id,
      LocalDate assessedOn,
      String assessedBy,
      Method method,
      boolean multidisciplinary,
      boolean benefitOfDoubt,
      boolean informedOfRightToChallenge,
      AgeOutcome outcome,
      String recordedBy) {}

  /**
   * Record an age assessment. {@code assessedBirthDate} (optional) is the birth date the assessment
   * arrived at; for a child outcome it lets the case know when the person turns 18.
   */
  public record AgeAssessmentCommand(
      LocalDate assessedOn,
      String assessedBy,
      Method method,
      Boolean multidisciplinary,
      Boolean benefitOfDoubt,
      Boolean informedOfRightToChallenge,
      AgeOutcome outcome,
      LocalDate assessedBirthDate) {}

  /** The case's age assessments and whether the age is still disputed. */
  public record AgeRecord(
      UUID caseId, boolean child, boolean ageDisputed, List<AgeAssessment> assessments) {}

  /**
   * The age record of a case, after asking the access policy (case narrative, as the child page).
   */
  public AgeRecord view(PalermoPrincipal who, UUID caseId) {
    access.read(who, caseId, FieldGroup.CASE_NARRATIVE, "protection.age.read");
    return record(caseId);
  }

  AgeRecord record(UUID caseId) {
    CaseFacts f = facts(caseId);
    return new AgeRecord(caseId, f.child(), f.ageDisputed(), assessments(caseId));
  }

  /** Records an assessment; a CHILD or ADULT outcome ends the dispute, INCONCLUSIVE does not. */
  @Transactional
  public UUID record(PalermoPrincipal who, UUID caseId, AgeAssessmentCommand c) {
    access.write(who, caseId, FieldGroup.CASE_NARRATIVE);
    access.write(who, caseId, FieldGroup.IDENTITY);
    CaseFacts f = facts(caseId);
    String action = "protection.ageAssessment";
    LocalDate today = LocalDate.now(clock);
    if (c.assessedOn() == null || c.assessedOn().isAfter(today)) {
      throw ProtectionAccess.invalid("assessedOn", "The assessment date is required, not future.");
    }
    String by = ProtectionAccess.required(c.assessedBy(), "assessedBy", 200);
    if (c.method() == null) {
      throw ProtectionAccess.invalid("method", "Say how the age was assessed.");
    }
    if (c.multidisciplinary() == null) {
      throw ProtectionAccess.invalid("multidisciplinary", "Say whether it was multidisciplinary.");
    }
    if (c.benefitOfDoubt() == null) {
      throw ProtectionAccess.invalid(
          "benefitOfDoubt", "Say whether the benefit of the doubt was applied.");
    }
    if (c.informedOfRightToChallenge() == null) {
      throw ProtectionAccess.invalid(
          "informedOfRightToChallenge",
          "Say whether the person was told of the right to challenge the assessment.");
    }
    if (c.outcome() == null) {
      throw ProtectionAccess.invalid("outcome", "Say what the assessment concluded.");
    }
    LocalDate birth = c.assessedBirthDate();
    if (birth != null) {
      boolean minor = PersonStore.minor(birth, today);
      if (birth.isAfter(today)
          || (c.outcome() == AgeOutcome.CHILD && !minor)
          || (c.outcome() == AgeOutcome.ADULT && minor)
          || c.outcome() == AgeOutcome.INCONCLUSIVE) {
        throw ProtectionAccess.invalid(
            "assessedBirthDate", "The assessed birth date does not match the outcome.");
      }
    }
    if (c.outcome() == AgeOutcome.ADULT && !(c.multidisciplinary() && c.benefitOfDoubt())) {
      // Adulthood may be concluded only by a multidisciplinary assessment that applied the benefit
      // of the doubt (CRC GC 6 § 31(i); Directive 2011/36/EU art. 13(2); Directive 2013/32/EU art.
      // 25(5)): otherwise the person stays a presumed child.
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          ProtectionRefusal.ADULT_WITHOUT_SAFEGUARDS,
          "Adulthood may be concluded only by a multidisciplinary assessment that applied the"
              + " benefit of the doubt (CRC GC 6 § 31; Directive 2011/36/EU art. 13(2)).",
          java.util.Map.of(
              "field", c.multidisciplinary() ? "benefitOfDoubt" : "multidisciplinary"));
    }
    if (c.outcome() == AgeOutcome.ADULT && !c.informedOfRightToChallenge()) {
      // Whoever is found to be an adult loses the protection of a child: they must be able to
      // challenge it (CRC GC 6 § 31(i); Directive 2011/36/EU art. 13(2)).
      throw access.refuse(
          who,
          caseId,
          action,
          ProtectionRefusal.RIGHT_TO_CHALLENGE_NOT_INFORMED,
          "Tell the person of the right to challenge the assessment before concluding adulthood.");
    }
    UUID id = UUID.randomUUID();
    Instant now = Instant.now(clock);
    jdbc.sql(
            """
            INSERT INTO age_assessment (id, case_id, person_id, assessed_on, assessed_by, method,
              multidisciplinary, benefit_of_doubt, informed_of_challenge, outcome, recorded_by,
              recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            id,
            caseId,
            f.personId(),
            c.assessedOn(),
            by,
            c.method().name(),
            c.multidisciplinary(),
            c.benefitOfDoubt(),
            c.informedOfRightToChallenge(),
            c.outcome().name(),
            who.username(),
            Timestamp.from(now))
        .update();
    if (c.outcome() != AgeOutcome.INCONCLUSIVE) {
      persons.concludeAge(f.personId(), birth, now);
    }
    timeline.append(caseId, who, "protection.ageAssessed", "outcome:" + c.outcome());
    access.record(who, caseId, action, Outcome.SUCCESS, "age-assessment:" + id);
    return id;
  }

  List<AgeAssessment> assessments(UUID caseId) {
    return jdbc.sql(
            """
            SELECT a.id, a.assessed_on, a.assessed_by, a.method, a.multidisciplinary,
              a.benefit_of_doubt, a.informed_of_challenge, a.outcome, a.recorded_by
            FROM age_assessment a WHERE a.case_id = ? ORDER BY a.assessed_on, a.recorded_at""")
        .param(caseId)
        .query(
            (rs, n) ->
                new AgeAssessment(
                    rs.getObject("id", UUID.class),
                    rs.getObject("assessed_on", LocalDate.class),
                    rs.getString("assessed_by"),
                    Method.valueOf(rs.getString("method")),
                    rs.getBoolean("multidisciplinary"),
                    rs.getBoolean("benefit_of_doubt"),
                    rs.getBoolean("informed_of_challenge"),
                    AgeOutcome.valueOf(rs.getString("outcome")),
                    rs.getString("recorded_by")))
        .list();
  }

  private CaseFacts facts(UUID caseId) {
    return cases
        .facts(caseId)
        .orElseThrow(() -> new PalermoException(ErrorCode.NOT_FOUND, "No such case."));
  }
}
