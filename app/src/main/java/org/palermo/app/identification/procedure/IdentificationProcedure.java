package org.palermo.app.identification.procedure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Formal identification of the person of one screening by a competent authority: referral, a
 * reasonable-grounds decision within its deadline, then (when positive) a recovery and reflection
 * period during which assistance continues and no removal may be recorded, and a conclusive-grounds
 * decision. Illegal moves are refused with {@link ProcedureRefused}.
 */
public final class IdentificationProcedure {
  private final UUID id;
  private final UUID screeningId;
  private final UUID referringAgencyId;
  private final UUID authorityAgencyId;
  private final UUID referredBy;
  private final Instant referredAt;
  private final LocalDate referredOn;
  private final LocalDate reasonableGroundsDue;
  private final List<Decision> decisions;
  private final List<Reconsideration> reconsiderations;
  private final int version;
  private ProcedureStage stage;
  private LocalDate reflectionEnds;
  private LocalDate conclusiveGroundsDue;
  private LocalDate removalRecordedOn;

  /** Everything the procedure holds, for storage. */
  public record Snapshot(
      UUID id,
      UUID screeningId,
      UUID referringAgencyId,
      UUID authorityAgencyId,
      UUID referredBy,
      Instant referredAt,
      LocalDate referredOn,
      LocalDate reasonableGroundsDue,
      ProcedureStage stage,
      LocalDate reflectionEnds,
      LocalDate conclusiveGroundsDue,
      LocalDate removalRecordedOn,
      List<Decision> decisions,
      int version,
      List<Reconsideration> reconsiderations) {
    public Snapshot {
      decisions = List.copyOf(decisions);
      reconsiderations = reconsiderations == null ? List.of() : List.copyOf(reconsiderations);
    }

    /** A snapshot without reconsiderations. */
    public Snapshot(
        UUID id,
        UUID screeningId,
        UUID referringAgencyId,
        UUID authorityAgencyId,
        UUID referredBy,
        Instant referredAt,
        LocalDate referredOn,
        LocalDate reasonableGroundsDue,
        ProcedureStage stage,
        LocalDate reflectionEnds,
        LocalDate conclusiveGroundsDue,
        LocalDate removalRecordedOn,
        List<Decision> decisions,
        int version) {
      this(
          id,
          screeningId,
          referringAgencyId,
          authorityAgencyId,
          referredBy,
          referredAt,
          referredOn,
          reasonableGroundsDue,
          stage,
          reflectionEnds,
          conclusiveGroundsDue,
          removalRecordedOn,
          decisions,
          version,
          List.of());
    }
  }

  private IdentificationProcedure(Snapshot s) {
    id = Objects.requireNonNull(s.id());
    screeningId = Objects.requireNonNull(s.screeningId());
    referringAgencyId = s.referringAgencyId();
    authorityAgencyId = Objects.requireNonNull(s.authorityAgencyId());
    referredBy = s.referredBy();
    referredAt = s.referredAt();
    referredOn = s.referredOn();
    reasonableGroundsDue = s.reasonableGroundsDue();
    stage = s.stage();
    reflectionEnds = s.reflectionEnds();
    conclusiveGroundsDue = s.conclusiveGroundsDue();
    removalRecordedOn = s.removalRecordedOn();
    decisions = new ArrayList<>(s.decisions());
    reconsiderations = new ArrayList<>(s.reconsiderations());
    version = s.version();
  }

  /** Refers a screened person to {@code authorityAgencyId}; the reasonable-grounds clock starts. */
  public static IdentificationProcedure refer(
      UUID id,
      UUID screeningId,
      UUID referringAgencyId,
      UUID authorityAgencyId,
      UUID by,
      Instant at,
      LocalDate on,
      DeadlinePolicy policy) {
    return new IdentificationProcedure(
        new Snapshot(
            id,
            screeningId,
            referringAgencyId,
            authorityAgencyId,
            by,
            at,
            on,
            policy.reasonableGroundsDue(on),
            ProcedureStage.AWAITING_REASONABLE_GROUNDS,
            null,
            null,
            null,
            List.of(),
            0));
  }

  public static IdentificationProcedure restore(Snapshot snapshot) {
    return new IdentificationProcedure(snapshot);
  }

  public Snapshot snapshot() {
    return new Snapshot(
        id,
        screeningId,
        referringAgencyId,
        authorityAgencyId,
        referredBy,
        referredAt,
        referredOn,
        reasonableGroundsDue,
        stage,
        reflectionEnds,
        conclusiveGroundsDue,
        removalRecordedOn,
        decisions,
        version,
        reconsiderations);
  }

  /**
   * Takes the decision the procedure is waiting for. A positive decision is issued at once: a
   * positive reasonable-grounds decision starts the recovery and reflection period on the decision
   * day and sets the conclusive deadline. A negative decision is only <em>proposed</em>: it waits
   * for the second reviewer the decider names, and nothing changes for the person until that
   * reviewer confirms it ({@link #confirm}).
   */
  public Decision decide(
      UUID decisionId,
      DecisionKind kind,
      Decision.Input input,
      Decision.Signature by,
      DeadlinePolicy policy) {
    if (kind != pendingDecision()) {
      throw new ProcedureRefused(ProcedureRefused.Reason.DECISION_NOT_DUE);
    }
    if (awaitingReview() != null) {
      throw new ProcedureRefused(ProcedureRefused.Reason.REVIEW_PENDING);
    }
    if (!kind.allowed().contains(input.status())) {
      throw new ProcedureRefused(ProcedureRefused.Reason.STATUS_NOT_ALLOWED);
    }
    boolean negative = input.status() == TraffickingStatus.NotAVictimOfTrafficking;
    // No conclusive decision before the recovery and reflection period ends: the person recovers
    // and escapes the traffickers' influence first (CETS 197 art. 13(1): at least 30 days). A
    // positive one earlier only where the national setting allows it (default: never).
    if (kind == DecisionKind.CONCLUSIVE_GROUNDS
        && reflectionEnds != null
        && !by.on().isAfter(reflectionEnds)
        && (negative || !policy.positiveConclusiveDuringReflection())) {
      throw new ProcedureRefused(ProcedureRefused.Reason.REFLECTION_PERIOD_RUNNING);
    }
    // A negative decision is issued only with a second reviewer's concurrence (issue 13 §2; the UK
    // NRM multi-agency assurance panels; CETS 197 art. 10(2): no removal on a wrong "no").
    if (negative && input.reviewer() == null) {
      throw new ProcedureRefused(ProcedureRefused.Reason.SECOND_REVIEW_REQUIRED);
    }
    if (negative && input.reviewer().userId().equals(by.userId())) {
      throw new ProcedureRefused(ProcedureRefused.Reason.SECOND_REVIEWER_SAME);
    }
    Reconsideration reopened = openReconsideration();
    Decision decision =
        new Decision(
            decisionId,
            kind,
            input.status(),
            input.decidedByOrg(),
            input.grounds(),
            by.userId(),
            by.displayName(),
            by.authorityName(),
            by.at(),
            by.on(),
            dueOn(),
            negative ? input.reviewer().userId() : null,
            negative ? input.reviewer().displayName() : null,
            negative ? Decision.ReviewState.AWAITING_REVIEW : Decision.ReviewState.ISSUED,
            null,
            null,
            null,
            input.evidenceList(),
            input.evidenceOther(),
            input.credibilityTraumaInformed(),
            reopened == null ? null : reopened.decisionId());
    decisions.add(decision);
    if (!negative) {
      issue(decision, policy);
    }
    return decision;
  }

  /**
   * The named reviewer, signed in as themselves, confirms a proposed negative decision: it is
   * issued today and concludes the procedure. The decider cannot confirm their own.
   */
  public Decision confirm(UUID decisionId, Decision.Signature reviewer, DeadlinePolicy policy) {
    Decision proposed = proposal(decisionId, reviewer);
    Decision issued =
        reviewed(proposed, Decision.ReviewState.ISSUED, reviewer.at(), reviewer.on(), null);
    decisions.set(decisions.indexOf(proposed), issued);
    issue(issued, policy);
    return issued;
  }

  /**
   * The named reviewer returns a proposed negative decision with a reason: it is never issued, the
   * procedure still waits for its decision, and the history keeps it.
   */
  public Decision returnProposal(UUID decisionId, Decision.Signature reviewer, String reason) {
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      throw new ProcedureRefused(ProcedureRefused.Reason.RETURN_REASON_REQUIRED);
    }
    if (why.length() > Decision.MAX_GROUNDS) {
      throw new ProcedureRefused(ProcedureRefused.Reason.GROUNDS_TOO_LONG);
    }
    Decision proposed = proposal(decisionId, reviewer);
    Decision returned =
        reviewed(proposed, Decision.ReviewState.RETURNED, reviewer.at(), reviewer.on(), why);
    decisions.set(decisions.indexOf(proposed), returned);
    return returned;
  }

  /**
   * Records a request to reconsider the negative decision that ended the procedure, received on
   * {@code input.receivedOn()} within {@code reviewWindowDays} of its issue (CETS 197 art. 10(2);
   * ECHR art. 13). The procedure reopens at that decision's stage with its own deadline, so the
   * person is protected again as pending; the new decision supersedes the old one.
   */
  public Reconsideration reconsider(
      UUID id,
      Reconsideration.Input input,
      Decision.Signature by,
      int reviewWindowDays,
      DeadlinePolicy policy) {
    Decision last = lastIssued();
    if (stage != ProcedureStage.CONCLUDED || last == null || last.positive()) {
      throw new ProcedureRefused(ProcedureRefused.Reason.NOTHING_TO_RECONSIDER);
    }
    if (reconsiderations.stream().anyMatch(r -> r.decisionId().equals(last.id()))) {
      throw new ProcedureRefused(ProcedureRefused.Reason.ALREADY_RECONSIDERED);
    }
    LocalDate received = input.receivedOn();
    if (received.isBefore(last.issuedOn()) || received.isAfter(by.on())) {
      throw new ProcedureRefused(ProcedureRefused.Reason.RECONSIDERATION_DATE_INVALID);
    }
    if (received.isAfter(last.issuedOn().plusDays(reviewWindowDays))) {
      throw new ProcedureRefused(ProcedureRefused.Reason.RECONSIDERATION_WINDOW_CLOSED);
    }
    Reconsideration r =
        new Reconsideration(
            id,
            last.id(),
            input.requestedBy(),
            input.representativeName(),
            input.grounds(),
            received,
            by.userId(),
            by.displayName(),
            by.at(),
            policy.reconsiderationDue(received),
            null);
    reconsiderations.add(r);
    stage =
        last.kind() == DecisionKind.REASONABLE_GROUNDS
            ? ProcedureStage.AWAITING_REASONABLE_GROUNDS
            : ProcedureStage.AWAITING_CONCLUSIVE_GROUNDS;
    return r;
  }

  private void issue(Decision decision, DeadlinePolicy policy) {
    Reconsideration reopened = openReconsideration();
    if (reopened != null) {
      reconsiderations.set(reconsiderations.indexOf(reopened), reopened.answeredBy(decision.id()));
    }
    if (decision.kind() == DecisionKind.REASONABLE_GROUNDS && decision.positive()) {
      reflectionEnds = policy.reflectionEnds(decision.issuedOn());
      conclusiveGroundsDue = policy.conclusiveGroundsDue(reflectionEnds);
      stage = ProcedureStage.AWAITING_CONCLUSIVE_GROUNDS;
    } else {
      stage = ProcedureStage.CONCLUDED;
    }
  }

  private Decision proposal(UUID decisionId, Decision.Signature reviewer) {
    Decision d =
        decisions.stream()
            .filter(x -> x.id().equals(decisionId) && x.awaitingReview())
            .findFirst()
            .orElseThrow(() -> new ProcedureRefused(ProcedureRefused.Reason.NOT_AWAITING_REVIEW));
    if (reviewer.userId().equals(d.decidedBy())) {
      throw new ProcedureRefused(ProcedureRefused.Reason.SECOND_REVIEWER_SAME);
    }
    if (!reviewer.userId().equals(d.reviewedBy())) {
      throw new ProcedureRefused(ProcedureRefused.Reason.NOT_THE_NAMED_REVIEWER);
    }
    return d;
  }

  private static Decision reviewed(
      Decision d, Decision.ReviewState state, Instant at, LocalDate on, String reason) {
    return new Decision(
        d.id(),
        d.kind(),
        d.status(),
        d.decidedByOrg(),
        d.grounds(),
        d.decidedBy(),
        d.decidedByName(),
        d.authorityName(),
        d.decidedAt(),
        d.decidedOn(),
        d.dueOn(),
        d.reviewedBy(),
        d.reviewedByName(),
        state,
        at,
        on,
        reason,
        d.evidence(),
        d.evidenceOther(),
        d.credibilityTraumaInformed(),
        d.supersedes());
  }

  /** The proposed negative decision waiting for its reviewer, or null. */
  public Decision awaitingReview() {
    return decisions.stream().filter(Decision::awaitingReview).findFirst().orElse(null);
  }

  /**
   * The reconsideration the procedure was reopened for and that waits for its decision, or null.
   */
  public Reconsideration openReconsideration() {
    return reconsiderations.stream().filter(Reconsideration::open).findFirst().orElse(null);
  }

  /** The latest issued decision, or null. */
  public Decision lastIssued() {
    Decision last = null;
    for (Decision d : decisions) {
      if (d.issued()) {
        last = d;
      }
    }
    return last;
  }

  /** The decisions a later decision superseded on reconsideration, by id. */
  public java.util.Set<UUID> superseded() {
    java.util.Set<UUID> out = new java.util.HashSet<>();
    for (Decision d : decisions) {
      if (d.issued() && d.supersedes() != null) {
        out.add(d.supersedes());
      }
    }
    return out;
  }

  /**
   * The last day a reconsideration of the decision that ended the procedure may be received, or
   * null when there is nothing to reconsider.
   */
  public LocalDate reconsiderationWindowEnds(int reviewWindowDays) {
    Decision last = lastIssued();
    if (stage != ProcedureStage.CONCLUDED || last == null || last.positive()) {
      return null;
    }
    if (reconsiderations.stream().anyMatch(r -> r.decisionId().equals(last.id()))) {
      return null;
    }
    return last.issuedOn().plusDays(reviewWindowDays);
  }

  /** The decision the procedure waits for, or null when concluded. */
  public DecisionKind pendingDecision() {
    return switch (stage) {
      case AWAITING_REASONABLE_GROUNDS -> DecisionKind.REASONABLE_GROUNDS;
      case AWAITING_CONCLUSIVE_GROUNDS -> DecisionKind.CONCLUSIVE_GROUNDS;
      case CONCLUDED -> null;
    };
  }

  /**
   * The deadline of the pending decision, or null when concluded; on reconsideration, the
   * reconsideration's own deadline.
   */
  public LocalDate dueOn() {
    Reconsideration reopened = openReconsideration();
    if (reopened != null && stage != ProcedureStage.CONCLUDED) {
      return reopened.dueOn();
    }
    return switch (stage) {
      case AWAITING_REASONABLE_GROUNDS -> reasonableGroundsDue;
      case AWAITING_CONCLUSIVE_GROUNDS -> conclusiveGroundsDue;
      case CONCLUDED -> null;
    };
  }

  /** Whether the pending decision is past its deadline on {@code today}. */
  public boolean overdue(LocalDate today) {
    LocalDate due = dueOn();
    return due != null && today.isAfter(due);
  }

  /** The first day of the recovery and reflection period, or null before one started. */
  public LocalDate reflectionStarts() {
    return decisions.stream()
        .filter(d -> d.issued() && d.kind() == DecisionKind.REASONABLE_GROUNDS && d.positive())
        .map(Decision::issuedOn)
        .findFirst()
        .orElse(null);
  }

  /** Whether {@code day} falls in the recovery and reflection period. */
  public boolean inReflectionPeriod(LocalDate day) {
    LocalDate start = reflectionStarts();
    return start != null && !day.isBefore(start) && !day.isAfter(reflectionEnds);
  }

  /**
   * Whether a removal on {@code day} is barred: while identification is under way (Council of
   * Europe Convention art. 10(2)) and during the recovery and reflection period (art. 13).
   */
  public boolean removalBarred(LocalDate day) {
    return stage != ProcedureStage.CONCLUDED || inReflectionPeriod(day);
  }

  /** Records that the person was removed on {@code day}; refused while removal is barred. */
  public void recordRemoval(LocalDate day) {
    if (removalRecordedOn != null) {
      throw new ProcedureRefused(ProcedureRefused.Reason.REMOVAL_ALREADY_RECORDED);
    }
    if (removalBarred(day)) {
      throw new ProcedureRefused(ProcedureRefused.Reason.REMOVAL_BARRED);
    }
    removalRecordedOn = day;
  }

  /** The status set by the latest decision, or null before any. */
  public TraffickingStatus status() {
    Decision last = lastIssued();
    return last == null ? null : last.status();
  }

  public UUID id() {
    return id;
  }

  public UUID screeningId() {
    return screeningId;
  }

  public UUID referringAgencyId() {
    return referringAgencyId;
  }

  public UUID authorityAgencyId() {
    return authorityAgencyId;
  }

  public Instant referredAt() {
    return referredAt;
  }

  public LocalDate referredOn() {
    return referredOn;
  }

  public LocalDate reasonableGroundsDue() {
    return reasonableGroundsDue;
  }

  public ProcedureStage stage() {
    return stage;
  }

  public LocalDate reflectionEnds() {
    return reflectionEnds;
  }

  public LocalDate conclusiveGroundsDue() {
    return conclusiveGroundsDue;
  }

  public LocalDate removalRecordedOn() {
    return removalRecordedOn;
  }

  public List<Decision> decisions() {
    return List.copyOf(decisions);
  }

  public List<Reconsideration> reconsiderations() {
    return List.copyOf(reconsiderations);
  }

  public int version() {
    return version;
  }
}
