package org.palermo.app.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
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
 * art. 12(6); Palermo Protocol art. 6(3)).
 */
@Service
class ReferToProvider {
  /**
   * The urgent care a child is referred to at once, with the referrer's best-interests
   * consideration and no determination: child protection, shelter and medical care (CRC art. 3(1);
   * CoE Convention art. 12(1)(a)–(b); Directive 2011/36/EU art. 14(1)).
   */
  static final Set<ServiceType> EMERGENCY_CARE =
      EnumSet.of(ServiceType.CHILD_PROTECTION, ServiceType.SHELTER, ServiceType.MEDICAL);

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
    if (recipient.id().equals(who.agencyId())) {
      throw conflict("A referral goes to another agency.", "SAME_AGENCY");
    }
    if (recipient.function().isEnforcement()) {
      // The assistance–enforcement firewall (SECURITY.md rule 3): no referral of a person's data.
      throw conflict("Referrals do not go to enforcement agencies.", "RECIPIENT_ENFORCEMENT");
    }
    if (ConsularBar.consular(recipient) && cases.seeksOrHasInternationalProtection(c.caseId())) {
      events.audit(
          who, c.caseId(), "referral.create", Outcome.FAILURE, "reason=RECIPIENT_CONSULAR");
      throw conflict(ConsularBar.DETAIL, "RECIPIENT_CONSULAR");
    }
    // The consent scope: what the person agreed to share (CETS 197 art. 11(1)). A service referral
    // shares at most the referral view; a transfer hands over exactly the groups consented to, and
    // the new owner holds no more (AccessPolicy; docs/security.md, "Consent scopes").
    Set<FieldGroup> scope = c.scope() == null ? Set.of() : Set.copyOf(c.scope());
    if (scope.isEmpty() || (!c.transfer() && !AccessPolicy.REFERRAL_VIEW.containsAll(scope))) {
      throw invalid(
          "scope",
          "Choose what is shared: identity and/or contact (the referral view); a transfer may"
              + " hand over other parts the person consented to.",
          "SCOPE_INVALID");
    }
    String note = c.note() == null ? "" : c.note().strip();
    if (note.length() > 2000) {
      throw invalid("note", "The note is too long.", "NOTE_TOO_LONG");
    }
    String consideration =
        c.bestInterestsConsideration() == null ? "" : c.bestInterestsConsideration().strip();
    if (consideration.length() > 2000) {
      throw invalid(
          "bestInterestsConsideration", "The consideration is too long.", "CONSIDERATION_TOO_LONG");
    }
    Instant now = clock.instant();
    Basis basis;
    Consent consent = c.consent();
    UUID bestInterests = null;
    String override = c.overrideReason() == null ? "" : c.overrideReason().strip();
    if (!override.isEmpty()) {
      if (!who.roles().contains(overrideRole())) {
        events.audit(who, c.caseId(), "referral.consent.override", Outcome.DENIED, "role missing");
        throw new PalermoException(
            ErrorCode.FORBIDDEN,
            "Only a user with the override permission may refer without consent.",
            Map.of("reason", "OVERRIDE_NOT_ALLOWED"));
      }
      if (override.length() > 500) {
        throw invalid("overrideReason", "The reason is too long.", "OVERRIDE_REASON_TOO_LONG");
      }
      basis = Basis.OVERRIDE;
      consent = complete(consent, now) ? consent : null;
    } else if (facts.child()) {
      Optional<BestInterests> bid = children.latestDetermination(c.caseId());
      if (bid.isPresent()) {
        basis = Basis.BEST_INTERESTS;
        bestInterests = bid.get().id();
      } else if (EMERGENCY_CARE.contains(type)) {
        if (consideration.isEmpty()) {
          events.audit(
              who,
              c.caseId(),
              "referral.create",
              Outcome.FAILURE,
              "reason=BEST_INTERESTS_CONSIDERATION_REQUIRED");
          throw invalid(
              "bestInterestsConsideration",
              "Write how the child's best interests were considered in this referral.",
              "BEST_INTERESTS_CONSIDERATION_REQUIRED");
        }
        basis = Basis.EMERGENCY_CARE;
      } else {
        events.audit(
            who, c.caseId(), "referral.create", Outcome.FAILURE, "reason=BEST_INTERESTS_REQUIRED");
        throw conflict(
            "A child's referral to this service needs the guardian's best-interests determination"
                + " first; child protection, shelter and medical care do not.",
            "BEST_INTERESTS_REQUIRED");
      }
      consent = complete(consent, now) ? consent : null;
    } else {
      if (!complete(consent, now)) {
        events.audit(
            who, c.caseId(), "referral.create", Outcome.FAILURE, "reason=CONSENT_REQUIRED");
        throw invalid(
            "consent",
            "Record the consent: who gave it, when, how the person was informed, and whether an"
                + " interpreter was used.",
            "CONSENT_REQUIRED");
      }
      basis = Basis.CONSENT;
    }
    Instant due =
        WorkingCalendar.current()
            .add(now.atZone(clock.getZone()), properties.answerWithinWorkingDays())
            .toInstant();
    Referral r =
        new Referral(
            UUID.randomUUID(),
            c.caseId(),
            who.agencyId(),
            toAgency,
            serviceId,
            type.name(),
            c.need() == null ? null : c.need().name(),
            c.transfer(),
            facts.child(),
            note,
            ReferralStatus.PENDING,
            basis,
            consent,
            EnumSet.copyOf(scope),
            bestInterests,
            override.isEmpty() ? null : override,
            who.username(),
            now,
            due,
            null,
            null,
            null,
            null,
            0);
    store.insert(r);
    if (!consideration.isEmpty()) {
      store.recordConsideration(r, consideration);
    }
    if (basis == Basis.OVERRIDE) {
      events.audit(
          who, c.caseId(), "referral.consent.override", Outcome.SUCCESS, "referral:" + r.id());
      events.timeline(who, c.caseId(), "referral.consentOverridden", "referral:" + r.id());
    }
    events.step(
        who,
        r,
        "created",
        "to:agency:" + toAgency + " basis:" + basis + (c.transfer() ? " transfer" : ""),
        now);
    return r;
  }

  Role overrideRole() {
    return Role.valueOf(properties.overrideRole());
  }

  private static boolean complete(Consent c, Instant now) {
    return c != null
        && c.givenBy() != null
        && c.givenAt() != null
        && !c.givenAt().isAfter(now)
        && c.informedHow() != null
        && c.interpreterUsed() != null;
  }

  static PalermoException invalid(String field, String detail, String reason) {
    return new PalermoException(
        ErrorCode.VALIDATION_FAILED, detail, Map.of("field", field, "reason", reason));
  }

  static PalermoException conflict(String detail, String reason) {
    return new PalermoException(ErrorCode.CONFLICT, detail, Map.of("reason", reason));
  }
}
