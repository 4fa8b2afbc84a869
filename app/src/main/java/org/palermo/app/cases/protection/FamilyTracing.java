package org.palermo.app.cases.protection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.cases.CaseLookup.CaseFacts;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.crypto.SealedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Family tracing for a child (CRC GC 6 §§ 80–83; UNHCR Guidelines on Assessing and Determining the
 * Best Interests of the Child, 2021): who is sought, their relationship to the child, through whom
 * (ICRC Restoring Family Links, a national Red Cross or Red Crescent society, IOM, the guardian, an
 * authority), and where it stands. Tracing and the information it gathers must not endanger the
 * child or the family (GC 6 § 80), and reunification is not sought where there is a reasonable risk
 * that it would violate the child's rights (GC 6 §§ 81–82): a safety check (risk to the child, risk
 * to the family, a link to a suspected exploiter, the child's views (CRC art. 12), the
 * best-interests consideration) is recorded before any status that means contact, and contact is
 * refused while the latest check finds a risk or the person sought is, or is linked to, a suspected
 * exploiter (CoE Convention art. 16(7)). Case narrative: read through the access policy, audited,
 * free text sealed.
 */
@Service
public class FamilyTracing {
  private final JdbcClient jdbc;
  private final CaseLookup cases;
  private final CaseTimeline timeline;
  private final ProtectionAccess access;
  private final SealedText sealed;
  private final PersonLinks links;
  private final Clock clock;

  FamilyTracing(
      JdbcClient jdbc,
      CaseLookup cases,
      CaseTimeline timeline,
      ProtectionAccess access,
      SealedText sealed,
      PersonLinks links,
      Clock clock) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.timeline = timeline;
    this.access = access;
    this.sealed = sealed;
    this.links = links;
    this.clock = clock;
  }

  /** The relationship of the person sought to the child. */
  public enum Relationship {
    PARENT,
    SIBLING,
    GRANDPARENT,
    OTHER_RELATIVE,
    OTHER
  }

  /** Through whom the tracing is done. */
  public enum Through {
    ICRC_RFL,
    NATIONAL_RED_CROSS,
    IOM,
    GUARDIAN,
    AUTHORITY,
    OTHER
  }

  /** Where a tracing stands. */
  public enum Status {
    REQUESTED,
    IN_PROGRESS,
    FOUND,
    NOT_FOUND,
    CONTACT_MADE,
    REUNIFICATION_CONSIDERED,
    CLOSED;

    /** The statuses that mean contact with the person sought: a safety check comes first. */
    public static final Set<Status> CONTACT = EnumSet.of(CONTACT_MADE, REUNIFICATION_CONSIDERED);

    public boolean contact() {
      return CONTACT.contains(this);
    }
  }

  /** A safety check of one tracing; contact is allowed only when it finds no risk and no link. */
  public record SafetyCheck(
      UUID id,
      LocalDate checkedOn,
      String checkedBy,
      boolean riskToChild,
      boolean riskToFamily,
      boolean linkedToSuspectedExploiter,
      String childViews,
      String bestInterests) {
    public boolean contactSafe() {
      return !riskToChild && !riskToFamily && !linkedToSuspectedExploiter;
    }
  }

  /** One tracing, with its safety checks, oldest first. */
  public record Tracing(
      UUID id,
      String sought,
      Relationship relationship,
      Through through,
      Status status,
      String notes,
      LocalDate requestedOn,
      List<SafetyCheck> safetyChecks) {
    /** The latest safety check, or null. */
    public SafetyCheck latestCheck() {
      return safetyChecks.isEmpty() ? null : safetyChecks.get(safetyChecks.size() - 1);
    }
  }

  /** Open a tracing request. */
  public record TracingCommand(
      String sought,
      Relationship relationship,
      Through through,
      LocalDate requestedOn,
      String notes) {}

  /** Record a safety check; {@code childViews} and {@code bestInterests} are required. */
  public record SafetyCheckCommand(
      LocalDate checkedOn,
      String checkedBy,
      Boolean riskToChild,
      Boolean riskToFamily,
      Boolean linkedToSuspectedExploiter,
      String childViews,
      String bestInterests) {}

  /** Change the status; {@code notes} optional (replaces the notes when given). */
  public record StatusCommand(Status status, String notes) {}

  /** The tracings of the case, after asking the access policy (case narrative). */
  public List<Tracing> view(PalermoPrincipal who, UUID caseId) {
    access.read(who, caseId, FieldGroup.CASE_NARRATIVE, "protection.tracing.read");
    facts(caseId);
    return tracings(caseId);
  }

  @Transactional
  public UUID request(PalermoPrincipal who, UUID caseId, TracingCommand c) {
    access.write(who, caseId, FieldGroup.CASE_NARRATIVE);
    CaseFacts f = facts(caseId);
    String action = "protection.tracing";
    if (!f.child()) {
      throw access.refuse(
          who,
          caseId,
          action,
          ProtectionRefusal.NOT_A_CHILD,
          "Family tracing here is for children.");
    }
    String sought = ProtectionAccess.required(c.sought(), "sought", 200);
    if (c.relationship() == null) {
      throw ProtectionAccess.invalid("relationship", "Say how the person sought is related.");
    }
    if (c.through() == null) {
      throw ProtectionAccess.invalid("through", "Say through whom the tracing is done.");
    }
    LocalDate on = pastOrToday(c.requestedOn(), "requestedOn");
    String notes = ProtectionAccess.optional(c.notes(), "notes", 4000);
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(Instant.now(clock));
    jdbc.sql(
            """
            INSERT INTO family_tracing (id, case_id, sought_sealed, relationship, through, status,
              notes_sealed, requested_on, recorded_by, recorded_at, updated_at)
            VALUES (?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?, ?, ?)""")
        .params(
            id,
            caseId,
            sealed.seal(caseId, "family_tracing", "sought", id, sought),
            c.relationship().name(),
            c.through().name(),
            sealed.seal(caseId, "family_tracing", "notes", id, notes),
            on,
            who.username(),
            now,
            now)
        .update();
    timeline.append(caseId, who, "protection.tracingRequested", "tracing:" + id);
    access.record(who, caseId, action, Outcome.SUCCESS, "tracing:" + id);
    return id;
  }

  /**
   * Records a safety check. A person sought who is linked to the child as a suspected exploiter is
   * recorded as such whatever the answer given.
   */
  @Transactional
  public UUID safetyCheck(PalermoPrincipal who, UUID caseId, UUID tracingId, SafetyCheckCommand c) {
    access.write(who, caseId, FieldGroup.CASE_NARRATIVE);
    Tracing t = tracing(caseId, tracingId);
    LocalDate on = pastOrToday(c.checkedOn(), "checkedOn");
    String by = ProtectionAccess.required(c.checkedBy(), "checkedBy", 200);
    if (c.riskToChild() == null) {
      throw ProtectionAccess.invalid("riskToChild", "Say whether contact puts the child at risk.");
    }
    if (c.riskToFamily() == null) {
      throw ProtectionAccess.invalid(
          "riskToFamily", "Say whether contact puts the family at risk.");
    }
    if (c.linkedToSuspectedExploiter() == null) {
      throw ProtectionAccess.invalid(
          "linkedToSuspectedExploiter",
          "Say whether the person sought is linked to a suspected exploiter.");
    }
    String views = ProtectionAccess.required(c.childViews(), "childViews", 4000);
    String best = ProtectionAccess.required(c.bestInterests(), "bestInterests", 4000);
    boolean linked =
        c.linkedToSuspectedExploiter() || links.isSuspectedExploiter(caseId, t.sought());
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO family_tracing_safety_check (id, tracing_id, case_id, checked_on,
              checked_by, risk_to_child, risk_to_family, linked_to_suspected_exploiter,
              child_views_sealed, best_interests_sealed, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(
            id,
            tracingId,
            caseId,
            on,
            by,
            c.riskToChild(),
            c.riskToFamily(),
            linked,
            sealed.seal(caseId, "family_tracing_safety_check", "child_views", id, views),
            sealed.seal(caseId, "family_tracing_safety_check", "best_interests", id, best),
            who.username(),
            Timestamp.from(Instant.now(clock)))
        .update();
    boolean safe = !c.riskToChild() && !c.riskToFamily() && !linked;
    timeline.append(
        caseId, who, "protection.tracingSafetyCheck", "tracing:" + tracingId + " safe=" + safe);
    access.record(
        who,
        caseId,
        "protection.tracing.safetyCheck",
        Outcome.SUCCESS,
        "tracing:" + tracingId + " safe=" + safe);
    return id;
  }

  /**
   * Moves the tracing on. A status that means contact needs a safety check finding no risk (CRC GC
   * 6 §§ 80–82), and never a person sought who is linked as a suspected exploiter (CoE Convention
   * art. 16(7); GC 6 § 82): refused, audited, with the reason.
   */
  @Transactional
  public void status(PalermoPrincipal who, UUID caseId, UUID tracingId, StatusCommand c) {
    access.write(who, caseId, FieldGroup.CASE_NARRATIVE);
    Tracing t = tracing(caseId, tracingId);
    String action = "protection.tracing.status";
    if (c.status() == null) {
      throw ProtectionAccess.invalid("status", "Choose the new status.");
    }
    if (t.status() == Status.CLOSED) {
      throw access.refuse(
          who, caseId, action, ProtectionRefusal.TRACING_CLOSED, "This tracing is closed.");
    }
    if (c.status().contact()) {
      if (links.isSuspectedExploiter(caseId, t.sought())) {
        throw access.refuse(
            who,
            caseId,
            action,
            ProtectionRefusal.LINKED_SUSPECTED_EXPLOITER,
            "The person sought is linked as a suspected exploiter of this child: no contact or"
                + " reunification (CRC GC 6 § 82; CoE Convention art. 16(7)).");
      }
      SafetyCheck check = t.latestCheck();
      if (check == null) {
        throw access.refuse(
            who,
            caseId,
            action,
            ProtectionRefusal.SAFETY_CHECK_REQUIRED,
            "Record a safety check before any contact with the family (CRC GC 6 §§ 80–83).");
      }
      if (check.linkedToSuspectedExploiter()) {
        throw access.refuse(
            who,
            caseId,
            action,
            ProtectionRefusal.LINKED_SUSPECTED_EXPLOITER,
            "The safety check links the person sought to a suspected exploiter: no contact or"
                + " reunification (CRC GC 6 § 82; CoE Convention art. 16(7)).");
      }
      if (!check.contactSafe()) {
        throw access.refuse(
            who,
            caseId,
            action,
            ProtectionRefusal.CONTACT_NOT_SAFE,
            "The latest safety check finds a risk to the child or the family: no contact"
                + " (CRC GC 6 §§ 80–82).");
      }
    }
    String notes = c.notes() == null || c.notes().isBlank() ? null : c.notes();
    if (notes != null) {
      notes = ProtectionAccess.optional(notes, "notes", 4000);
      jdbc.sql("UPDATE family_tracing SET notes_sealed = ?, notes = NULL WHERE id = ?")
          .params(sealed.seal(caseId, "family_tracing", "notes", tracingId, notes), tracingId)
          .update();
    }
    jdbc.sql("UPDATE family_tracing SET status = ?, updated_at = ? WHERE id = ? AND case_id = ?")
        .params(c.status().name(), Timestamp.from(Instant.now(clock)), tracingId, caseId)
        .update();
    timeline.append(
        caseId, who, "protection.tracingStatus", "tracing:" + tracingId + " " + c.status());
    access.record(who, caseId, action, Outcome.SUCCESS, "tracing:" + tracingId + " " + c.status());
  }

  private Tracing tracing(UUID caseId, UUID tracingId) {
    facts(caseId);
    return tracings(caseId).stream()
        .filter(t -> t.id().equals(tracingId))
        .findFirst()
        .orElseThrow(() -> new PalermoException(ErrorCode.NOT_FOUND, "No such tracing."));
  }

  List<Tracing> tracings(UUID caseId) {
    List<Object[]> checks =
        jdbc.sql(
                "SELECT id, tracing_id, checked_on, checked_by, risk_to_child, risk_to_family,"
                    + " linked_to_suspected_exploiter, child_views, child_views_sealed,"
                    + " best_interests, best_interests_sealed FROM family_tracing_safety_check"
                    + " WHERE case_id = ? ORDER BY recorded_at")
            .param(caseId)
            .query(
                (rs, n) -> {
                  UUID id = rs.getObject("id", UUID.class);
                  return new Object[] {
                    rs.getObject("tracing_id", UUID.class),
                    new SafetyCheck(
                        id,
                        rs.getObject("checked_on", LocalDate.class),
                        rs.getString("checked_by"),
                        rs.getBoolean("risk_to_child"),
                        rs.getBoolean("risk_to_family"),
                        rs.getBoolean("linked_to_suspected_exploiter"),
                        sealed.open(
                            caseId,
                            "family_tracing_safety_check",
                            "child_views",
                            id,
                            rs.getBytes("child_views_sealed"),
                            rs.getString("child_views")),
                        sealed.open(
                            caseId,
                            "family_tracing_safety_check",
                            "best_interests",
                            id,
                            rs.getBytes("best_interests_sealed"),
                            rs.getString("best_interests")))
                  };
                })
            .list();
    return jdbc.sql(
            "SELECT id, sought, sought_sealed, relationship, through, status, notes,"
                + " notes_sealed, requested_on FROM family_tracing WHERE case_id = ?"
                + " ORDER BY recorded_at")
        .param(caseId)
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              return new Tracing(
                  id,
                  sealed.open(
                      caseId,
                      "family_tracing",
                      "sought",
                      id,
                      rs.getBytes("sought_sealed"),
                      rs.getString("sought")),
                  Relationship.valueOf(rs.getString("relationship")),
                  Through.valueOf(rs.getString("through")),
                  Status.valueOf(rs.getString("status")),
                  sealed.open(
                      caseId,
                      "family_tracing",
                      "notes",
                      id,
                      rs.getBytes("notes_sealed"),
                      rs.getString("notes")),
                  rs.getObject("requested_on", LocalDate.class),
                  checks.stream()
                      .filter(c -> id.equals(c[0]))
                      .map(c -> (SafetyCheck) c[1])
                      .toList());
            })
        .list();
  }

  private CaseFacts facts(UUID caseId) {
    return cases
        .facts(caseId)
        .orElseThrow(() -> new PalermoException(ErrorCode.NOT_FOUND, "No such case."));
  }

  private LocalDate pastOrToday(LocalDate day, String field) {
    if (day == null) {
      throw ProtectionAccess.invalid(field, "The date " + field + " is required.");
    }
    if (day.isAfter(LocalDate.now(clock))) {
      throw ProtectionAccess.invalid(field, "The date " + field + " cannot be in the future.");
    }
    return day;
  }
}
