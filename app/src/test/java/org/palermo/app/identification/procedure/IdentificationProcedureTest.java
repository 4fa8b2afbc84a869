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

  /** A reasoned decision; a negative one with a second reviewer. */
  static Decision.Input input(TraffickingStatus status) {
    return new Decision.Input(
        status,
        DecisionMakingOrg.NonPoliceGovernmentalOrganization,
        "Indicators of deceptive recruitment.",
        status == TraffickingStatus.NotAVictimOfTrafficking
            ? new Decision.Reviewer(UUID.randomUUID(), "Second officer")
            : null);
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
    // A conclusive decision inside the period does not end the period.
    p.decide(
        UUID.randomUUID(),
        DecisionKind.CONCLUSIVE_GROUNDS,
        input(TraffickingStatus.NotAVictimOfTrafficking),
        on(decided.plusDays(10)),
        POLICY);
    assertThat(p.stage()).isEqualTo(ProcedureStage.CONCLUDED);
    assertThat(p.removalBarred(decided.plusDays(30))).isTrue();
    assertThatThrownBy(() -> p.recordRemoval(decided.plusDays(30)))
        .isInstanceOf(ProcedureRefused.class)
        .extracting(e -> ((ProcedureRefused) e).reason())
        .isEqualTo(ProcedureRefused.Reason.REMOVAL_BARRED);
    assertThat(p.removalRecordedOn()).isNull();

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
    p.decide(
        UUID.randomUUID(),
        DecisionKind.REASONABLE_GROUNDS,
        input(TraffickingStatus.NotAVictimOfTrafficking),
        on(WEDNESDAY.plusDays(14)),
        POLICY);
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
    assertThatThrownBy(() -> new Decision.Input(null, DecisionMakingOrg.NGO, ""))
        .extracting(e -> ((ProcedureRefused) e).reason())
        .isEqualTo(ProcedureRefused.Reason.DECISION_INCOMPLETE);
    assertThatThrownBy(
            () -> new Decision.Input(TraffickingStatus.PossibleVictimOfTrafficking, null, ""))
        .extracting(e -> ((ProcedureRefused) e).reason())
        .isEqualTo(ProcedureRefused.Reason.DECISION_INCOMPLETE);
    assertThatThrownBy(
            () ->
                new Decision.Input(
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
              () ->
                  new Decision.Input(
                      TraffickingStatus.PossibleVictimOfTrafficking, DecisionMakingOrg.NGO, blank))
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
                    new Decision.Input(
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
                    new Decision.Input(
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
            new Decision.Input(
                TraffickingStatus.NotAVictimOfTrafficking,
                DecisionMakingOrg.NGO,
                "No indicator.",
                new Decision.Reviewer(second, "Second officer")),
            by,
            POLICY);
    assertThat(d.reviewedBy()).isEqualTo(second);
    assertThat(d.standardOfProof())
        .isEqualTo(DecisionKind.StandardOfProof.SUSPECTS_BUT_CANNOT_PROVE);
  }

  @Test
  void the_recovery_and_reflection_period_is_never_below_thirty_days() {
    assertThatThrownBy(() -> new DeadlinePolicy(5, 29, 20))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
