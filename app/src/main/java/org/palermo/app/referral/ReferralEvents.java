package org.palermo.app.referral;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.Notifications;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.audit.AuditLog;
import org.palermo.app.cases.CaseTimeline;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records one referral step three ways: on the case timeline, in the audit log, and as a {@link
 * ReferralStatusChanged} event for the statistics read model. No personal data in any of them.
 */
@Component
class ReferralEvents {
  private final CaseTimeline timeline;
  private final AuditLog audit;
  private final ApplicationEventPublisher events;
  private final Accounts accounts;
  private final Notifications notifications;
  private final Map<UUID, Agency> agencies = new ConcurrentHashMap<>();

  ReferralEvents(
      CaseTimeline timeline,
      AuditLog audit,
      ApplicationEventPublisher events,
      Accounts accounts,
      Notifications notifications) {
    this.notifications = notifications;
    this.timeline = timeline;
    this.audit = audit;
    this.events = events;
    this.accounts = accounts;
  }

  Agency agency(UUID id) {
    Agency a = agencies.get(id);
    if (a == null) {
      for (Agency each : accounts.agencies()) {
        agencies.put(each.id(), each);
      }
      a = agencies.get(id);
    }
    return a;
  }

  void step(PalermoPrincipal who, Referral r, String kind, String detail, java.time.Instant at) {
    String d =
        "referral:" + r.id() + " " + r.serviceType() + (detail.isEmpty() ? "" : " " + detail);
    timeline.append(r.caseId(), who, "referral." + kind, d);
    audit(who, r.caseId(), "referral." + kind, Outcome.SUCCESS, d);
    if (ANSWERS.contains(r.status()) && !r.fromAgencyId().equals(who.agencyId())) {
      // The answer reaches the notifications of the agency that sent the referral, the case's
      // owner (issue 14 item 9); the detail names the referral and the service, not the person.
      notifications.notify(
          r.fromAgencyId(),
          switch (r.status()) {
            case ACCEPTED -> "referralAccepted";
            case DECLINED -> "referralDeclined";
            default -> "referralCompleted";
          },
          r.caseId(),
          d);
    }
    Agency from = agency(r.fromAgencyId());
    Agency to = agency(r.toAgencyId());
    events.publishEvent(
        new ReferralStatusChanged(
            r.id(),
            r.caseId(),
            r.fromAgencyId(),
            from == null ? null : from.type().name(),
            r.toAgencyId(),
            to == null ? null : to.type().name(),
            r.serviceType(),
            r.status(),
            at,
            r.dueAt(),
            r.child(),
            r.transfer()));
  }

  /** The steps of the recipient that the sender hears of. */
  private static final java.util.Set<ReferralStatus> ANSWERS =
      java.util.EnumSet.of(
          ReferralStatus.ACCEPTED, ReferralStatus.DECLINED, ReferralStatus.COMPLETED);

  void timeline(PalermoPrincipal who, UUID caseId, String kind, String detail) {
    timeline.append(caseId, who, kind, detail);
  }

  void audit(PalermoPrincipal who, UUID caseId, String action, Outcome outcome, String detail) {
    audit.record(
        new AuditEntry(
            who.username(),
            who.agencyName(),
            action,
            caseId == null ? "agency:" + who.agencyId() : "case:" + caseId,
            outcome,
            detail));
  }
}
