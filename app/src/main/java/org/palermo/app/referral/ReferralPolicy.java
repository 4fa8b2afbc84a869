package org.palermo.app.referral;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.access.AccessPolicy;
import org.palermo.app.access.Agency;
import org.palermo.app.access.FieldGroup;
import org.palermo.app.audit.AuditEntry.Outcome;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.referral.Referral.Basis;
import org.palermo.app.referral.Referral.Consent;

/**
 * The rules a referral must meet before it is made, each a small rule that gives its reason and the
 * provision it applies (as {@code law}'s rules do), and the basis the sharing then rests on. Plain
 * Java: no Spring, no database; {@link ReferToProvider} gathers the {@link Situation} and applies
 * the answer.
 *
 * <p>Nothing here reads whether the person cooperates with the authorities: assistance is
 * unconditional (CoE Convention art. 12(6); Palermo Protocol art. 6(3)).
 */
final class ReferralPolicy {
  private ReferralPolicy() {}

  /**
   * The urgent care a child is referred to at once, with the referrer's best-interests
   * consideration and no determination: child protection, shelter and medical care (CRC art. 3(1);
   * CoE Convention art. 12(1)(a)–(b); Directive 2011/36/EU art. 14(1)).
   */
  static final Set<ServiceType> EMERGENCY_CARE =
      EnumSet.of(ServiceType.CHILD_PROTECTION, ServiceType.SHELTER, ServiceType.MEDICAL);

  /** What the rules look at, gathered by the use case. */
  record Situation(
      UUID fromAgencyId,
      Agency recipient,
      boolean recipientBarredAsConsular,
      ServiceType type,
      boolean transfer,
      Set<FieldGroup> scope,
      String note,
      String consideration,
      String overrideReason,
      boolean mayOverride,
      boolean child,
      Optional<UUID> bestInterestsDetermination,
      Consent consent,
      Instant now) {}

  /**
   * Why a referral is refused: the problem's {@code reason}, its status, the field it is about, the
   * text, and whether the refusal is audited (with which outcome and action).
   */
  record Refusal(
      ReferralRefusal reason,
      ErrorCode code,
      String field,
      String detail,
      Outcome audited,
      String auditAction) {
    PalermoException exception() {
      return new PalermoException(
          code, reason, detail, field == null ? Map.of() : Map.of("field", field));
    }

    /** The audit detail of an audited refusal. */
    String auditDetail() {
      return audited == Outcome.DENIED ? "role missing" : "reason=" + reason.code();
    }

    static Refusal invalid(String field, String detail, ReferralRefusal reason) {
      return new Refusal(reason, ErrorCode.VALIDATION_FAILED, field, detail, null, null);
    }

    static Refusal conflict(String detail, ReferralRefusal reason) {
      return new Refusal(reason, ErrorCode.CONFLICT, null, detail, null, null);
    }

    Refusal auditedAs(Outcome outcome, String action) {
      return new Refusal(reason, code, field, detail, outcome, action);
    }
  }

  /** One rule: a refusal when the situation fails it. */
  @FunctionalInterface
  interface Rule {
    Optional<Refusal> check(Situation s);
  }

  /** A referral goes to another agency. */
  static final Rule ANOTHER_AGENCY =
      s ->
          s.recipient().id().equals(s.fromAgencyId())
              ? Optional.of(
                  Refusal.conflict(
                      "A referral goes to another agency.", ReferralRefusal.SAME_AGENCY))
              : Optional.empty();

  /** The assistance–enforcement firewall (SECURITY.md rule 3): no referral of a person's data. */
  static final Rule NOT_TO_ENFORCEMENT =
      s ->
          s.recipient().function().isEnforcement()
              ? Optional.of(
                  Refusal.conflict(
                      "Referrals do not go to enforcement agencies.",
                      ReferralRefusal.RECIPIENT_ENFORCEMENT))
              : Optional.empty();

  /**
   * Nothing on a person who seeks or has international protection goes to a consulate (Directive
   * 2013/32/EU art. 30; 1951 Convention art. 33; {@link ConsularBar}).
   */
  static final Rule NOT_TO_THE_STATE_FLED =
      s ->
          s.recipientBarredAsConsular()
              ? Optional.of(
                  Refusal.conflict(ConsularBar.DETAIL, ReferralRefusal.RECIPIENT_CONSULAR)
                      .auditedAs(Outcome.FAILURE, "referral.create"))
              : Optional.empty();

  /**
   * The consent scope: what the person agreed to share (CETS 197 art. 11(1)). A service referral
   * shares at most the referral view; a transfer hands over exactly the groups consented to, and
   * the new owner holds no more (AccessPolicy; docs/security.md, "Consent scopes").
   */
  static final Rule SCOPE_CONSENTED =
      s ->
          s.scope().isEmpty()
                  || (!s.transfer() && !AccessPolicy.REFERRAL_VIEW.containsAll(s.scope()))
              ? Optional.of(
                  Refusal.invalid(
                      "scope",
                      "Choose what is shared: identity and/or contact (the referral view); a"
                          + " transfer may hand over other parts the person consented to.",
                      ReferralRefusal.SCOPE_INVALID))
              : Optional.empty();

  static final Rule NOTE_LENGTH =
      s ->
          s.note().length() > 2000
              ? Optional.of(
                  Refusal.invalid("note", "The note is too long.", ReferralRefusal.NOTE_TOO_LONG))
              : Optional.empty();

  static final Rule CONSIDERATION_LENGTH =
      s ->
          s.consideration().length() > 2000
              ? Optional.of(
                  Refusal.invalid(
                      "bestInterestsConsideration",
                      "The consideration is too long.",
                      ReferralRefusal.CONSIDERATION_TOO_LONG))
              : Optional.empty();

  /** The rules about where the referral goes and what it shares, in the order they are asked. */
  static final List<Rule> RULES =
      List.of(
          ANOTHER_AGENCY,
          NOT_TO_ENFORCEMENT,
          NOT_TO_THE_STATE_FLED,
          SCOPE_CONSENTED,
          NOTE_LENGTH,
          CONSIDERATION_LENGTH);

  /**
   * Whether a referral still gives its recipient the referral view (within its consent scope):
   * while it is pending or accepted, and — a service referral, not a transfer — after the recipient
   * marked it completed, until {@code keptUntil}: the period the service lasts, ended sooner when
   * the sender withdraws it. The recipient keeps only what the person consented to share with it
   * (CETS 197 art. 11(1); CoE Convention art. 12(1), assistance that goes on after a referral is
   * closed), for no longer than the purpose needs (GDPR art. 5(1)(b) and (e); docs/security.md,
   * "Consent scopes"). A declined or revoked referral gives nothing; an accepted transfer made the
   * recipient the owner, whose scope is the case's.
   */
  static boolean givesRecipientView(
      ReferralStatus status, boolean transfer, Instant keptUntil, Instant now) {
    return switch (status) {
      case PENDING -> true;
      case ACCEPTED -> !transfer;
      case COMPLETED -> !transfer && keptUntil != null && keptUntil.isAfter(now);
      case DECLINED, REVOKED -> false;
    };
  }

  /**
   * Whether a user may withdraw what the recipient keeps of a completed service referral (#14 item
   * 15): the one who answers for the case now — a user who may write the case ({@code writesCase}:
   * its current owner, the sender while the case has not moved) — or the national coordinator
   * ({@code coordinator}), who oversees the mechanism. Withdrawing only ends a sharing; it reads
   * nothing of the person. Not the recipient, and not a sender the case has moved away from (GDPR
   * art. 5(1)(c) and (e); CETS 197 art. 11(1)).
   */
  static boolean mayWithdraw(boolean coordinator, boolean writesCase) {
    return coordinator || writesCase;
  }

  /**
   * Whether the sender and the recipient may still write to each other on a referral (issue #14
   * item 14): while it links the two agencies — the recipient has the referral view ({@link
   * #givesRecipientView}: pending, accepted, or completed and kept) or an accepted transfer made it
   * the case's owner. A declined or revoked referral, or one whose kept view has ended or was
   * withdrawn, takes no more messages: the recipient no longer holds the person's data and must not
   * receive more of it (GDPR art. 5(1)(b) and (c); CETS 197 art. 11(1)).
   */
  static boolean messagesOpen(
      ReferralStatus status, boolean transfer, Instant keptUntil, Instant now) {
    return givesRecipientView(status, transfer, keptUntil, now)
        || (status == ReferralStatus.ACCEPTED && transfer);
  }

  /**
   * Whether a user of one of the two agencies of a referral may read (or, with {@code groups} asked
   * for writing, write) its messages, which are case text sealed under the case's data key (issue
   * #14 item 14). The case's own readers of the narrative may (the sender, the owner); the
   * recipient may while the referral gives it the referral view and the access policy lets the user
   * see some of the person through it ({@code groups}: the user's groups on the case, asked of the
   * access policy; CETS 197 art. 11(1), need to know, SECURITY.md rule 2). Nobody outside the two
   * agencies ever does (the caller's 404).
   */
  static boolean mayUseMessages(
      boolean recipient,
      Set<FieldGroup> groups,
      Set<FieldGroup> scope,
      ReferralStatus status,
      boolean transfer,
      Instant keptUntil,
      Instant now) {
    if (groups.contains(FieldGroup.CASE_NARRATIVE)) {
      return true;
    }
    if (!recipient || !givesRecipientView(status, transfer, keptUntil, now)) {
      return false;
    }
    Set<FieldGroup> seen = EnumSet.noneOf(FieldGroup.class);
    seen.addAll(groups);
    seen.retainAll(AccessPolicy.REFERRAL_VIEW);
    seen.retainAll(scope);
    return !seen.isEmpty();
  }

  /** On what the sharing rests, once the rules pass: the basis and the consent recorded with it. */
  record Sharing(Basis basis, Consent consent, UUID bestInterestsId, String overrideReason) {}

  /** The sharing, or the refusal: exactly one of the two. */
  record Answer(Sharing sharing, Refusal refusal) {
    static Answer of(Sharing sharing) {
      return new Answer(sharing, null);
    }

    static Answer refused(Refusal refusal) {
      return new Answer(null, refusal);
    }
  }

  /** The first rule the situation fails, if any. */
  static Optional<Refusal> refusal(Situation s) {
    for (Rule rule : RULES) {
      Optional<Refusal> r = rule.check(s);
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }

  /**
   * The basis of the sharing, or why there is none: a supervisor's override with a reason; for a
   * child the guardian's best-interests determination (CRC art. 3(1); CRC GC 6 § 21), or for
   * emergency care the referrer's recorded best-interests consideration — emergency care of a child
   * is never gated on a determination (CRC GC 6 §§ 19–22, 79; CoE Convention art. 12(1), 12(7);
   * Directive 2011/36/EU arts. 13(1), 14(1)); otherwise the person's recorded consent (SECURITY.md
   * rule 4; CoE Convention art. 11).
   */
  static Answer basis(Situation s) {
    if (!s.overrideReason().isEmpty()) {
      if (!s.mayOverride()) {
        return Answer.refused(
            new Refusal(
                ReferralRefusal.OVERRIDE_NOT_ALLOWED,
                ErrorCode.FORBIDDEN,
                null,
                "Only a user with the override permission may refer without consent.",
                Outcome.DENIED,
                "referral.consent.override"));
      }
      if (s.overrideReason().length() > 500) {
        return Answer.refused(
            Refusal.invalid(
                "overrideReason",
                "The reason is too long.",
                ReferralRefusal.OVERRIDE_REASON_TOO_LONG));
      }
      return Answer.of(new Sharing(Basis.OVERRIDE, completeOrNull(s), null, s.overrideReason()));
    }
    if (s.child()) {
      if (s.bestInterestsDetermination().isPresent()) {
        return Answer.of(
            new Sharing(
                Basis.BEST_INTERESTS,
                completeOrNull(s),
                s.bestInterestsDetermination().get(),
                null));
      }
      if (EMERGENCY_CARE.contains(s.type())) {
        if (s.consideration().isEmpty()) {
          return Answer.refused(
              Refusal.invalid(
                      "bestInterestsConsideration",
                      "Write how the child's best interests were considered in this referral.",
                      ReferralRefusal.BEST_INTERESTS_CONSIDERATION_REQUIRED)
                  .auditedAs(Outcome.FAILURE, "referral.create"));
        }
        return Answer.of(new Sharing(Basis.EMERGENCY_CARE, completeOrNull(s), null, null));
      }
      return Answer.refused(
          Refusal.conflict(
                  "A child's referral to this service needs the guardian's best-interests"
                      + " determination first; child protection, shelter and medical care do not.",
                  ReferralRefusal.BEST_INTERESTS_REQUIRED)
              .auditedAs(Outcome.FAILURE, "referral.create"));
    }
    if (!complete(s.consent(), s.now())) {
      return Answer.refused(
          Refusal.invalid(
                  "consent",
                  "Record the consent: who gave it, when, how the person was informed, and whether"
                      + " an interpreter was used.",
                  ReferralRefusal.CONSENT_REQUIRED)
              .auditedAs(Outcome.FAILURE, "referral.create"));
    }
    return Answer.of(new Sharing(Basis.CONSENT, s.consent(), null, null));
  }

  private static Consent completeOrNull(Situation s) {
    return complete(s.consent(), s.now()) ? s.consent() : null;
  }

  /**
   * A consent is recorded in full: who gave it, when (not in the future), how informed, and whether
   * an interpreter was used.
   */
  static boolean complete(Consent c, Instant now) {
    return c != null
        && c.givenBy() != null
        && c.givenAt() != null
        && !c.givenAt().isAfter(now)
        && c.informedHow() != null
        && c.interpreterUsed() != null;
  }
}
