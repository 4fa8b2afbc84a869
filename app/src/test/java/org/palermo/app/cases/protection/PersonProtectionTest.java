package org.palermo.app.cases.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.palermo.app.cases.protection.PersonProtection.Action;
import org.palermo.app.cases.protection.PersonProtection.Facts;
import org.palermo.app.cases.protection.PersonProtection.Ground;
import org.palermo.app.cases.protection.PersonProtection.Permit;
import org.palermo.app.cases.protection.PersonProtection.Procedure;
import org.palermo.app.cases.protection.PersonProtection.Reason;
import org.palermo.app.cases.protection.PersonProtection.Settings;
import org.palermo.app.cases.protection.PersonProtection.Stage;
import org.palermo.app.cases.protection.Residence.PermitKind;

/** The protection status rules one by one, without a database. */
class PersonProtectionTest {
  static final LocalDate TODAY = LocalDate.of(2026, 6, 10);
  static final Settings SETTINGS = new Settings(30, 30);

  static Facts facts(
      List<Procedure> procedures,
      List<Permit> permits,
      boolean asylum,
      boolean proceedings,
      LocalDate risk) {
    return new Facts(TODAY, procedures, permits, asylum, proceedings, risk);
  }

  static List<Reason> reasons(Facts f, Action a) {
    return PersonProtection.of(f, SETTINGS).barring(a).stream().map(Ground::reason).toList();
  }

  @Test
  void nothing_protects_a_person_with_a_current_risk_assessment_and_nothing_else() {
    Facts f = facts(List.of(), List.of(), false, false, TODAY.minusDays(29));
    assertThat(PersonProtection.of(f, SETTINGS).protects()).isFalse();
    assertThat(reasons(f, Action.REMOVAL)).isEmpty();
  }

  @Test
  void the_risk_assessment_expires_after_thirty_days_and_its_absence_bars_too() {
    assertThat(
            reasons(
                facts(List.of(), List.of(), false, false, TODAY.minusDays(30)),
                Action.ASSISTED_VOLUNTARY_RETURN))
        .containsExactly(Reason.RISK_ASSESSMENT_EXPIRED);
    assertThat(reasons(facts(List.of(), List.of(), false, false, null), Action.REMOVAL))
        .containsExactly(Reason.NO_RISK_ASSESSMENT);
  }

  @Test
  void the_reflection_period_bars_every_return_from_its_first_to_its_last_day() {
    Procedure p =
        new Procedure(
            Stage.AWAITING_CONCLUSIVE_GROUNDS, TODAY.minusDays(1), TODAY.plusDays(29), null, false);
    Facts f = facts(List.of(p), List.of(), false, false, TODAY);
    assertThat(reasons(f, Action.ASSISTED_VOLUNTARY_RETURN))
        .containsExactly(Reason.CONCLUSIVE_DECISION_PENDING, Reason.REFLECTION_PERIOD);
    assertThat(PersonProtection.of(f, SETTINGS).grounds())
        .filteredOn(g -> g.reason() == Reason.REFLECTION_PERIOD)
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.until()).isEqualTo(TODAY.plusDays(29));
              assertThat(g.article()).contains("CETS 197 art. 13");
            });
    // A period recorded on the case counts the same, through its last day.
    Facts permit =
        facts(
            List.of(),
            List.of(new Permit(PermitKind.REFLECTION_PERIOD, TODAY.minusDays(30), TODAY)),
            false,
            false,
            TODAY);
    assertThat(reasons(permit, Action.ASSISTED_VOLUNTARY_RETURN))
        .containsExactly(Reason.REFLECTION_PERIOD);
  }

  @Test
  void a_pending_reasonable_grounds_decision_and_an_asylum_claim_bar_every_return() {
    Procedure p = new Procedure(Stage.AWAITING_REASONABLE_GROUNDS, null, null, null, false);
    assertThat(
            reasons(
                facts(List.of(p), List.of(), false, false, TODAY),
                Action.ASSISTED_VOLUNTARY_RETURN))
        .containsExactly(Reason.IDENTIFICATION_PENDING);
    assertThat(
            reasons(
                facts(List.of(), List.of(), true, false, TODAY), Action.ASSISTED_VOLUNTARY_RETURN))
        .containsExactly(Reason.ASYLUM_CLAIM_PENDING);
  }

  @Test
  void a_permit_proceedings_or_an_identified_victim_bar_removal_but_not_a_voluntary_return() {
    Procedure identified =
        new Procedure(Stage.CONCLUDED, TODAY.minusDays(90), TODAY.minusDays(60), null, true);
    Facts f =
        facts(
            List.of(identified),
            List.of(
                new Permit(PermitKind.VICTIM_RESIDENCE, TODAY.minusDays(10), TODAY.plusDays(300))),
            false,
            true,
            TODAY);
    assertThat(reasons(f, Action.REMOVAL))
        .containsExactly(
            Reason.IDENTIFIED_VICTIM, Reason.RESIDENCE_PERMIT, Reason.CRIMINAL_PROCEEDINGS_PENDING);
    assertThat(reasons(f, Action.ASSISTED_VOLUNTARY_RETURN)).isEmpty();
  }

  @Test
  void a_negative_decision_protects_until_its_review_window_closes() {
    Procedure negative = new Procedure(Stage.CONCLUDED, null, null, TODAY.minusDays(30), false);
    assertThat(reasons(facts(List.of(negative), List.of(), false, false, TODAY), Action.REMOVAL))
        .containsExactly(Reason.REVIEW_WINDOW_OPEN);
    Procedure older = new Procedure(Stage.CONCLUDED, null, null, TODAY.minusDays(31), false);
    assertThat(reasons(facts(List.of(older), List.of(), false, false, TODAY), Action.REMOVAL))
        .isEmpty();
  }

  static Facts withStatus(
      PersonProtection.InternationalProtection granted,
      boolean possibleVictim,
      LocalDate adultOn,
      List<Procedure> procedures) {
    return new Facts(
        TODAY, procedures, List.of(), false, false, TODAY, granted, possibleVictim, adultOn);
  }

  @Test
  void refugees_beneficiaries_of_complementary_protection_and_stateless_persons_are_not_removed() {
    for (var granted :
        List.of(
            PersonProtection.InternationalProtection.REFUGEE,
            PersonProtection.InternationalProtection.COMPLEMENTARY_PROTECTION,
            PersonProtection.InternationalProtection.STATELESS)) {
      Facts f = withStatus(granted, false, null, List.of());
      assertThat(reasons(f, Action.REMOVAL)).hasSize(1);
      // A voluntary return by free and informed choice is left to the return conditions.
      assertThat(reasons(f, Action.ASSISTED_VOLUNTARY_RETURN)).isEmpty();
    }
  }

  @Test
  void a_possible_victim_never_referred_is_not_removed_and_a_pending_procedure_says_it_once() {
    Facts unreferred =
        withStatus(PersonProtection.InternationalProtection.NONE, true, null, List.of());
    assertThat(reasons(unreferred, Action.REMOVAL))
        .containsExactly(Reason.POSSIBLE_VICTIM_NOT_IDENTIFIED);
    Procedure pending = new Procedure(Stage.AWAITING_REASONABLE_GROUNDS, null, null, null, false);
    assertThat(
            reasons(
                withStatus(
                    PersonProtection.InternationalProtection.NONE, true, null, List.of(pending)),
                Action.REMOVAL))
        .containsExactly(Reason.IDENTIFICATION_PENDING);
  }

  @Test
  void an_adult_age_assessment_leaves_thirty_days_to_challenge_it_last_day_included() {
    Facts open =
        withStatus(
            PersonProtection.InternationalProtection.NONE, false, TODAY.minusDays(30), List.of());
    assertThat(reasons(open, Action.REMOVAL)).containsExactly(Reason.AGE_CHALLENGE_WINDOW);
    Facts closed =
        withStatus(
            PersonProtection.InternationalProtection.NONE, false, TODAY.minusDays(31), List.of());
    assertThat(reasons(closed, Action.REMOVAL)).isEmpty();
  }
}
