package org.palermo.app.identification.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The identification procedure: deadlines from referral, the recovery and reflection period after
 * positive reasonable grounds, the removal bar, overdue decisions, and refused moves.
 */
class IdentificationProcedureTest {
  static final LocalDate WEDNESDAY = LocalDate.of(2026, 3, 4);
  static final DeadlinePolicy POLICY = DeadlinePolicy.DEFAULT;

  static IdentificationProcedure referredOn(LocalDate day) {
    return IdentificationProcedure.refer(
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        day.atStartOfDay().toInstant(ZoneOffset.UTC),
        day,
        POLICY);
  }

  static Decision.Signature on(LocalDate day) {
    Instant at = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
    return new Decision.Signature(UUID.randomUUID(), "Officer", "Authority", at, day);
  }

  static final UUID REVIEWER = UUID.randomUUID();

  /** A reasoned decision that lists its evidence; a negative one with a second reviewer. */
  static Decision.Input input(TraffickingStatus status) {
    return in(
        status,
        DecisionMakingOrg.NonPoliceGovernmentalOrganization,
        "Indicators of deceptive recruitment.",
        status == TraffickingStatus.NotAVictimOfTrafficking
            ? new Decision.Reviewer(REVIEWER, "Second officer")
            : null);
  }

  static Decision.Input in(TraffickingStatus s, DecisionMakingOrg o, String grounds) {
    return in(s, o, grounds, null);
  }

  static Decision.Input in(
      TraffickingStatus s, DecisionMakingOrg o, String grounds, Decision.Reviewer reviewer) {
    return in(
        s,
        o,
        grounds,
        reviewer,
        java.util.Set.of(Evidence.PERSONS_ACCOUNT, Evidence.SUPPORT_PROVIDER_REPORT),
        null,
        true);
  }

  static Decision.Input in(
      TraffickingStatus s,
      DecisionMakingOrg o,
      String grounds,
      Decision.Reviewer reviewer,
      java.util.Set<Evidence> evidence,
      String other,
      boolean trauma) {
    return new Decision.Input(s, o, grounds, reviewer, evidence, other, trauma);
  }

  /** The named reviewer's signature on {@code day}. */
  static Decision.Signature reviewerOn(LocalDate day) {
    return new Decision.Signature(
        REVIEWER, "Second officer", "Authority", day.atTime(15, 0).toInstant(ZoneOffset.UTC), day);
  }

  /** Proposes a negative decision and has the named reviewer confirm it the same day. */
  static Decision negative(IdentificationProcedure p, DecisionKind kind, LocalDate day) {
    Decision proposed =
        p.decide(
            UUID.randomUUID(),
            kind,
            input(TraffickingStatus.NotAVictimOfTrafficking),
            on(day),
            POLICY);
    return p.confirm(proposed.id(), reviewerOn(day), POLICY);
  }

  @Test
  void referral_sets_the_reasonable_grounds_deadline_five_working_days_later() {
    IdentificationProcedure p = referredOn(WEDNESDAY);
    assertThat(p.stage()).isEqualTo(ProcedureStage.AWAITING_REASONABLE_GROUNDS);
    assertThat(p.dueOn()).isEqualTo(LocalDate.of(2026, 3, 11));
    assertThat(p.pendingDecision()).isEqualTo(DecisionKind.REASONABLE_GROUNDS);
  }

  @Test
  void a_decision_is_overdue_the_day_after_its_deadline_not_on_it() {
    IdentificationProcedure p = referredOn(WEDNESDAY);
    assertThat(p.overdue(LocalDate.of(2026, 3, 11))).isFalse();
    assertThat(p.overdue(LocalDate.of(2026, 3, 12))).isTrue();
  }

  @Test
  void positive_reasonable_grounds_start_thirty_days_of_recovery_and_reflection() {
    IdentificationProcedure p = referredOn(WEDNESDAY);
    LocalDate decided = LocalDate.of(2026, 3, 6);
    Decision d =
        p.decide(
            UUID.randomUUID(),
            DecisionKind.REASONABLE_GROUNDS,
            input(TraffickingStatus.PossibleVictimOfTrafficking),
            on(decided),
            POLICY);

    assertThat(d.late()).isFalse();
    assertThat(p.status()).isEqualTo(TraffickingStatus.PossibleVictimOfTrafficking);
    assertThat(p.stage()).isEqualTo(ProcedureStage.AWAITING_CONCLUSIVE_GROUNDS);
    assertThat(p.reflectionStarts()).isEqualTo(decided);
    assertThat(p.reflectionEnds()).isEqualTo(decided.plusDays(30));
    assertThat(p.inReflectionPeriod(decided)).isTrue();
    assertThat(p.inReflectionPeriod(decided.plusDays(30))).isTrue();
    assertThat(p.inReflectionPeriod(decided.plusDays(31))).isFalse();
    assertThat(p.inReflectionPeriod(decided.minusDays(1))).isFalse();
    assertThat(p.dueOn()).isEqualTo(WorkingDays.add(decided.plusDays(30), 20));
  }

  @Test
  void no_removal_may_be_recorded_during_identification_or_the_reflection_period() {
    IdentificationProcedure p = referredOn(WEDNESDAY);
    assertThatThrownBy(() -> p.recordRemoval(WEDNESDAY.plusDays(1)))
        .isInstanceOf(ProcedureRefused.class)
        .extracting(e -> ((ProcedureRefused) e).reason())
        .isEqualTo(ProcedureRefused.Reason.REMOVAL_BARRED);

    LocalDate decided = LocalDate.of(2026, 3, 6);
    p.decide(
        UUID.randomUUID(),
        DecisionKind.REASONABLE_GROUNDS,
        input(TraffickingStatus.PossibleVictimOfTrafficking),
        on(decided),
        POLICY);
    assertThat(p.removalBarred(decided.plusDays(30))).isTrue();
    assertThatThrownBy(() -> p.recordRemoval(decided.plusDays(30)))
        .isInstanceOf(ProcedureRefused.class)
        .extracting(e -> ((ProcedureRefused) e).reason())
        .isEqualTo(ProcedureRefused.Reason.REMOVAL_BARRED);
    assertThat(p.removalRecordedOn()).isNull();

    negative(p, DecisionKind.CONCLUSIVE_GROUNDS, decided.plusDays(31));
    assertThat(p.stage()).isEqualTo(ProcedureStage.CONCLUDED);
    p.recordRemoval(decided.plusDays(31));
    assertThat(p.removalRecordedOn()).isEqualTo(decided.plusDays(31));
    assertThatThrownBy(() -> p.recordRemoval(decided.plusDays(32)))
        .isInstanceOf(ProcedureRefused.class)
        .extracting(e -> ((ProcedureRefused) e).reason())
        .isEqualTo(ProcedureRefused.Reason.REMOVAL_ALREADY_RECORDED);
  }

  @Test
  void negative_reasonable_grounds_conclude_without_a_reflection_period() {
    IdentificationProcedure p = referredOn(WEDNESDAY);
    negative(p, DecisionKind.REASONABLE_GROUNDS, WEDNESDAY.plusDays(14));
    assertThat(p.stage()).isEqualTo(ProcedureStage.CONCLUDED);
    assertThat(p.decisions().get(0).late()).isTrue();
    assertThat(p.reflectionStarts()).isNull();
    assertThat(p.overdue(WEDNESDAY.plusDays(60))).isFalse();
    assertThat(p.removalBarred(WEDNESDAY.plusDays(15))).isFalse();
  }

  @Test
  void a_decision_that_is_not_awaited_or_a_status_it_cannot_set_is_refused() {
    IdentificationProcedure p = referredOn(WEDNESDAY);
    assertThatThrownBy(
            () ->
                p.decide(
                    UUID.randomUUID(),
                    DecisionKind.CONCLUSIVE_GROUNDS,
                    input(TraffickingStatus.ActualVictimOfTrafficking),
                    on(WEDNESDAY),
                    POLICY))
        .extracting(e -> ((ProcedureRefused) e).reason())
        .isEqualTo(ProcedureRefused.Reason.DECISION_NOT_DUE);
    assertThatThrownBy(
            () ->
                p.decide(
                    UUID.randomUUID(),
                    DecisionKind.REASONABLE_GROUNDS,
                    input(TraffickingStatus.ActualVictimOfTrafficking),
                    on(WEDNESDAY),
                    POLICY))
        .extracting(e -> ((ProcedureRefused) e).reason())
        .isEqualTo(ProcedureRefused.Reason.STATUS_NOT_ALLOWED);
    assertThat(p.decisions()).isEmpty();
  }

  @Test
  void a_decision_needs_a_status_and_the_kind_of_organisation() {
    assertThatThrownBy(() -> in(null, DecisionMakingOrg.NGO, ""))
        .extracting(e -> ((ProcedureRefused) e).reason())
        .isEqualTo(ProcedureRefused.Reason.DECISION_INCOMPLETE);
    assertThatThrownBy(() -> in(TraffickingStatus.PossibleVictimOfTrafficking, null, ""))
        .extracting(e -> ((ProcedureRefused) e).reason())
        .isEqualTo(ProcedureRefused.Reason.DECISION_INCOMPLETE);
    assertThatThrownBy(
            () ->
                in(
                    TraffickingStatus.PossibleVictimOfTrafficking,
                    DecisionMakingOrg.NGO,
                    "x".repeat(Decision.MAX_GROUNDS + 1)))
        .extracting(e -> ((ProcedureRefused) e).reason())
        .isEqualTo(ProcedureRefused.Reason.GROUNDS_TOO_LONG);
  }

  @Test
  void a_decision_states_its_grounds() {
    for (String blank : new String[] {null, "", "   "}) {
      assertThatThrownBy(
              () -> in(TraffickingStatus.PossibleVictimOfTrafficking, DecisionMakingOrg.NGO, blank))
          .extracting(e -> ((ProcedureRefused) e).reason())
          .isEqualTo(ProcedureRefused.Reason.GROUNDS_REQUIRED);
    }
  }

  @Test
  void a_negative_decision_needs_a_second_reviewer_who_is_another_officer() {
    IdentificationProcedure p = referredOn(WEDNESDAY);
    Decision.Signature by = on(WEDNESDAY);
    assertThatThrownBy(
            () ->
                p.decide(
                    UUID.randomUUID(),
                    DecisionKind.REASONABLE_GROUNDS,
                    in(
                        TraffickingStatus.NotAVictimOfTrafficking,
                        DecisionMakingOrg.NGO,
                        "No indicator."),
                    by,
                    POLICY))
        .extracting(e -> ((ProcedureRefused) e).reason())
        .isEqualTo(ProcedureRefused.Reason.SECOND_REVIEW_REQUIRED);
    assertThatThrownBy(
            () ->
                p.decide(
                    UUID.randomUUID(),
                    DecisionKind.REASONABLE_GROUNDS,
                    in(
                        TraffickingStatus.NotAVictimOfTrafficking,
                        DecisionMakingOrg.NGO,
                        "No indicator.",
                        new Decision.Reviewer(by.userId(), "Same officer")),
                    by,
                    POLICY))
        .extracting(e -> ((ProcedureRefused) e).reason())
        .isEqualTo(ProcedureRefused.Reason.SECOND_REVIEWER_SAME);
    assertThat(p.decisions()).isEmpty();
    assertThat(p.stage()).isEqualTo(ProcedureStage.AWAITING_REASONABLE_GROUNDS);
    UUID second = UUID.randomUUID();
    Decision d =
        p.decide(
            UUID.randomUUID(),
            DecisionKind.REASONABLE_GROUNDS,
            in(
                TraffickingStatus.NotAVictimOfTrafficking,
                DecisionMakingOrg.NGO,
                "No indicator.",
                new Decision.Reviewer(second, "Second officer")),
            by,
            POLICY);
    assertThat(d.reviewedBy()).isEqualTo(second);
    assertThat(d.standardOfProof())
        .isEqualTo(DecisionKind.StandardOfProof.SUSPECTS_BUT_CANNOT_PROVE);
    // Proposed, not issued: the procedure still waits, the person stays "pending".
    assertThat(d.reviewState()).isEqualTo(Decision.ReviewState.AWAITING_REVIEW);
    assertThat(p.stage()).isEqualTo(ProcedureStage.AWAITING_REASONABLE_GROUNDS);
    assertThat(p.status()).isNull();
    assertThat(p.removalBarred(WEDNESDAY.plusDays(1))).isTrue();
  }

  @Test
  void only_the_named_reviewer_confirms_a_proposed_negative_decision_and_it_is_then_issued() {
    IdentificationProcedure p = referredOn(WEDNESDAY);
    Decision.Signature decider = on(WEDNESDAY);
    Decision proposed =
        p.decide(
            UUID.randomUUID(),
            DecisionKind.REASONABLE_GROUNDS,
            input(TraffickingStatus.NotAVictimOfTrafficking),
            decider,
            POLICY);
    assertThatThrownBy(() -> p.confirm(proposed.id(), decider, POLICY))
        .extracting(e -> ((ProcedureRefused) e).reason())
        .isEqualTo(ProcedureRefused.Reason.SECOND_REVIEWER_SAME);
    assertThatThrownBy(() -> p.confirm(proposed.id(), on(WEDNESDAY), POLICY))
        .extracting(e -> ((ProcedureRefused) e).reason())
        .isEqualTo(ProcedureRefused.Reason.NOT_THE_NAMED_REVIEWER);
    assertThatThrownBy(
            () ->
                p.decide(
                    UUID.randomUUID(),
                    DecisionKind.REASONABLE_GROUNDS,
                    input(TraffickingStatus.PossibleVictimOfTrafficking),
                    decider,
                    POLICY))
        .extracting(e -> ((ProcedureRefused) e).reason())
        .isEqualTo(ProcedureRefused.Reason.REVIEW_PENDING);
    Decision issued = p.confirm(proposed.id(), reviewerOn(WEDNESDAY.plusDays(1)), POLICY);
    assertThat(issued.issued()).isTrue();
    assertThat(issued.issuedOn()).isEqualTo(WEDNESDAY.plusDays(1));
    assertThat(p.stage()).isEqualTo(ProcedureStage.CONCLUDED);
    assertThat(p.status()).isEqualTo(TraffickingStatus.NotAVictimOfTrafficking);
  }

  @Test
  void a_returned_decision_is_never_issued_and_the_decider_may_decide_again() {
    IdentificationProcedure p = referredOn(WEDNESDAY);
    Decision proposed =
        p.decide(
            UUID.randomUUID(),
            DecisionKind.REASONABLE_GROUNDS,
            input(TraffickingStatus.NotAVictimOfTrafficking),
            on(WEDNESDAY),
            POLICY);
    assertThatThrownBy(() -> p.returnProposal(proposed.id(), reviewerOn(WEDNESDAY), " "))
        .extracting(e -> ((ProcedureRefused) e).reason())
        .isEqualTo(ProcedureRefused.Reason.RETURN_REASON_REQUIRED);
    Decision returned =
        p.returnProposal(proposed.id(), reviewerOn(WEDNESDAY), "The medical report is missing.");
    assertThat(returned.reviewState()).isEqualTo(Decision.ReviewState.RETURNED);
    assertThat(p.stage()).isEqualTo(ProcedureStage.AWAITING_REASONABLE_GROUNDS);
    assertThat(p.status()).isNull();
    p.decide(
        UUID.randomUUID(),
        DecisionKind.REASONABLE_GROUNDS,
        input(TraffickingStatus.PossibleVictimOfTrafficking),
        on(WEDNESDAY.plusDays(1)),
        POLICY);
    assertThat(p.decisions()).hasSize(2);
    assertThat(p.status()).isEqualTo(TraffickingStatus.PossibleVictimOfTrafficking);
  }

  @Test
  void a_decision_lists_the_evidence_considered_and_states_credibility_was_assessed_with_trauma() {
    assertThatThrownBy(
            () ->
                new Decision.Input(
                    TraffickingStatus.PossibleVictimOfTrafficking,
                    DecisionMakingOrg.NGO,
                    "Indicators.",
                    null,
                    java.util.Set.of(),
                    null,
                    true))
        .extracting(e -> ((ProcedureRefused) e).reason())
        .isEqualTo(ProcedureRefused.Reason.EVIDENCE_REQUIRED);
    assertThatThrownBy(
            () ->
                new Decision.Input(
                    TraffickingStatus.PossibleVictimOfTrafficking,
                    DecisionMakingOrg.NGO,
                    "Indicators.",
                    null,
                    java.util.Set.of(Evidence.OTHER),
                    " ",
                    true))
        .extracting(e -> ((ProcedureRefused) e).reason())
        .isEqualTo(ProcedureRefused.Reason.EVIDENCE_OTHER_REQUIRED);
    assertThatThrownBy(
            () ->
                new Decision.Input(
                    TraffickingStatus.PossibleVictimOfTrafficking,
                    DecisionMakingOrg.NGO,
                    "Indicators.",
                    null,
                    java.util.Set.of(Evidence.MEDICAL),
                    null,
                    false))
        .extracting(e -> ((ProcedureRefused) e).reason())
        .isEqualTo(ProcedureRefused.Reason.TRAUMA_STATEMENT_REQUIRED);
  }

  @Test
  void no_conclusive_decision_before_the_reflection_period_ends_unless_a_positive_one_is_allowed() {
    LocalDate decided = LocalDate.of(2026, 3, 6);
    for (TraffickingStatus s :
        new TraffickingStatus[] {
          TraffickingStatus.ActualVictimOfTrafficking, TraffickingStatus.NotAVictimOfTrafficking
        }) {
      IdentificationProcedure p = referredOn(WEDNESDAY);
      p.decide(
          UUID.randomUUID(),
          DecisionKind.REASONABLE_GROUNDS,
          input(TraffickingStatus.PossibleVictimOfTrafficking),
          on(decided),
          POLICY);
      assertThatThrownBy(
              () ->
                  p.decide(
                      UUID.randomUUID(),
                      DecisionKind.CONCLUSIVE_GROUNDS,
                      input(s),
                      on(p.reflectionEnds()),
                      POLICY))
          .as(s.name())
          .extracting(e -> ((ProcedureRefused) e).reason())
          .isEqualTo(ProcedureRefused.Reason.REFLECTION_PERIOD_RUNNING);
    }
    DeadlinePolicy early = new DeadlinePolicy(5, 30, 20, 20, true);
    IdentificationProcedure p = referredOn(WEDNESDAY);
    p.decide(
        UUID.randomUUID(),
        DecisionKind.REASONABLE_GROUNDS,
        input(TraffickingStatus.PossibleVictimOfTrafficking),
        on(decided),
        early);
    assertThatThrownBy(
            () ->
                p.decide(
                    UUID.randomUUID(),
                    DecisionKind.CONCLUSIVE_GROUNDS,
                    input(TraffickingStatus.NotAVictimOfTrafficking),
                    on(decided.plusDays(10)),
                    early))
        .extracting(e -> ((ProcedureRefused) e).reason())
        .isEqualTo(ProcedureRefused.Reason.REFLECTION_PERIOD_RUNNING);
    p.decide(
        UUID.randomUUID(),
        DecisionKind.CONCLUSIVE_GROUNDS,
        input(TraffickingStatus.ActualVictimOfTrafficking),
        on(decided.plusDays(10)),
        early);
    assertThat(p.status()).isEqualTo(TraffickingStatus.ActualVictimOfTrafficking);
  }

  @Test
  void reconsideration_reopens_the_procedure_with_its_own_deadline_and_supersedes_the_decision() {
    IdentificationProcedure p = referredOn(WEDNESDAY);
    Decision first = negative(p, DecisionKind.REASONABLE_GROUNDS, WEDNESDAY);
    Reconsideration.Input request =
        new Reconsideration.Input(
            Reconsideration.Requester.LEGAL_REPRESENTATIVE,
            "A. Lawyer",
            "The medical evidence was not considered.",
            WEDNESDAY.plusDays(31));
    // A window of 30 days: received on day 31 is too late.
    assertThatThrownBy(
            () -> p.reconsider(UUID.randomUUID(), request, on(WEDNESDAY.plusDays(31)), 30, POLICY))
        .extracting(e -> ((ProcedureRefused) e).reason())
        .isEqualTo(ProcedureRefused.Reason.RECONSIDERATION_WINDOW_CLOSED);
    LocalDate friday = LocalDate.of(2026, 3, 6);
    Reconsideration r =
        p.reconsider(
            UUID.randomUUID(),
            new Reconsideration.Input(
                Reconsideration.Requester.PERSON, null, "I was not heard.", friday),
            on(friday),
            30,
            POLICY);
    assertThat(p.stage()).isEqualTo(ProcedureStage.AWAITING_REASONABLE_GROUNDS);
    assertThat(p.removalBarred(friday)).isTrue();
    assertThat(r.dueOn()).isEqualTo(WorkingDays.add(friday, 20));
    assertThat(p.dueOn()).isEqualTo(r.dueOn());
    Decision second =
        p.decide(
            UUID.randomUUID(),
            DecisionKind.REASONABLE_GROUNDS,
            input(TraffickingStatus.PossibleVictimOfTrafficking),
            on(friday.plusDays(3)),
            POLICY);
    assertThat(second.supersedes()).isEqualTo(first.id());
    assertThat(p.superseded()).containsExactly(first.id());
    assertThat(p.decisions()).hasSize(2);
    assertThat(p.status()).isEqualTo(TraffickingStatus.PossibleVictimOfTrafficking);
    assertThat(p.openReconsideration()).isNull();
    assertThat(p.reflectionStarts()).isEqualTo(friday.plusDays(3));
  }

  @Test
  void the_recovery_and_reflection_period_is_never_below_thirty_days() {
    assertThatThrownBy(() -> new DeadlinePolicy(5, 29, 20))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
