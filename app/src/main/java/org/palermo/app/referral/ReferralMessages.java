package org.palermo.app.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.access.Agency;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.access.Notifications;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages between the sender and the recipient of a referral ("bed allocated, arrive 10:00"; issue
 * #14 item 14). Only the two agencies' users who may see the referral read and write them ({@link
 * ReferralPolicy#mayUseMessages}), a third agency gets "no such referral" (404) whether the
 * referral exists or not; messages are written while the referral links the two agencies ({@link
 * ReferralPolicy#messagesOpen}) and stay readable as long as the reader may see the referral. The
 * text is case text, sealed at rest ({@link ReferralMessageStore}); every read and write is
 * audited, without the text; the other agency is notified ({@code referralMessage}), naming the
 * referral and the service, never the person or the text.
 */
@Service
class ReferralMessages {
  /** The longest message, in characters. */
  static final int MAX_LENGTH = 2000;

  private final ReferralStore referrals;
  private final ReferralMessageStore store;
  private final AccessPolicy policy;
  private final ReferralEvents events;
  private final Notifications notifications;
  private final Clock clock;

  ReferralMessages(
      ReferralStore referrals,
      ReferralMessageStore store,
      AccessPolicy policy,
      ReferralEvents events,
      Notifications notifications,
      Clock clock) {
    this.referrals = referrals;
    this.store = store;
    this.policy = policy;
    this.events = events;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** One message as both sides see it: who wrote it (user and agency), when, and the text. */
  record Message(
      UUID id,
      UUID authorId,
      UUID authorAgencyId,
      String authorAgency,
      boolean mine,
      Instant createdAt,
      String text) {}

  /** The messages of a referral, oldest first, and whether {@code who} may add one now. */
  record MessageThread(UUID referralId, List<Message> messages, boolean writable) {}

  /**
   * The thread, for the API: 404 outside the two agencies (audited as a denied read), 403 inside
   * them for a user who may not see the referral's messages.
   */
  MessageThread thread(PalermoPrincipal who, UUID referralId) {
    Referral r = party(who, referralId, "referral.messages.read");
    Standing s = standing(who, r);
    if (!s.readable()) {
      refuse(who, r, "referral.messages.read");
    }
    return read(who, r, s);
  }

  /**
   * The thread for the referral page: empty, without a refusal, when {@code who} (who already sees
   * the referral) may not see its messages, e.g. the recipient of a declined referral.
   */
  Optional<MessageThread> threadIfAllowed(PalermoPrincipal who, Referral r) {
    if (!CaseRoles.has(who)
        || !(r.toAgencyId().equals(who.agencyId()) || r.fromAgencyId().equals(who.agencyId()))) {
      return Optional.empty();
    }
    Standing s = standing(who, r);
    return s.readable() ? Optional.of(read(who, r, s)) : Optional.empty();
  }

  /**
   * Adds a message. Refused: an empty or too long text (400 in the API, 422 on the page, at the
   * field {@code message}), a referral that no longer links the two agencies (409), a user who may
   * not (403, or 404 outside the two agencies).
   */
  @Transactional
  UUID write(PalermoPrincipal who, UUID referralId, String text) {
    Referral r = party(who, referralId, "referral.message.write");
    Standing s = standing(who, r);
    if (!s.writable()) {
      refuse(who, r, "referral.message.write");
    }
    if (!s.open()) {
      throw new PalermoException(
          ErrorCode.CONFLICT,
          ReferralRefusal.MESSAGES_CLOSED,
          "This referral no longer links the two agencies: no more messages.",
          Map.of("field", "message"));
    }
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          ReferralRefusal.MESSAGE_REQUIRED,
          "Write the message.",
          Map.of("field", "message"));
    }
    if (t.length() > MAX_LENGTH) {
      throw new PalermoException(
          ErrorCode.VALIDATION_FAILED,
          ReferralRefusal.MESSAGE_TOO_LONG,
          "The message is longer than " + MAX_LENGTH + " characters.",
          Map.of("field", "message"));
    }
    UUID id = UUID.randomUUID();
    store.insert(id, r, who.userId(), who.agencyId(), clock.instant(), t);
    String detail = "referral:" + r.id() + " message:" + id;
    events.audit(who, r.caseId(), "referral.message.write", Outcome.SUCCESS, detail);
    // The other side hears of it; the notice names the referral and the service, not the text.
    UUID other = r.fromAgencyId().equals(who.agencyId()) ? r.toAgencyId() : r.fromAgencyId();
    notifications.notify(
        other, "referralMessage", r.caseId(), "referral:" + r.id() + " " + r.serviceType());
    return id;
  }

  private MessageThread read(PalermoPrincipal who, Referral r, Standing s) {
    List<Message> messages =
        store.of(r).stream()
            .map(
                m ->
                    new Message(
                        m.id(),
                        m.authorId(),
                        m.authorAgencyId(),
                        agencyName(m.authorAgencyId()),
                        m.authorAgencyId().equals(who.agencyId()),
                        m.createdAt(),
                        m.text()))
            .toList();
    events.audit(
        who,
        r.caseId(),
        "referral.messages.read",
        Outcome.SUCCESS,
        "referral:" + r.id() + " messages=" + messages.size());
    return new MessageThread(r.id(), messages, s.writable() && s.open());
  }

  /**
   * The referral if {@code who}'s agency sent or received it and {@code who}'s role works with
   * referrals; another agency's referral and an id that exists nowhere cost the same and answer the
   * same 404 (issue #11 item 9).
   */
  private Referral party(PalermoPrincipal who, UUID referralId, String action) {
    Referral r = referrals.findFor(referralId, who.agencyId()).orElse(null);
    if (r == null) {
      events.audit(who, null, action, Outcome.DENIED, "referral:" + referralId);
      throw ReferralSteps.notFound();
    }
    if (!CaseRoles.has(who)) {
      refuse(who, r, action);
    }
    return r;
  }

  private void refuse(PalermoPrincipal who, Referral r, String action) {
    events.audit(who, r.caseId(), action, Outcome.DENIED, "referral:" + r.id());
    throw new PalermoException(
        ErrorCode.FORBIDDEN, "You may not see the messages of this referral.", Map.of());
  }

  /** What {@code who} may do with the referral's messages, asked of the access policy. */
  private record Standing(boolean readable, boolean writable, boolean open) {}

  private Standing standing(PalermoPrincipal who, Referral r) {
    Instant now = clock.instant();
    Instant kept = referrals.keptUntil(r.id()).orElse(null);
    boolean recipient = r.toAgencyId().equals(who.agencyId());
    Set<FieldGroup> read = policy.groups(who, r.caseId(), Access.READ);
    boolean readable =
        ReferralPolicy.mayUseMessages(
            recipient, read, r.scope(), r.status(), r.transfer(), kept, now);
    // A reader of the case's narrative (the sender, the owner) writes with the right to write it;
    // the recipient writes by the referral view it holds.
    boolean writable =
        readable
            && (!read.contains(FieldGroup.CASE_NARRATIVE)
                || policy
                    .groups(who, r.caseId(), Access.WRITE)
                    .contains(FieldGroup.CASE_NARRATIVE));
    return new Standing(
        readable, writable, ReferralPolicy.messagesOpen(r.status(), r.transfer(), kept, now));
  }

  private String agencyName(UUID id) {
    Agency a = events.agency(id);
    return a == null ? "-" : a.name();
  }
}
