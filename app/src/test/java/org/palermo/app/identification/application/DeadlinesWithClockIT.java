package org.palermo.app.identification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.Accounts;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.access.Role;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.identification.persistence.ProcedureStore;
import org.palermo.app.identification.procedure.DeadlinePolicy;
import org.palermo.app.identification.procedure.DecisionKind;
import org.palermo.app.identification.procedure.DecisionMakingOrg;
import org.palermo.app.identification.procedure.TraffickingStatus;
import org.palermo.app.platform.PalermoException;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deadlines against an injected clock, through the real use cases and database: the
 * reasonable-grounds deadline across a weekend, the overdue list, the recovery and reflection
 * period that refuses a removal until its last day has passed, and the conclusive deadline.
 */
@PalermoIntegrationTest
class DeadlinesWithClockIT {
  /** Wednesday: due five working days later, Wednesday 11 March. */
  static final LocalDate REFERRED = LocalDate.of(2026, 3, 4);

  @Autowired TestAccounts accounts;
  @Autowired ScreeningFixtures fixtures;
  @Autowired Screenings screenings;
  @Autowired ProcedureStore procedures;
  @Autowired Accounts agencies;
  @Autowired IdentificationAudit audit;
  @Autowired IdentificationConsent consents;
  @Autowired DeadlinePolicy policy;
  @Autowired org.springframework.context.ApplicationEventPublisher events;
  @Autowired ProtectionReport protection;
  @Autowired SecondReviewers reviewers;
  @Autowired org.palermo.app.cases.protection.ReturnGate gate;

  PalermoPrincipal frontline;
  PalermoPrincipal officer;
  PalermoPrincipal secondOfficer;
  org.palermo.app.identification.procedure.Decision.Reviewer reviewer;
  UUID screening;

  static Clock at(LocalDate day) {
    return Clock.fixed(day.atTime(9, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  }

  IdentificationQueries queriesOn(LocalDate day) {
    return new IdentificationQueries(screenings, null, procedures, audit, at(day), null);
  }

  DecideIdentification recorderOn(LocalDate day) {
    return new DecideIdentification(
        screenings, procedures, policy, audit, at(day), events, protection, reviewers);
  }

  ReviewDecision reviewOn(LocalDate day) {
    return new ReviewDecision(screenings, procedures, policy, audit, at(day), recorderOn(day));
  }

  RecordRemoval removalOn(LocalDate day) {
    return new RecordRemoval(screenings, procedures, audit, at(day), gate);
  }

  @BeforeEach
  void referredOnAWednesday() {
    TestUser f = accounts.user(AgencyType.SERVICE_PROVIDER, Role.FRONTLINE_OFFICER);
    Agency authority = accounts.agency(AgencyType.COMPETENT_AUTHORITY);
    TestUser o = accounts.user(authority, Role.COMPETENT_AUTHORITY_OFFICER);
    frontline = ScreeningFixtures.principal(f, Role.FRONTLINE_OFFICER);
    officer = ScreeningFixtures.principal(o, Role.COMPETENT_AUTHORITY_OFFICER);
    TestUser second = accounts.user(authority, Role.COMPETENT_AUTHORITY_OFFICER);
    reviewer =
        new org.palermo.app.identification.procedure.Decision.Reviewer(
            second.id(), "Test " + second.username());
    secondOfficer = ScreeningFixtures.principal(second, Role.COMPETENT_AUTHORITY_OFFICER);
    screening = fixtures.completedScreening(frontline);
    new ReferForIdentification(
            screenings, procedures, agencies, policy, audit, consents, at(REFERRED), protection)
        .refer(
            frontline,
            new ReferForIdentification.Command(
                screening,
                authority.id(),
                new IdentificationConsent.Consent(
                    java.time.Instant.parse("2020-01-01T00:00:00Z"), false)));
  }

  boolean overdueOn(LocalDate day) {
    return queriesOn(day).forAuthority(officer).overdue().stream()
        .anyMatch(i -> i.screeningId().equals(screening));
  }

  @Test
  void the_reasonable_grounds_decision_is_overdue_after_five_working_days_not_before() {
    assertThat(policy).isEqualTo(DeadlinePolicy.DEFAULT);
    IdentificationQueries.AuthorityLists onDeadline =
        queriesOn(LocalDate.of(2026, 3, 11)).forAuthority(officer);
    assertThat(onDeadline.open())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.screeningId()).isEqualTo(screening);
              assertThat(i.dueOn()).isEqualTo(LocalDate.of(2026, 3, 11));
              assertThat(i.referredOn()).isEqualTo(REFERRED);
            });
    assertThat(onDeadline.overdue()).isEmpty();
    // The weekend of 7-8 March does not count: not overdue on the Monday or Tuesday either.
    assertThat(overdueOn(LocalDate.of(2026, 3, 9))).isFalse();
    assertThat(overdueOn(LocalDate.of(2026, 3, 12))).isTrue();
    assertThat(queriesOn(LocalDate.of(2026, 3, 12)).forAuthority(officer).today())
        .isEqualTo(LocalDate.of(2026, 3, 12));
  }

  @Test
  void a_late_decision_is_marked_late_and_leaves_the_overdue_list() {
    var decision =
        recorderOn(LocalDate.of(2026, 3, 13))
            .decide(
                officer,
                screening,
                DecisionKind.REASONABLE_GROUNDS,
                Inputs.of(
                    TraffickingStatus.NotAVictimOfTrafficking,
                    DecisionMakingOrg.Police,
                    "No indicator of exploitation.",
                    reviewer));
    assertThat(decision.late()).isTrue();
    assertThat(decision.dueOn()).isEqualTo(LocalDate.of(2026, 3, 11));
    // Proposed, not yet issued: still awaited, still overdue.
    assertThat(overdueOn(LocalDate.of(2026, 3, 13))).isTrue();
    reviewOn(LocalDate.of(2026, 3, 13)).confirm(secondOfficer, screening, decision.id());
    assertThat(overdueOn(LocalDate.of(2026, 3, 13))).isFalse();
    assertThat(queriesOn(LocalDate.of(2026, 3, 13)).forAuthority(officer).open()).isEmpty();
  }

  @Test
  void removal_is_refused_through_the_last_day_of_reflection_and_recorded_after_it() {
    LocalDate decided = LocalDate.of(2026, 3, 6);
    recorderOn(decided)
        .decide(
            officer,
            screening,
            DecisionKind.REASONABLE_GROUNDS,
            Inputs.of(
                TraffickingStatus.PossibleVictimOfTrafficking,
                DecisionMakingOrg.NonPoliceGovernmentalOrganization,
                "Indicators of deceptive recruitment."));
    LocalDate lastDay = LocalDate.of(2026, 4, 5);
    assertThat(screenings.readable(officer, screening, "test").procedure().reflectionEnds())
        .isEqualTo(lastDay);

    for (LocalDate day : new LocalDate[] {decided, decided.plusDays(15), lastDay}) {
      assertThatThrownBy(
              () -> removalOn(day).record(frontline, new RecordRemoval.Command(screening)))
          .as(day.toString())
          .isInstanceOfSatisfying(
              PalermoException.class,
              e -> assertThat(e.properties()).containsEntry("reason", "REMOVAL_BARRED"));
    }
    // The period ends on Sunday 5 April; twenty working days later is Friday 1 May.
    assertThat(overdueOn(LocalDate.of(2026, 5, 1))).isFalse();
    assertThat(overdueOn(LocalDate.of(2026, 5, 4))).isTrue();
    // Still awaiting the conclusive decision after the period: identification is not complete.
    assertThatThrownBy(
            () ->
                removalOn(lastDay.plusDays(1))
                    .record(frontline, new RecordRemoval.Command(screening)))
        .isInstanceOf(PalermoException.class);

    var negative =
        recorderOn(LocalDate.of(2026, 4, 20))
            .decide(
                officer,
                screening,
                DecisionKind.CONCLUSIVE_GROUNDS,
                Inputs.of(
                    TraffickingStatus.NotAVictimOfTrafficking,
                    DecisionMakingOrg.CourtOrProsecution,
                    "No indicator of exploitation.",
                    reviewer));
    reviewOn(LocalDate.of(2026, 4, 20)).confirm(secondOfficer, screening, negative.id());
    // Identification is complete, but the screening is linked to no case: the person's protection
    // status cannot be asked, so no removal is recorded (issue 13 §5).
    assertThatThrownBy(
            () ->
                removalOn(LocalDate.of(2026, 4, 21))
                    .record(frontline, new RecordRemoval.Command(screening)))
        .isInstanceOfSatisfying(
            PalermoException.class,
            e -> assertThat(e.properties()).containsEntry("reason", "NO_CASE_LINKED"));
    assertThat(fixtures.audits("identification.removal", screening, "DENIED")).isEqualTo(5);
    assertThat(fixtures.audits("identification.removal", screening, "SUCCESS")).isZero();
  }
}
