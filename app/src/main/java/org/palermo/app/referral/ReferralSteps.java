package org.palermo.app.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Role;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.cases.CaseOwnership;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.referral.Referral.DeclineReason;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recipient's answers (accept, decline with a reason, complete) and the sender's revocation.
 * Accepting a transfer moves ownership of the case to the recipient ({@link CaseOwnership}).
 */
@Service
class ReferralSteps {
  private final ReferralStore store;
  private final AccessPolicy policy;
  private final CaseOwnership ownership;
  private final ReferralEvents events;
  private final ReferralProperties properties;
  private final org.palermo.app.cases.ReferredServices services;
  private final Clock clock;

  ReferralSteps(
      ReferralStore store,
      AccessPolicy policy,
      CaseOwnership ownership,
      ReferralEvents events,
      ReferralProperties properties,
      org.palermo.app.cases.ReferredServices services,
      Clock clock) {
    this.store = store;
    this.policy = policy;
    this.ownership = ownership;
    this.events = events;
    this.properties = properties;
    this.services = services;
    this.clock = clock;
  }

  @Transactional
  Referral accept(PalermoPrincipal who, UUID referralId) {
    Referral r = asRecipient(who, referralId, "accept");
    Instant now = clock.instant();
    Referral next = r.accept(now);
    store.update(next);
    events.step(who, next, "accepted", next.transfer() ? "transfer" : "", now);
    if (next.transfer()) {
      ownership.transfer(next.caseId(), next.toAgencyId(), who, next.scope());
    }
    return next;
  }

  @Transactional
  Referral decline(PalermoPrincipal who, UUID referralId, DeclineReason code, String text) {
    Referral r = asRecipient(who, referralId, "decline");
    Instant now = clock.instant();
    Referral next = r.decline(now, code, text);
    store.update(next);
    events.step(who, next, "declined", "code:" + code, now);
    return next;
  }

  @Transactional
  Referral complete(PalermoPrincipal who, UUID referralId) {
    Referral r = asRecipient(who, referralId, "complete");
    Instant now = clock.instant();
    Referral next = r.complete(now);
    store.update(next);
    if (!next.transfer()) {
      // The recipient keeps the referral view for the period the service lasts (#14 item 15).
      store.keepUntil(next.id(), now.plus(properties.keepAfterCompletion()));
    }
    events.step(who, next, "completed", "", now);
    return next;
  }

  /**
   * The recipient records the service it delivered on the referral (issue #14 item 14): while the
   * referral is accepted, or completed and still kept ({@link ReferralPolicy#givesRecipientView});
   * it reaches the case's services list and the statistics (the {@code ServiceDelivered} event).
   */
  @Transactional
  UUID delivered(PalermoPrincipal who, UUID referralId, java.time.LocalDate on, String note) {
    Referral r = asRecipient(who, referralId, "delivered");
    Instant now = clock.instant();
    // Only while the referral still gives the recipient its view: accepted or completed and kept,
    // and never a transfer (an accepted transfer made the recipient the owner, who records through
    // the guarded care pages; a later transfer onwards must not leave it a way to write into the
    // case).
    boolean inForce =
        r.status() != ReferralStatus.PENDING
            && ReferralPolicy.givesRecipientView(
                r.status(), r.transfer(), store.keptUntil(r.id()).orElse(null), now);
    if (!inForce) {
      throw new PalermoException(
          ErrorCode.CONFLICT,
          "A service is recorded on an accepted referral, or a completed one still kept; never on a"
              + " transfer.",
          Map.of("reason", r.transfer() ? "TRANSFER" : "STATUS_" + r.status().name()));
    }
    if (on == null) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          "Say when the service was delivered.",
          Map.of("field", "deliveredOn", "reason", "required"));
    }
    UUID id = services.recordDelivered(who, r.caseId(), r.serviceType(), on, note);
    events.audit(
        who,
        r.caseId(),
        "referral.delivered",
        Outcome.SUCCESS,
        "referral:" + r.id() + " service:" + id);
    return id;
  }

  @Transactional
  Referral revoke(PalermoPrincipal who, UUID referralId) {
    Referral r = store.find(referralId).orElseThrow(ReferralSteps::notFound);
    if (r.status() == ReferralStatus.COMPLETED) {
      return withdraw(who, r);
    }
    if (!r.fromAgencyId().equals(who.agencyId())) {
      refuse(who, r, "revoke");
    }
    if (r.transfer() && r.status() == ReferralStatus.ACCEPTED) {
      throw new PalermoException(
          ErrorCode.CONFLICT,
          "An accepted transfer has moved the case; it cannot be revoked.",
          Map.of("reason", "TRANSFER_DONE"));
    }
    policy.require(who, r.caseId(), FieldGroup.CASE_NARRATIVE, Access.WRITE);
    Instant now = clock.instant();
    Referral next = r.revoke(now);
    store.update(next);
    events.step(who, next, "revoked", "", now);
    return next;
  }

  /**
   * After completion, revoking withdraws what the recipient kept (#14 item 15); the referral stays
   * completed. Who may withdraw is who answers for the case now ({@link
   * ReferralPolicy#mayWithdraw}): whoever may write the case (its current owner, which is the
   * sender until the case moves) or the national coordinator — not the sender once the case has
   * moved away, or nobody could end a sharing the person's data no longer needs (GDPR art. 5(1)(c)
   * and (e); CETS 197 art. 11(1)).
   */
  private Referral withdraw(PalermoPrincipal who, Referral r) {
    boolean coordinator = who.hasRole(Role.NATIONAL_COORDINATOR);
    boolean party =
        r.fromAgencyId().equals(who.agencyId()) || r.toAgencyId().equals(who.agencyId());
    boolean writes = policy.allows(who, r.caseId(), FieldGroup.CASE_NARRATIVE, Access.WRITE);
    if (!ReferralPolicy.mayWithdraw(coordinator, writes)) {
      if (!party) {
        refuse(who, r, "revoke");
      }
      // The sender whose case has moved away, or the recipient: the policy says which.
      policy.require(who, r.caseId(), FieldGroup.CASE_NARRATIVE, Access.WRITE);
    }
    Instant now = clock.instant();
    if (!ReferralPolicy.givesRecipientView(
        r.status(), r.transfer(), store.keptUntil(r.id()).orElse(null), now)) {
      throw new PalermoException(
          ErrorCode.CONFLICT,
          "The recipient keeps nothing of this referral any more.",
          Map.of("reason", "NOTHING_KEPT"));
    }
    store.keepUntil(r.id(), now);
    // Not a change of status: no ReferralStatusChanged (a completion is counted once).
    String d = "referral:" + r.id() + " " + r.serviceType();
    events.timeline(who, r.caseId(), "referral.withdrawn", d);
    events.audit(who, r.caseId(), "referral.withdrawn", Outcome.SUCCESS, d);
    return r;
  }

  /** The referral, if {@code who} works for the recipient agency and may read the referral view. */
  private Referral asRecipient(PalermoPrincipal who, UUID referralId, String step) {
    Referral r = store.find(referralId).orElseThrow(ReferralSteps::notFound);
    if (!r.toAgencyId().equals(who.agencyId())) {
      refuse(who, r, step);
    }
    if (!CaseRoles.has(who)) {
      events.audit(who, r.caseId(), "referral." + step, Outcome.DENIED, "referral:" + r.id());
      throw new PalermoException(
          ErrorCode.FORBIDDEN, "Your role cannot answer referrals.", Map.of());
    }
    return r;
  }

  private void refuse(PalermoPrincipal who, Referral r, String step) {
    events.audit(who, null, "referral." + step, Outcome.DENIED, "referral:" + r.id());
    throw notFound();
  }

  static PalermoException notFound() {
    return new PalermoException(ErrorCode.NOT_FOUND, "No such referral.");
  }
}
