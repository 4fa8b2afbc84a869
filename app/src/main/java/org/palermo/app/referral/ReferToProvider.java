package org.palermo.app.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.access.Agency;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Role;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.cases.CaseLookup.CaseFacts;
import org.palermo.app.cases.protection.ChildSafeguards;
import org.palermo.app.cases.protection.ChildSafeguards.BestInterests;
import org.palermo.app.directory.Providers;
import org.palermo.app.directory.Providers.Provider;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.calendar.WorkingCalendar;
import org.palermo.app.referral.Referral.Basis;
import org.palermo.app.referral.Referral.Consent;
import org.palermo.law.ProtectionNeed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refers a case to a service or agency. The sharing rests on the person's recorded consent (who,
 * when, how informed, interpreter, which field groups), or for a child on the guardian's
 * best-interests determination (CRC art. 3(1); CRC GC 6 § 21), or — for a child's emergency care
 * (child protection, shelter, medical care) — on the referrer's recorded best-interests
 * consideration, or on a supervisor's override with a reason, audited and put on the timeline.
 * Emergency care of a child is never gated on a determination: the best-interests assessment and
 * determination are for durable solutions and return (CRC GC 6 §§ 19–22, 79; CoE Convention art.
 * 12(1), 12(7); Directive 2011/36/EU arts. 13(1), 14(1)). A person whose age is disputed is a child
 * here until an age assessment concludes otherwise (CoE Convention art. 10(3)). Nothing here reads
 * whether the person cooperates with the authorities: assistance is unconditional (CoE Convention
 * art. 12(6); Palermo Protocol art. 6(3)). The rules and the basis are {@link ReferralPolicy}'s;
 * this use case gathers what they look at, applies the answer and records the referral.
 */
@Service
class ReferToProvider {
  private final ReferralStore store;
  private final CaseLookup cases;
  private final ChildSafeguards children;
  private final Providers providers;
  private final AccessPolicy policy;
  private final ReferralEvents events;
  private final ReferralProperties properties;
  private final Clock clock;

  ReferToProvider(
      ReferralStore store,
      CaseLookup cases,
      ChildSafeguards children,
      Providers providers,
      AccessPolicy policy,
      ReferralEvents events,
      ReferralProperties properties,
      Clock clock) {
    this.store = store;
    this.cases = cases;
    this.children = children;
    this.providers = providers;
    this.policy = policy;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * A referral to make: to a directory service ({@code serviceId}), or straight to an agency with a
   * service type (a transfer to a child-protection agency, for instance).
   */
  record Command(
      UUID caseId,
      UUID serviceId,
      UUID toAgencyId,
      ServiceType serviceType,
      ProtectionNeed need,
      boolean transfer,
      String note,
      Consent consent,
      Set<FieldGroup> scope,
      String overrideReason,
      String bestInterestsConsideration) {}

  @Transactional
  Referral refer(PalermoPrincipal who, Command c) {
    if (c.caseId() == null) {
      throw invalid("caseId", "Say which case.", "CASE_REQUIRED");
    }
    policy.require(who, c.caseId(), FieldGroup.CASE_NARRATIVE, Access.WRITE);
    CaseFacts facts =
        cases
            .facts(c.caseId())
            .orElseThrow(() -> new PalermoException(ErrorCode.NOT_FOUND, "No such case."));
    UUID toAgency;
    ServiceType type;
    UUID serviceId = null;
    if (c.serviceId() != null) {
      Provider p =
          providers
              .byId(c.serviceId())
              .orElseThrow(
                  () -> invalid("serviceId", "No such active service.", "SERVICE_UNKNOWN"));
      if (p.agencyId() == null) {
        throw invalid(
            "serviceId",
            "This service does not receive referrals through Palermo.",
            "SERVICE_NOT_IN_PALERMO");
      }
      toAgency = p.agencyId();
      type = p.type();
      serviceId = p.serviceId();
    } else {
      if (c.toAgencyId() == null || c.serviceType() == null) {
        throw invalid(
            "serviceId", "Choose a service, or an agency and a service type.", "TARGET_REQUIRED");
      }
      toAgency = c.toAgencyId();
      type = c.serviceType();
    }
    Agency recipient = events.agency(toAgency);
    if (recipient == null) {
      throw invalid("toAgencyId", "No such agency.", "AGENCY_UNKNOWN");
    }
    String override = c.overrideReason() == null ? "" : c.overrideReason().strip();
    Instant now = clock.instant();
    ReferralPolicy.Situation situation =
        new ReferralPolicy.Situation(
            who.agencyId(),
            recipient,
            !recipient.id().equals(who.agencyId())
                && !recipient.function().isEnforcement()
                && ConsularBar.consular(recipient)
                && cases.seeksOrHasInternationalProtection(c.caseId()),
            type,
            c.transfer(),
            c.scope() == null ? Set.of() : Set.copyOf(c.scope()),
            c.note() == null ? "" : c.note().strip(),
            c.bestInterestsConsideration() == null ? "" : c.bestInterestsConsideration().strip(),
            override,
            who.roles().contains(overrideRole()),
            facts.child(),
            facts.child() && override.isEmpty()
                ? children.latestDetermination(c.caseId()).map(BestInterests::id)
                : Optional.empty(),
            c.consent(),
            now);
    Optional<ReferralPolicy.Refusal> refused = ReferralPolicy.refusal(situation);
    if (refused.isPresent()) {
      throw refuse(who, c.caseId(), refused.get());
    }
    ReferralPolicy.Answer answer = ReferralPolicy.basis(situation);
    if (answer.refusal() != null) {
      throw refuse(who, c.caseId(), answer.refusal());
    }
    ReferralPolicy.Sharing sharing = answer.sharing();
    Instant due =
        WorkingCalendar.current()
            .add(now.atZone(clock.getZone()), properties.answerWithinWorkingDays())
            .toInstant();
    Referral r =
        Referral.pending(
            c.caseId(),
            who.agencyId(),
            toAgency,
            serviceId,
            type.name(),
            c.need() == null ? null : c.need().name(),
            c.transfer(),
            facts.child(),
            situation.note(),
            sharing,
            situation.scope(),
            who.username(),
            now,
            due);
    store.insert(r);
    if (!situation.consideration().isEmpty()) {
      store.recordConsideration(r, situation.consideration());
    }
    if (sharing.basis() == Basis.OVERRIDE) {
      events.audit(
          who, c.caseId(), "referral.consent.override", Outcome.SUCCESS, "referral:" + r.id());
      events.timeline(who, c.caseId(), "referral.consentOverridden", "referral:" + r.id());
    }
    events.step(
        who,
        r,
        "created",
        "to:agency:" + toAgency + " basis:" + sharing.basis() + (c.transfer() ? " transfer" : ""),
        now);
    return r;
  }

  /** Audits the refusal if the rule asks for it, and gives the problem to throw. */
  private PalermoException refuse(
      PalermoPrincipal who, UUID caseId, ReferralPolicy.Refusal refusal) {
    if (refusal.audited() != null) {
      events.audit(who, caseId, refusal.auditAction(), refusal.audited(), refusal.auditDetail());
    }
    return refusal.exception();
  }

  Role overrideRole() {
    return Role.valueOf(properties.overrideRole());
  }

  static PalermoException invalid(String field, String detail, String reason) {
    return new PalermoException(
        ErrorCode.VALIDATION_FAILED, detail, Map.of("field", field, "reason", reason));
  }

  static PalermoException conflict(String detail, String reason) {
    return new PalermoException(ErrorCode.CONFLICT, detail, Map.of("reason", reason));
  }
}
