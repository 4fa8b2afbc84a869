package org.palermo.app.cases.protection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.palermo.app.cases.protection.ReturnConditions.Facts;
import org.palermo.app.cases.protection.ReturnConditions.Refusal;
import org.palermo.app.cases.protection.ReturnConditions.ReturnKind;

/** The return rules one by one, without a database. */
class ReturnConditionsTest {

  static ReturnConditions.Builder adultAvr(Boolean free, Boolean informed) {
    return Facts.of(ReturnKind.ASSISTED_VOLUNTARY).freeChoice(free).informedDecision(informed);
  }

  static ReturnConditions.Builder safe(ReturnConditions.Builder b) {
    return b.riskAssessed(false, false, false, false);
  }

  @Test
  void a_safe_voluntary_return_of_an_adult_passes() {
    assertThat(ReturnConditions.check(safe(adultAvr(true, true)).build())).isEmpty();
  }

  @Test
  void each_condition_gives_its_own_reason() {
    assertThat(ReturnConditions.check(adultAvr(true, true).build()))
        .containsExactly(Refusal.NO_RISK_ASSESSMENT);
    assertThat(
            ReturnConditions.check(
                adultAvr(true, true).riskAssessed(true, false, false, false).build()))
        .containsExactly(Refusal.NON_REFOULEMENT);
    assertThat(
            ReturnConditions.check(
                adultAvr(true, true).riskAssessed(false, true, false, false).build()))
        .containsExactly(Refusal.NON_REFOULEMENT);
    assertThat(
            ReturnConditions.check(
                adultAvr(true, true).riskAssessed(false, false, true, false).build()))
        .containsExactly(Refusal.NON_REFOULEMENT);
    assertThat(
            ReturnConditions.check(
                adultAvr(true, true).riskAssessed(false, false, false, true).build()))
        .containsExactly(Refusal.NOT_SAFE);
    assertThat(ReturnConditions.check(safe(adultAvr(true, null)).build()))
        .containsExactly(Refusal.NOT_VOLUNTARY);
    assertThat(ReturnConditions.check(safe(adultAvr(false, true)).build()))
        .containsExactly(Refusal.NOT_VOLUNTARY);
    assertThat(Refusal.NON_REFOULEMENT.provision()).contains("art. 33");
  }

  @Test
  void an_other_return_does_not_ask_for_voluntariness_but_still_for_the_risk_assessment() {
    assertThat(ReturnConditions.check(Facts.of(ReturnKind.OTHER).build()))
        .containsExactly(Refusal.NO_RISK_ASSESSMENT);
    assertThat(ReturnConditions.check(safe(Facts.of(ReturnKind.OTHER)).build())).isEmpty();
  }

  @Test
  void a_child_needs_the_determination_and_if_unaccompanied_guardian_and_assessment() {
    assertThat(
            ReturnConditions.check(
                safe(adultAvr(true, true)).child(true).unaccompanied(true).build()))
        .containsExactly(
            Refusal.NO_GUARDIAN,
            Refusal.NO_BEST_INTERESTS_ASSESSMENT,
            Refusal.NO_BEST_INTERESTS_DETERMINATION);
    assertThat(ReturnConditions.check(safe(adultAvr(true, true)).child(true).build()))
        .containsExactly(Refusal.NO_BEST_INTERESTS_DETERMINATION);
    Facts decided =
        safe(adultAvr(true, true))
            .child(true)
            .unaccompanied(true)
            .guardianInOffice(true)
            .bestInterestsAssessed(true)
            .bestInterestsReturn(true)
            .build();
    assertThat(ReturnConditions.check(decided)).isEmpty();
  }

  @Test
  void an_adult_is_not_asked_what_only_a_child_needs() {
    assertThat(ReturnConditions.check(safe(adultAvr(true, true)).unaccompanied(true).build()))
        .isEmpty();
  }
}
