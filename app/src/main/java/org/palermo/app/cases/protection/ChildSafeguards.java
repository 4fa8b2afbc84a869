package org.palermo.app.cases.protection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.Accounts.UserSummary;
import org.palermo.app.access.Agency;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.cases.CaseLookup.CaseFacts;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.cases.persistence.CaseStore;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.crypto.SealedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A child's guardian appointments and best-interests assessments (BIA) and determinations (BID).
 * The best interests of the child are a primary consideration in every action (CRC art. 3(1)); an
 * unaccompanied or separated child gets a guardian as soon as identified (CRC GC 6 § 33; CoE
 * Convention art. 10(4)) and a best-interests assessment before a durable solution is determined
 * (GC 6 §§ 20, 79). A person whose age is disputed is treated as a child until assessed (CoE
 * Convention art. 10(3)).
 */
@Service
public class ChildSafeguards {
  private final JdbcClient jdbc;
  private final CaseLookup cases;
  private final CaseTimeline timeline;
  private final ProtectionAccess access;
  private final Clock clock;

  private final SealedText sealed;
  private final PersonLinks links;
  private final Accounts accounts;
  private final CaseStore store;

  ChildSafeguards(
      JdbcClient jdbc,
      CaseLookup cases,
      CaseTimeline timeline,
      ProtectionAccess access,
      Clock clock,
      SealedText sealed,
      PersonLinks links,
      Accounts accounts,
      CaseStore store) {
    this.accounts = accounts;
    this.store = store;
    this.sealed = sealed;
    this.links = links;
    this.jdbc = jdbc;
    this.cases = cases;
    this.timeline = timeline;
    this.access = access;
    this.clock = clock;
  }

  /**
   * A guardian appointment: who, by which authority, since when, and how the guardian is reached:
   * the guardian's agency of this instance ({@code agencyId}, {@code agencyName}), their user
   * account ({@code username}) and contact details (sealed), each optional.
   */
  public record Guardian(
      UUID id,
      String guardianName,
      String organisation,
      String authority,
      LocalDate appointedOn,
      LocalDate endedOn,
      UUID agencyId,
      String agencyName,
      UUID userId,
      String username,
      String contact) {
    /** Whether a notification reaches the guardian (an agency or a user of the instance). */
    public boolean reachableByNotification() {
      return agencyId != null;
    }

    public boolean activeOn(LocalDate day) {
      return !appointedOn.isAfter(day) && (endedOn == null || endedOn.isAfter(day));
    }
  }

  /** Kind of best-interests record. */
  public enum Kind {
    ASSESSMENT,
    DETERMINATION
  }

  /** A best-interests assessment or determination. */
  public record BestInterests(
      UUID id,
      Kind kind,
      LocalDate doneOn,
      String conductedBy,
      UUID guardianId,
      boolean childHeard,
      BestInterestsOutcome outcome,
      String summary) {}

  /**
   * The child page: whether the rules for children apply, and the records. {@code guardianMissing}
   * is the alert: a child who needs a guardian (unaccompanied or separated, or exploited by a
   * parent or caregiver) has none in office.
   */
  public record ChildRecord(
      UUID caseId,
      String reference,
      boolean child,
      boolean ageDisputed,
      boolean unaccompanied,
      boolean exploitedByParentOrCaregiver,
      boolean guardianMissing,
      List<Guardian> guardians,
      List<BestInterests> bestInterests) {}

  /**
   * Appoint a guardian; {@code guardianAgencyId} (an agency of the instance), {@code
   * guardianUsername} (a user of the instance: their agency is then the guardian's) and {@code
   * contact} (phone, address: sealed) say how the guardian is reached, each optional.
   */
  public record GuardianCommand(
      String guardianName,
      String organisation,
      String authority,
      LocalDate appointedOn,
      UUID guardianAgencyId,
      String guardianUsername,
      String contact) {
    public GuardianCommand(
        String guardianName, String organisation, String authority, LocalDate appointedOn) {
      this(guardianName, organisation, authority, appointedOn, null, null, null);
    }
  }

  /** Record a BIA or a BID. */
  public record BestInterestsCommand(
      Kind kind,
      LocalDate doneOn,
      String conductedBy,
      Boolean childHeard,
      BestInterestsOutcome outcome,
      String summary) {}

  /** The child record of a case, after asking the access policy (case narrative). */
  public ChildRecord view(PalermoPrincipal who, UUID caseId) {
    access.read(who, caseId, FieldGroup.CASE_NARRATIVE, "protection.child.read");
    return record(caseId);
  }

  ChildRecord record(UUID caseId) {
    CaseFacts f = facts(caseId);
    boolean byFamily = links.exploitedByParentOrCaregiver(caseId);
    return new ChildRecord(
        caseId,
        f.reference(),
        f.child(),
        f.ageDisputed(),
        unaccompanied(caseId),
        byFamily,
        guardianMissing(caseId, f),
        guardians(caseId),
        bestInterests(caseId));
  }

  /**
   * Whether a child the rules engine found or presumed (whatever the person record's age) needs a
   * guardian and has none in office: reported without a caregiver ({@code withoutCaregiver}),
   * recorded unaccompanied or separated, or exploited by a parent or caregiver.
   */
  boolean guardianNeededForPresumedChild(UUID caseId, boolean withoutCaregiver) {
    return (withoutCaregiver || unaccompanied(caseId) || links.exploitedByParentOrCaregiver(caseId))
        && activeGuardian(caseId, today()).isEmpty();
  }

  /**
   * Whether a child who needs a guardian has none in office: an unaccompanied or separated child
   * (CRC GC 6 § 33; CoE Convention art. 10(4)), or a child exploited by a parent or caregiver,
   * whatever the migration status (Directive 2011/36/EU art. 14(2)). A guardian is appointed as
   * soon as the child is identified.
   */
  boolean guardianMissing(UUID caseId, CaseFacts f) {
    return f.child()
        && (unaccompanied(caseId) || links.exploitedByParentOrCaregiver(caseId))
        && activeGuardian(caseId, today()).isEmpty();
  }

  /**
   * The return path's check on links between persons: a child is not returned to a parent or
   * caregiver suspected of exploiting them (CRC GC 6 §§ 82, 84; CoE Convention art. 16(7)), and a
   * child exploited by a parent or caregiver is not returned without a guardian in office
   * (Directive 2011/36/EU art. 14(2)). Throws the refusal, audited, with its reason.
   */
  public void refuseReturnToSuspectedExploiter(PalermoPrincipal who, UUID caseId) {
    CaseFacts f = facts(caseId);
    if (!f.child() || !links.exploitedByParentOrCaregiver(caseId)) {
      return;
    }
    throw access.refuse(
        who,
        caseId,
        "protection.return",
        ProtectionRefusal.LINKED_SUSPECTED_EXPLOITER,
        "A parent or caregiver is linked as a suspected exploiter of this child: no return or"
            + " family reunification with them (CRC GC 6 §§ 82, 84; CoE Convention art. 16(7)).");
  }

  @Transactional
  public UUID appointGuardian(PalermoPrincipal who, UUID caseId, GuardianCommand c) {
    access.write(who, caseId, FieldGroup.CASE_NARRATIVE);
    CaseFacts f = facts(caseId);
    if (!f.child()) {
      throw access.refuse(
          who,
          caseId,
          "protection.guardian",
          ProtectionRefusal.NOT_A_CHILD,
          "Guardians are for children.");
    }
    String name = ProtectionAccess.required(c.guardianName(), "guardianName", 200);
    String org = ProtectionAccess.optional(c.organisation(), "organisation", 200);
    String authority = ProtectionAccess.required(c.authority(), "authority", 200);
    LocalDate on = pastOrToday(c.appointedOn(), "appointedOn");
    String contact = ProtectionAccess.optional(c.contact(), "contact", 500);
    UUID userId = null;
    UUID agencyId = c.guardianAgencyId();
    if (c.guardianUsername() != null && !c.guardianUsername().isBlank()) {
      UserSummary user =
          accounts
              .user(c.guardianUsername().strip())
              .filter(UserSummary::enabled)
              .orElseThrow(
                  () -> ProtectionAccess.invalid("guardianUsername", "No such active user."));
      UUID userAgency = accounts.agencyByName(user.agency()).map(Agency::id).orElseThrow();
      if (agencyId != null && !agencyId.equals(userAgency)) {
        throw ProtectionAccess.invalid(
            "guardianAgencyId", "The guardian's user belongs to another agency.");
      }
      userId = user.id();
      agencyId = userAgency;
    }
    if (agencyId != null) {
      UUID wanted = agencyId;
      Agency agency =
          accounts.agencies().stream()
              .filter(a -> a.id().equals(wanted))
              .findFirst()
              .orElseThrow(() -> ProtectionAccess.invalid("guardianAgencyId", "No such agency."));
      if (agency.type().isEnforcement() || agency.sitsIn() != null) {
        // The guardian is told of the child's case through notifications: never an enforcement
        // body, which stays behind the assistance-enforcement firewall (SECURITY.md rule 3).
        throw ProtectionAccess.invalid(
            "guardianAgencyId", "A guardian is not reached through an enforcement agency.");
      }
    }
    if (links.isSuspectedExploiter(caseId, name)) {
      // No child is placed with a linked suspected exploiter (CRC GC 6 § 33; Directive art. 14(2)).
      throw access.refuse(
          who,
          caseId,
          "protection.guardian",
          ProtectionRefusal.LINKED_SUSPECTED_EXPLOITER,
          "The guardian named is, or is likely to be, a person linked as a suspected exploiter"
              + " of this child: no child is placed with them (Directive 2011/36/EU art. 14(2);"
              + " CoE Convention art. 10(4); CRC GC 6 § 33).");
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO child_guardian (id, case_id, guardian_name_sealed, organisation,
              authority, appointed_on, recorded_by, recorded_at, guardian_agency_id,
              guardian_user_id, contact_sealed)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            id,
            caseId,
            sealed.seal(caseId, "child_guardian", "guardian_name", id, name),
            org,
            authority,
            on,
            who.username(),
            now(),
            agencyId,
            userId,
            sealed.seal(caseId, "child_guardian", "contact", id, contact))
        .update();
    // The guardian is recorded: the "appoint a guardian" task is done (GuardianDuty).
    for (UUID task :
        jdbc.sql(
                "SELECT p.task_id FROM child_protection_task p JOIN case_task t ON t.id = p.task_id"
                    + " WHERE p.case_id = ? AND p.purpose = 'APPOINT_GUARDIAN'"
                    + " AND t.completed_at IS NULL")
            .param(caseId)
            .query(UUID.class)
            .list()) {
      store.completeTask(caseId, task, who.userId(), Instant.now(clock));
    }
    timeline.append(caseId, who, "protection.guardianAppointed", "guardian:" + id);
    access.record(who, caseId, "protection.guardian", Outcome.SUCCESS, "guardian:" + id);
    return id;
  }

  /**
   * Records a BIA or BID. A determination needs an earlier assessment; for an unaccompanied or
   * separated child both need a guardian in office (GC 6 §§ 21, 33).
   */
  @Transactional
  public UUID recordBestInterests(PalermoPrincipal who, UUID caseId, BestInterestsCommand c) {
    access.write(who, caseId, FieldGroup.CASE_NARRATIVE);
    CaseFacts f = facts(caseId);
    String action = "protection.bestInterests";
    if (!f.child()) {
      throw access.refuse(
          who,
          caseId,
          action,
          ProtectionRefusal.NOT_A_CHILD,
          "Best-interests procedures are for children.");
    }
    if (c.kind() == null) {
      throw ProtectionAccess.invalid(
          "kind", "Say whether this is an assessment or a determination.");
    }
    if (c.childHeard() == null) {
      throw ProtectionAccess.invalid(
          "childHeard", "Say whether the child was heard (CRC art. 12).");
    }
    LocalDate on = pastOrToday(c.doneOn(), "doneOn");
    String by = ProtectionAccess.required(c.conductedBy(), "conductedBy", 200);
    String summary = ProtectionAccess.optional(c.summary(), "summary", 4000);
    if (c.kind() == Kind.DETERMINATION && c.outcome() == null) {
      throw ProtectionAccess.invalid("outcome", "A determination states its outcome.");
    }
    Optional<Guardian> guardian = activeGuardian(caseId, on);
    if (unaccompanied(caseId) && guardian.isEmpty()) {
      throw access.refuse(
          who,
          caseId,
          action,
          ProtectionRefusal.NO_GUARDIAN,
          "An unaccompanied or separated child needs a guardian appointed first.");
    }
    if (c.kind() == Kind.DETERMINATION
        && bestInterests(caseId).stream().noneMatch(b -> b.kind() == Kind.ASSESSMENT)) {
      throw access.refuse(
          who,
          caseId,
          action,
          ProtectionRefusal.NO_BEST_INTERESTS_ASSESSMENT,
          "Record a best-interests assessment before the determination.");
    }
    if (c.kind() == Kind.DETERMINATION
        && c.outcome() == BestInterestsOutcome.RETURN_AND_FAMILY_REUNIFICATION
        && links.exploitedByParentOrCaregiver(caseId)) {
      // Family tracing and reunification only where safe: never with a parent or caregiver
      // suspected of exploiting the child (CRC GC 6 §§ 80–83; CoE Convention art. 16(7)).
      throw access.refuse(
          who,
          caseId,
          action,
          ProtectionRefusal.LINKED_SUSPECTED_EXPLOITER,
          "A parent or caregiver is linked as a suspected exploiter of this child: a"
              + " determination cannot return the child to, or reunite them with, the family"
              + " (CRC GC 6 §§ 80–83; CoE Convention art. 16(7)).");
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO child_best_interests (id, case_id, kind, done_on, conducted_by,
              guardian_id, child_heard, outcome, summary_sealed, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            id,
            caseId,
            c.kind().name(),
            on,
            by,
            guardian.map(Guardian::id).orElse(null),
            c.childHeard(),
            c.kind() == Kind.DETERMINATION ? c.outcome().name() : null,
            sealed.seal(caseId, "child_best_interests", "summary", id, summary),
            who.username(),
            now())
        .update();
    String kind =
        c.kind() == Kind.ASSESSMENT
            ? "protection.bestInterestsAssessed"
            : "protection.bestInterestsDetermined";
    timeline.append(
        caseId, who, kind, c.kind() == Kind.DETERMINATION ? "outcome:" + c.outcome() : "");
    access.record(who, caseId, action, Outcome.SUCCESS, c.kind() + " " + id);
    return id;
  }

  /**
   * The latest best-interests determination of the case, unchecked: for rules in other modules (a
   * child's referral rests on it), never shown to a user without the access policy.
   */
  public Optional<BestInterests> latestDetermination(UUID caseId) {
    return bestInterests(caseId).stream()
        .filter(b -> b.kind() == Kind.DETERMINATION)
        .reduce((a, b) -> b);
  }

  /** Whether the person is recorded as an unaccompanied or separated child. */
  public boolean unaccompanied(UUID caseId) {
    return jdbc.sql(
                "SELECT count(*) FROM case_file c JOIN person p ON p.id = c.person_id"
                    + " WHERE c.id = ? AND p.migration_status = 'SEPARATED_OR_UNACCOMPANIED_CHILD'")
            .param(caseId)
            .query(Long.class)
            .single()
        > 0;
  }

  Optional<Guardian> activeGuardian(UUID caseId, LocalDate on) {
    return guardians(caseId).stream().filter(g -> g.activeOn(on)).reduce((a, b) -> b);
  }

  List<Guardian> guardians(UUID caseId) {
    return jdbc.sql(
            "SELECT id, guardian_name, guardian_name_sealed, organisation, authority,"
                + " appointed_on, ended_on, guardian_agency_id, guardian_user_id, contact,"
                + " contact_sealed"
                + " FROM child_guardian WHERE case_id = ? ORDER BY appointed_on, recorded_at")
        .param(caseId)
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              UUID agencyId = rs.getObject("guardian_agency_id", UUID.class);
              UUID userId = rs.getObject("guardian_user_id", UUID.class);
              return new Guardian(
                  id,
                  sealed.open(
                      caseId,
                      "child_guardian",
                      "guardian_name",
                      id,
                      rs.getBytes("guardian_name_sealed"),
                      rs.getString("guardian_name")),
                  rs.getString("organisation"),
                  rs.getString("authority"),
                  rs.getObject("appointed_on", LocalDate.class),
                  rs.getObject("ended_on", LocalDate.class),
                  agencyId,
                  agencyId == null
                      ? null
                      : accounts.agencies().stream()
                          .filter(a -> a.id().equals(agencyId))
                          .map(Agency::name)
                          .findFirst()
                          .orElse(null),
                  userId,
                  userId == null
                      ? null
                      : accounts.user(userId).map(UserSummary::username).orElse(null),
                  sealed.open(
                      caseId,
                      "child_guardian",
                      "contact",
                      id,
                      rs.getBytes("contact_sealed"),
                      rs.getString("contact")));
            })
        .list();
  }

  List<BestInterests> bestInterests(UUID caseId) {
    return jdbc.sql(
            "SELECT id, kind, done_on, conducted_by, guardian_id, child_heard, outcome, summary,"
                + " summary_sealed"
                + " FROM child_best_interests WHERE case_id = ? ORDER BY done_on, recorded_at")
        .param(caseId)
        .query(
            (rs, n) -> {
              String outcome = rs.getString("outcome");
              return new BestInterests(
                  rs.getObject("id", UUID.class),
                  Kind.valueOf(rs.getString("kind")),
                  rs.getObject("done_on", LocalDate.class),
                  rs.getString("conducted_by"),
                  rs.getObject("guardian_id", UUID.class),
                  rs.getBoolean("child_heard"),
                  outcome == null ? null : BestInterestsOutcome.valueOf(outcome),
                  sealed.open(
                      caseId,
                      "child_best_interests",
                      "summary",
                      rs.getObject("id", UUID.class),
                      rs.getBytes("summary_sealed"),
                      rs.getString("summary")));
            })
        .list();
  }

  CaseFacts facts(UUID caseId) {
    return cases
        .facts(caseId)
        .orElseThrow(() -> new PalermoException(ErrorCode.NOT_FOUND, "No such case."));
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  private Timestamp now() {
    return Timestamp.from(Instant.now(clock));
  }

  LocalDate pastOrToday(LocalDate day, String field) {
    if (day == null) {
      throw ProtectionAccess.invalid(field, "The date " + field + " is required.");
    }
    if (day.isAfter(today())) {
      throw ProtectionAccess.invalid(field, "The date " + field + " cannot be in the future.");
    }
    return day;
  }
}
