package org.palermo.app.cases.protection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.Notifications;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.cases.CaseLookup.CaseFacts;
import org.palermo.app.cases.CaseReferrals;
import org.palermo.app.cases.CaseTimeline;
import org.palermo.app.cases.persistence.CaseStore;
import org.palermo.app.cases.protection.ChildSafeguards.Guardian;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.crypto.SealedText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Missing-child alerts: a child who leaves care without notice is at once at risk of being
 * trafficked again (CRC GC 6 § 24; Directive 2011/36/EU art. 16(1); CoE Convention art. 10(4)). The
 * alert is recorded on the case and its timeline, and escalated at once: a notification to the
 * case's own agency (its supervisors and the caseworkers who contact the guardian) and to every
 * agency the case is referred to and not yet closed. Notices name the case, never the child.
 *
 * <p>The child's guardian is told too (CRC GC 6 § 24; Directive 2011/36/EU art. 14(2)): a
 * notification to the guardian's agency when the guardian is reached through an agency or a user of
 * the instance, and otherwise an "inform the guardian in person or by phone" task on the case, due
 * the same day, done only when who informed the guardian, how and when is recorded. The case
 * supervisors are reached through the owning agency's notification, which every user of the agency,
 * its case supervisors included, sees.
 */
@Service
public class MissingChildren {
  private final JdbcClient jdbc;
  // The referral module answers which agencies the case is referred to (it depends on cases).
  private final List<CaseReferrals> referrals;
  private final CaseLookup cases;
  private final CaseTimeline timeline;
  private final ProtectionAccess access;
  private final Notifications notifications;
  private final SealedText sealed;
  private final Clock clock;
  private final ChildSafeguards children;
  private final CaseStore store;

  /** The task's title: case work, no personal data. */
  static final String INFORM_TITLE =
      "Inform the child's guardian in person or by phone that the child is missing (CRC GC 6 §"
          + " 24)";

  MissingChildren(
      JdbcClient jdbc,
      CaseLookup cases,
      CaseTimeline timeline,
      ProtectionAccess access,
      Notifications notifications,
      SealedText sealed,
      Clock clock,
      ChildSafeguards children,
      CaseStore store,
      List<CaseReferrals> referrals) {
    this.referrals = referrals;
    this.children = children;
    this.store = store;
    this.jdbc = jdbc;
    this.cases = cases;
    this.timeline = timeline;
    this.access = access;
    this.notifications = notifications;
    this.sealed = sealed;
    this.clock = clock;
  }

  /**
   * One alert; {@code foundAt} is null while the child is missing. {@code guardianChannel} says how
   * the guardian is told ({@code NOTIFICATION}, {@code IN_PERSON_OR_PHONE}, or null when the child
   * had no guardian in office); for in person or by phone, {@code guardianInformedBy}, {@code
   * guardianInformedHow} and {@code guardianInformedAt} stay null until it is done.
   */
  public record Alert(
      UUID id,
      Instant missingSince,
      String circumstances,
      String reportedBy,
      Instant foundAt,
      String guardianChannel,
      String guardianInformedBy,
      String guardianInformedHow,
      Instant guardianInformedAt) {
    /** Whether the guardian still has to be told in person or by phone. */
    public boolean guardianToInform() {
      return "IN_PERSON_OR_PHONE".equals(guardianChannel) && guardianInformedAt == null;
    }
  }

  /** How the guardian was informed in person or by phone. */
  public enum InformedHow {
    IN_PERSON,
    PHONE
  }

  /** Who told the guardian of the alert, how, and when. */
  public record InformedCommand(String informedBy, InformedHow how, Instant informedAt) {}

  /** Raise an alert: since when, and what is known (optional). */
  public record AlertCommand(Instant missingSince, String circumstances) {}

  /** The case's alerts, after asking the access policy (case narrative). */
  public List<Alert> view(PalermoPrincipal who, UUID caseId) {
    access.read(who, caseId, FieldGroup.CASE_NARRATIVE, "protection.missing.read");
    return alerts(caseId);
  }

  /** Raises the alert and escalates it; the agencies notified are returned. */
  @Transactional
  public Set<UUID> raise(PalermoPrincipal who, UUID caseId, AlertCommand c) {
    access.write(who, caseId, FieldGroup.CASE_NARRATIVE);
    CaseFacts f = facts(caseId);
    String action = "protection.missing";
    if (!f.child()) {
      throw access.refuse(
          who,
          caseId,
          action,
          ProtectionRefusal.NOT_A_CHILD,
          "Missing-child alerts are for children.");
    }
    Instant now = Instant.now(clock);
    if (c.missingSince() == null || c.missingSince().isAfter(now)) {
      throw ProtectionAccess.invalid("missingSince", "Say since when the child is missing.");
    }
    if (alerts(caseId).stream().anyMatch(a -> a.foundAt() == null)) {
      throw access.refuse(
          who,
          caseId,
          action,
          ProtectionRefusal.ALERT_OPEN,
          "An alert for this child is already open.");
    }
    String text = ProtectionAccess.optional(c.circumstances(), "circumstances", 2000);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO missing_child_alert (id, case_id, missing_since, circumstances_sealed,
              reported_by, reported_at) VALUES (?, ?, ?, ?, ?, ?)""")
        .params(
            id,
            caseId,
            Timestamp.from(c.missingSince()),
            sealed.seal(caseId, "missing_child_alert", "circumstances", id, text),
            who.username(),
            Timestamp.from(now))
        .update();
    Set<UUID> notified = new LinkedHashSet<>();
    notified.add(f.ownerAgencyId());
    for (CaseReferrals r : referrals) {
      notified.addAll(r.openRecipients(caseId));
    }
    for (UUID agency : notified) {
      notifications.notify(agency, "missingChild", caseId, "case " + f.reference());
    }
    Optional<Guardian> guardian = children.activeGuardian(caseId, LocalDate.now(clock));
    if (guardian.isPresent()) {
      Guardian g = guardian.get();
      UUID task = null;
      if (g.reachableByNotification()) {
        // Addressed to the guardian (a user of the instance) or, for a guardian agency, to its
        // child-protection officers: never to every caseworker of that agency (Notifications).
        notifications.notify(
            g.agencyId(), g.userId(), "missingChildGuardian", caseId, "case " + f.reference());
        notified.add(g.agencyId());
      } else {
        // No way to reach the guardian through the instance: someone tells them, and says so.
        task = UUID.randomUUID();
        store.addTask(task, caseId, INFORM_TITLE, LocalDate.now(clock), null, who.userId(), now);
        jdbc.sql(
                "INSERT INTO child_protection_task (task_id, case_id, purpose, alert_id)"
                    + " VALUES (?, ?, 'INFORM_GUARDIAN', ?)")
            .params(task, caseId, id)
            .update();
      }
      jdbc.sql(
              "INSERT INTO missing_child_guardian_notice (alert_id, case_id, guardian_id,"
                  + " channel, task_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")
          .params(
              id,
              caseId,
              g.id(),
              task == null ? "NOTIFICATION" : "IN_PERSON_OR_PHONE",
              task,
              Timestamp.from(now))
          .update();
    }
    timeline.append(caseId, who, "protection.missingChild", "alert:" + id);
    access.record(
        who, caseId, action, Outcome.SUCCESS, "alert:" + id + " notified=" + notified.size());
    return notified;
  }

  /** The child is found: closes the open alert. */
  @Transactional
  public void found(PalermoPrincipal who, UUID caseId) {
    access.write(who, caseId, FieldGroup.CASE_NARRATIVE);
    facts(caseId);
    int n =
        jdbc.sql(
                "UPDATE missing_child_alert SET found_at = ? WHERE case_id = ? AND found_at IS NULL")
            .params(Timestamp.from(Instant.now(clock)), caseId)
            .update();
    if (n == 0) {
      throw access.refuse(
          who,
          caseId,
          "protection.missing",
          ProtectionRefusal.NO_OPEN_ALERT,
          "No alert for this child is open.");
    }
    timeline.append(caseId, who, "protection.childFound", "");
    access.record(who, caseId, "protection.missing", Outcome.SUCCESS, "found");
  }

  /**
   * Records that the guardian was told of the alert in person or by phone, by whom and when; the
   * task the alert opened is then done.
   */
  @Transactional
  public void guardianInformed(PalermoPrincipal who, UUID caseId, InformedCommand c) {
    access.write(who, caseId, FieldGroup.CASE_NARRATIVE);
    facts(caseId);
    String action = "protection.missing.guardianInformed";
    Alert alert =
        alerts(caseId).stream()
            .filter(Alert::guardianToInform)
            .reduce((a, b) -> b)
            .orElseThrow(
                () ->
                    access.refuse(
                        who,
                        caseId,
                        action,
                        ProtectionRefusal.NO_GUARDIAN_TO_INFORM,
                        "No alert of this child waits for the guardian to be informed."));
    String by = ProtectionAccess.required(c.informedBy(), "informedBy", 200);
    if (c.how() == null) {
      throw ProtectionAccess.invalid(
          "how", "Say whether the guardian was told in person or by phone.");
    }
    Instant now = Instant.now(clock);
    if (c.informedAt() == null || c.informedAt().isAfter(now)) {
      throw ProtectionAccess.invalid("informedAt", "Say when the guardian was informed.");
    }
    UUID task =
        jdbc.sql(
                "UPDATE missing_child_guardian_notice SET informed_by = ?, informed_how = ?,"
                    + " informed_at = ?, recorded_by = ? WHERE alert_id = ? RETURNING task_id")
            .params(by, c.how().name(), Timestamp.from(c.informedAt()), who.username(), alert.id())
            .query(UUID.class)
            .list()
            .get(0);
    if (task != null) {
      store.completeTask(caseId, task, who.userId(), now);
    }
    timeline.append(caseId, who, "protection.guardianInformed", "alert:" + alert.id());
    access.record(who, caseId, action, Outcome.SUCCESS, "alert:" + alert.id() + " " + c.how());
  }

  List<Alert> alerts(UUID caseId) {
    return jdbc.sql(
            "SELECT a.id, a.missing_since, a.circumstances, a.circumstances_sealed,"
                + " a.reported_by, a.found_at, n.channel, n.informed_by, n.informed_how,"
                + " n.informed_at FROM missing_child_alert a"
                + " LEFT JOIN missing_child_guardian_notice n ON n.alert_id = a.id"
                + " WHERE a.case_id = ? ORDER BY a.reported_at")
        .param(caseId)
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              Timestamp found = rs.getTimestamp("found_at");
              Timestamp informed = rs.getTimestamp("informed_at");
              return new Alert(
                  id,
                  rs.getTimestamp("missing_since").toInstant(),
                  sealed.open(
                      caseId,
                      "missing_child_alert",
                      "circumstances",
                      id,
                      rs.getBytes("circumstances_sealed"),
                      rs.getString("circumstances")),
                  rs.getString("reported_by"),
                  found == null ? null : found.toInstant(),
                  rs.getString("channel"),
                  rs.getString("informed_by"),
                  rs.getString("informed_how"),
                  informed == null ? null : informed.toInstant());
            })
        .list();
  }

  private CaseFacts facts(UUID caseId) {
    return cases
        .facts(caseId)
        .orElseThrow(() -> new PalermoException(ErrorCode.NOT_FOUND, "No such case."));
  }
}
