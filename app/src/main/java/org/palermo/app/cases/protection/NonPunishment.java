package org.palermo.app.cases.protection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.cases.CaseLookup.CaseFacts;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.cases.TraffickingStatus;
import org.palermo.app.cases.TraffickingStatuses;
import org.palermo.app.cases.persistence.PersonStore;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.crypto.SealedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Non-punishment (CoE Convention CETS 197 art. 26; Directive 2011/36/EU art. 8): victims of forced
 * criminality or of immigration offences tied to their trafficking are the people most often
 * prosecuted. The case owner records the offences charged and the proceedings against the person,
 * with the person's consent, from what the person or their lawyer reports. When a person whose
 * trafficking status is possible (indicated) or actual (identified) is a suspect in a proceeding
 * not closed, the case shows the non-punishment flag, and a notice can be produced for a prosecutor
 * or defence lawyer, with the person's consent. Legal-proceedings group throughout.
 */
@Service
public class NonPunishment {
  private final JdbcClient jdbc;
  private final CaseLookup cases;
  private final CaseTimeline timeline;
  private final ProtectionAccess access;
  private final SealedText sealed;
  private final PersonStore persons;
  private final TraffickingStatuses statuses;
  private final Clock clock;

  NonPunishment(
      JdbcClient jdbc,
      CaseLookup cases,
      CaseTimeline timeline,
      ProtectionAccess access,
      SealedText sealed,
      PersonStore persons,
      TraffickingStatuses statuses,
      Clock clock) {
    this.statuses = statuses;
    this.persons = persons;
    this.jdbc = jdbc;
    this.cases = cases;
    this.timeline = timeline;
    this.access = access;
    this.sealed = sealed;
    this.clock = clock;
  }

  /** Where the proceeding against the person stands. */
  public enum Stage {
    SUSPECTED,
    CHARGED,
    ON_TRIAL,
    CONVICTED,
    CLOSED
  }

  /** Who reported the proceeding. */
  public enum ReportedBy {
    THE_PERSON,
    LAWYER
  }

  /** To whom a notice is addressed. */
  public enum Addressee {
    PROSECUTOR,
    DEFENCE_LAWYER
  }

  /** Who consented to the notice. */
  public enum NoticeConsent {
    THE_PERSON,
    GUARDIAN,
    LEGAL_REPRESENTATIVE
  }

  /** One proceeding against the person. */
  public record Proceeding(
      UUID id, String offence, Stage stage, String authority, ReportedBy reportedBy) {}

  /** Record a proceeding: the offence charged, the stage, the authority, who reported it. */
  public record ProceedingCommand(
      String offence, Stage stage, String authority, ReportedBy reportedBy, Boolean consent) {}

  /** Produce a notice: for whom, in which language, on whose consent. */
  public record NoticeCommand(Addressee addressedTo, String language, NoticeConsent consentBy) {}

  /** The case's non-punishment record: whether the flag shows, and the proceedings. */
  public record NonPunishmentRecord(
      UUID caseId,
      String reference,
      boolean flag,
      String traffickingStatus,
      List<Proceeding> proceedings) {}

  /** A notice produced: what it rests on. */
  public record Notice(
      UUID id,
      String reference,
      String personName,
      Addressee addressedTo,
      String language,
      String traffickingStatus,
      List<Proceeding> proceedings,
      Instant producedAt) {}

  public NonPunishmentRecord view(PalermoPrincipal who, UUID caseId) {
    access.read(who, caseId, FieldGroup.LEGAL_PROCEEDINGS, "protection.nonPunishment.read");
    return record(caseId);
  }

  NonPunishmentRecord record(UUID caseId) {
    CaseFacts f = facts(caseId);
    TraffickingStatus status = statuses.ofCase(caseId).status();
    List<Proceeding> proceedings = proceedings(caseId);
    return new NonPunishmentRecord(
        caseId, f.reference(), flag(status, proceedings), status.htcds(), proceedings);
  }

  /**
   * The flag: a person whose derived trafficking status is indicated or identified ({@link
   * TraffickingStatus#detected}: a screening indicating trafficking, a positive reasonable- or
   * conclusive-grounds decision; never a field anyone edits) who is a suspect, charged, on trial or
   * convicted in a proceeding not closed (CoE Convention art. 26; Directive 2011/36/EU art. 8).
   */
  static boolean flag(TraffickingStatus traffickingStatus, List<Proceeding> proceedings) {
    return traffickingStatus != null
        && traffickingStatus.detected()
        && proceedings.stream().anyMatch(p -> p.stage() != Stage.CLOSED);
  }

  /** Records a proceeding: the case owner only, with the person's consent. */
  @Transactional
  public UUID recordProceeding(PalermoPrincipal who, UUID caseId, ProceedingCommand c) {
    access.write(who, caseId, FieldGroup.LEGAL_PROCEEDINGS);
    CaseFacts f = facts(caseId);
    String action = "protection.proceeding";
    if (!f.ownerAgencyId().equals(who.agencyId())) {
      throw access.refuse(
          who,
          caseId,
          action,
          ProtectionRefusal.NOT_CASE_OWNER,
          "Only the case owner records proceedings.");
    }
    if (!Boolean.TRUE.equals(c.consent())) {
      throw access.refuse(
          who,
          caseId,
          action,
          ProtectionRefusal.CONSENT_REQUIRED,
          "Record a proceeding only with the person's consent.");
    }
    String offence = ProtectionAccess.required(c.offence(), "offence", 500);
    String authority = ProtectionAccess.required(c.authority(), "authority", 200);
    if (c.stage() == null) {
      throw ProtectionAccess.invalid("stage", "Say where the proceeding stands.");
    }
    if (c.reportedBy() == null) {
      throw ProtectionAccess.invalid("reportedBy", "Say who reported the proceeding.");
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO proceeding_against_person (id, case_id, offence_sealed, stage, authority,
              reported_by, consent, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?)""")
        .params(
            id,
            caseId,
            sealed.seal(caseId, "proceeding_against_person", "offence", id, offence),
            c.stage().name(),
            authority,
            c.reportedBy().name(),
            who.username(),
            Timestamp.from(Instant.now(clock)))
        .update();
    timeline.append(caseId, who, "protection.proceedingRecorded", "stage:" + c.stage());
    access.record(who, caseId, action, Outcome.SUCCESS, "proceeding:" + id);
    return id;
  }

  /**
   * Produces a notice when the flag shows, on the recorded consent of the person (or their guardian
   * or legal representative); each notice is recorded and audited.
   */
  @Transactional
  public Notice notice(PalermoPrincipal who, UUID caseId, NoticeCommand c) {
    access.read(who, caseId, FieldGroup.LEGAL_PROCEEDINGS, "protection.nonPunishment.notice");
    access.read(who, caseId, FieldGroup.IDENTITY, "protection.nonPunishment.notice.identity");
    String action = "protection.nonPunishment.notice";
    if (c.addressedTo() == null) {
      throw ProtectionAccess.invalid("addressedTo", "Say to whom the notice is addressed.");
    }
    if (c.language() == null || !Set.of("en", "fr", "es", "ar").contains(c.language())) {
      throw ProtectionAccess.invalid("language", "Choose the notice's language: en, fr, es, ar.");
    }
    if (c.consentBy() == null) {
      throw access.refuse(
          who,
          caseId,
          action,
          ProtectionRefusal.CONSENT_REQUIRED,
          "A notice is produced only with the person's recorded consent.");
    }
    NonPunishmentRecord r = record(caseId);
    if (!r.flag()) {
      throw access.refuse(
          who,
          caseId,
          action,
          ProtectionRefusal.NO_NON_PUNISHMENT_FLAG,
          "No proceeding against a possible or actual victim of trafficking is recorded.");
    }
    UUID id = UUID.randomUUID();
    Instant now = Instant.now(clock);
    jdbc.sql(
            """
            INSERT INTO non_punishment_notice (id, case_id, addressed_to, language, consent_by,
              consent_at, produced_by, produced_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            id,
            caseId,
            c.addressedTo().name(),
            c.language(),
            c.consentBy().name(),
            Timestamp.from(now),
            who.username(),
            Timestamp.from(now))
        .update();
    timeline.append(caseId, who, "protection.nonPunishmentNotice", "to:" + c.addressedTo());
    String name =
        persons.find(facts(caseId).personId()).map(p -> p.details().fullName()).orElse("");
    return new Notice(
        id,
        r.reference(),
        name,
        c.addressedTo(),
        c.language(),
        r.traffickingStatus(),
        r.proceedings(),
        now);
  }

  List<Proceeding> proceedings(UUID caseId) {
    return jdbc.sql(
            "SELECT id, offence, offence_sealed, stage, authority, reported_by"
                + " FROM proceeding_against_person WHERE case_id = ? ORDER BY recorded_at")
        .param(caseId)
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              return new Proceeding(
                  id,
                  sealed.open(
                      caseId,
                      "proceeding_against_person",
                      "offence",
                      id,
                      rs.getBytes("offence_sealed"),
                      rs.getString("offence")),
                  Stage.valueOf(rs.getString("stage")),
                  rs.getString("authority"),
                  ReportedBy.valueOf(rs.getString("reported_by")));
            })
        .list();
  }

  private CaseFacts facts(UUID caseId) {
    return cases
        .facts(caseId)
        .orElseThrow(() -> new PalermoException(ErrorCode.NOT_FOUND, "No such case."));
  }
}
