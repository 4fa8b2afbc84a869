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
      int version) {
    public Snapshot {
      decisions = List.copyOf(decisions);
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
        version);
  }

  /**
   * Takes the decision the procedure is waiting for. A positive reasonable-grounds decision starts
   * the recovery and reflection period on the decision day and sets the conclusive deadline.
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
    if (!kind.allowed().contains(input.status())) {
      throw new ProcedureRefused(ProcedureRefused.Reason.STATUS_NOT_ALLOWED);
    }
    boolean negative = input.status() == TraffickingStatus.NotAVictimOfTrafficking;
    // A negative decision is issued only with a second reviewer's concurrence (issue 13 §2; the UK
    // NRM multi-agency assurance panels; CETS 197 art. 10(2): no removal on a wrong "no").
    if (negative && input.reviewer() == null) {
      throw new ProcedureRefused(ProcedureRefused.Reason.SECOND_REVIEW_REQUIRED);
    }
    if (negative && input.reviewer().userId().equals(by.userId())) {
      throw new ProcedureRefused(ProcedureRefused.Reason.SECOND_REVIEWER_SAME);
    }
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
            negative ? input.reviewer().displayName() : null);
    decisions.add(decision);
    if (kind == DecisionKind.REASONABLE_GROUNDS && decision.positive()) {
      reflectionEnds = policy.reflectionEnds(by.on());
      conclusiveGroundsDue = policy.conclusiveGroundsDue(reflectionEnds);
      stage = ProcedureStage.AWAITING_CONCLUSIVE_GROUNDS;
    } else {
      stage = ProcedureStage.CONCLUDED;
    }
    return decision;
  }

  /** The decision the procedure waits for, or null when concluded. */
  public DecisionKind pendingDecision() {
    return switch (stage) {
      case AWAITING_REASONABLE_GROUNDS -> DecisionKind.REASONABLE_GROUNDS;
      case AWAITING_CONCLUSIVE_GROUNDS -> DecisionKind.CONCLUSIVE_GROUNDS;
      case CONCLUDED -> null;
    };
  }

  /** The deadline of the pending decision, or null when concluded. */
  public LocalDate dueOn() {
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
        .filter(d -> d.kind() == DecisionKind.REASONABLE_GROUNDS && d.positive())
        .map(Decision::decidedOn)
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
    return decisions.isEmpty() ? null : decisions.get(decisions.size() - 1).status();
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

  public int version() {
    return version;
  }
}
