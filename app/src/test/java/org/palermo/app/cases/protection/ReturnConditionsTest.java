package org.palermo.app.cases.protection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.palermo.app.cases.protection.ReturnConditions.Facts;
import org.palermo.app.cases.protection.ReturnConditions.Refusal;
import org.palermo.app.cases.protection.ReturnConditions.ReturnKind;

/** The return rules one by one, without a database. */
class ReturnConditionsTest {

  static Facts adultAvr(
      boolean assessed, boolean life, boolean again, Boolean free, Boolean informed) {
    return new Facts(
        ReturnKind.ASSISTED_VOLUNTARY,
        assessed,
        life,
        false,
        false,
        again,
        free,
        informed,
        false,
        false,
        false,
        false,
        false);
  }

  @Test
  void a_safe_voluntary_return_of_an_adult_passes() {
    assertThat(ReturnConditions.check(adultAvr(true, false, false, true, true))).isEmpty();
  }

  @Test
  void each_condition_gives_its_own_reason() {
    assertThat(ReturnConditions.check(adultAvr(false, false, false, true, true)))
        .containsExactly(Refusal.NO_RISK_ASSESSMENT);
    assertThat(ReturnConditions.check(adultAvr(true, true, false, true, true)))
        .containsExactly(Refusal.NON_REFOULEMENT);
    assertThat(ReturnConditions.check(adultAvr(true, false, true, true, true)))
        .containsExactly(Refusal.NOT_SAFE);
    assertThat(ReturnConditions.check(adultAvr(true, false, false, true, null)))
        .containsExactly(Refusal.NOT_VOLUNTARY);
    assertThat(Refusal.NON_REFOULEMENT.provision()).contains("art. 33");
  }

  @Test
  void an_other_return_does_not_ask_for_voluntariness_but_still_for_the_risk_assessment() {
    Facts other =
        new Facts(
            ReturnKind.OTHER,
            false,
            false,
            false,
            false,
            false,
            null,
            null,
            false,
            false,
            false,
            false,
            false);
    assertThat(ReturnConditions.check(other)).containsExactly(Refusal.NO_RISK_ASSESSMENT);
  }

  @Test
  void a_child_needs_the_determination_and_if_unaccompanied_guardian_and_assessment() {
    Facts unaccompanied =
        new Facts(
            ReturnKind.ASSISTED_VOLUNTARY,
            true,
            false,
            false,
            false,
            false,
            true,
            true,
            true,
            true,
            false,
            false,
            false);
    assertThat(ReturnConditions.check(unaccompanied))
        .containsExactly(
            Refusal.NO_GUARDIAN,
            Refusal.NO_BEST_INTERESTS_ASSESSMENT,
            Refusal.NO_BEST_INTERESTS_DETERMINATION);
    Facts accompanied =
        new Facts(
            ReturnKind.ASSISTED_VOLUNTARY,
            true,
            false,
            false,
            false,
            false,
            true,
            true,
            true,
            false,
            false,
            false,
            false);
    assertThat(ReturnConditions.check(accompanied))
        .containsExactly(Refusal.NO_BEST_INTERESTS_DETERMINATION);
    Facts decided =
        new Facts(
            ReturnKind.ASSISTED_VOLUNTARY,
            true,
            false,
            false,
            false,
            false,
            true,
            true,
            true,
            true,
            true,
            true,
            true);
    assertThat(ReturnConditions.check(decided)).isEmpty();
  }
}
