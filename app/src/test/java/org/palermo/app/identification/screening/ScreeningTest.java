package org.palermo.app.identification.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.cases.LegalBasis;
import org.palermo.law.indicator.IndicatorCatalogue;

/** The screening aggregate: basis first, one page at a time, read-only once completed. */
class ScreeningTest {
  static final Questionnaire Q = Questionnaire.of(IndicatorCatalogue.standard());
  static final Instant NOW = Instant.parse("2026-03-04T10:00:00Z");
  static final UUID USER = UUID.randomUUID();

  static Screening started() {
    return Screening.start(
        UUID.randomUUID(),
        UUID.randomUUID(),
        USER,
        new Basis(LegalBasis.VITAL_INTEREST, false, "ti", true),
        NOW);
  }

  static ScreeningRefused.Reason reason(Throwable e) {
    return ((ScreeningRefused) e).reason();
  }

  @Test
  void nothing_starts_without_a_legal_basis_and_consent_needs_the_persons_agreement() {
    assertThatThrownBy(() -> Screening.start(UUID.randomUUID(), UUID.randomUUID(), USER, null, NOW))
        .extracting(ScreeningTest::reason)
        .isEqualTo(ScreeningRefused.Reason.LEGAL_BASIS_REQUIRED);
    assertThatThrownBy(() -> new Basis(null, true, null, null))
        .extracting(ScreeningTest::reason)
        .isEqualTo(ScreeningRefused.Reason.LEGAL_BASIS_REQUIRED);
    assertThatThrownBy(() -> new Basis(LegalBasis.CONSENT, false, null, null))
        .extracting(ScreeningTest::reason)
        .isEqualTo(ScreeningRefused.Reason.CONSENT_REQUIRED);
    assertThatThrownBy(() -> new Basis(LegalBasis.PUBLIC_INTEREST, false, "Tigrinya", null))
        .extracting(ScreeningTest::reason)
        .isEqualTo(ScreeningRefused.Reason.LANGUAGE_INVALID);
    assertThat(new Basis(LegalBasis.CONSENT, true, "", null).interviewLanguage()).isNull();
  }

  @Test
  void a_new_screening_holds_no_answers_and_continues_with_the_person() {
    Screening s = started();
    assertThat(s.answers().values()).isEmpty();
    assertThat(s.step()).isEqualTo(Step.PERSON);
    assertThat(s.status()).isEqualTo(ScreeningStatus.DRAFT);
  }

  @Test
  void a_page_replaces_only_its_own_answers_and_keeps_dont_know_apart_from_declined() {
    Screening s = started();
    s.answer(
        Q,
        Step.PERSON,
        Map.of(Questionnaire.AGE, "30", Questionnaire.PROTECTION, "PREFER_NOT_TO_SAY"),
        USER,
        NOW);
    Step next = s.answer(Q, Step.TRANSIT, Map.of(Questionnaire.BORDER, "DONT_KNOW"), USER, NOW);

    assertThat(next).isEqualTo(Step.EXPLOITATION);
    assertThat(s.answers().values())
        .containsEntry(Questionnaire.AGE, "30")
        .containsEntry(Questionnaire.PROTECTION, "PREFER_NOT_TO_SAY")
        .containsEntry(Questionnaire.BORDER, "DONT_KNOW");

    s.answer(Q, Step.PERSON, Map.of(Questionnaire.AGE, "31"), USER, NOW);
    assertThat(s.answers().values())
        .containsEntry(Questionnaire.AGE, "31")
        .doesNotContainKey(Questionnaire.PROTECTION)
        .containsEntry(Questionnaire.BORDER, "DONT_KNOW");
  }

  @Test
  void a_stated_age_under_18_switches_to_the_child_interview() {
    Screening s = started();
    assertThatThrownBy(() -> s.answer(Q, Step.CHILD, Map.of(), USER, NOW))
        .extracting(ScreeningTest::reason)
        .isEqualTo(ScreeningRefused.Reason.STEP_NOT_IN_INTERVIEW);
    Step next = s.answer(Q, Step.PERSON, Map.of(Questionnaire.AGE, "16"), USER, NOW);
    assertThat(s.variant()).isEqualTo(Variant.CHILD);
    assertThat(next).isEqualTo(Step.CHILD);
    s.answer(Q, Step.CHILD, Map.of(Questionnaire.GUARDIAN_PRESENT, "YES"), USER, NOW);
    assertThat(s.answers().get(Questionnaire.GUARDIAN_PRESENT)).isEqualTo("YES");
  }

  @Test
  void invalid_answers_are_refused_with_an_error_per_question_and_nothing_changes() {
    Screening s = started();
    s.answer(Q, Step.PERSON, Map.of(Questionnaire.AGE, "20"), USER, NOW);
    assertThatThrownBy(
            () ->
                s.answer(
                    Q,
                    Step.RECRUITMENT,
                    Map.of(
                        Questionnaire.AGE_AT_FIRST_ACT,
                        "25",
                        Questionnaire.act(org.palermo.law.Act.RECRUITMENT),
                        "MAYBE"),
                    USER,
                    NOW))
        .isInstanceOfSatisfying(
            ScreeningRefused.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ScreeningRefused.Reason.INVALID_ANSWERS);
              assertThat(e.errors())
                  .containsEntry(Questionnaire.AGE_AT_FIRST_ACT, "ageAtFirstActAfterAge")
                  .containsEntry("act.RECRUITMENT", "option");
            });
    assertThatThrownBy(() -> s.answer(Q, Step.PERSON, Map.of(Questionnaire.AGE, "131"), USER, NOW))
        .isInstanceOfSatisfying(
            ScreeningRefused.class,
            e -> assertThat(e.errors()).containsEntry(Questionnaire.AGE, "years"));
    assertThat(s.answers().values()).containsOnlyKeys(Questionnaire.AGE);
  }

  @Test
  void skipping_a_page_leaves_it_unanswered_and_moves_on() {
    Screening s = started();
    assertThat(s.skip(Q, Step.RECRUITMENT, USER, NOW)).isEqualTo(Step.DECEPTION);
    assertThat(s.answers().values()).isEmpty();
  }

  @Test
  void a_completed_screening_no_longer_changes() {
    Screening s = started();
    s.complete(USER, NOW);
    assertThat(s.status()).isEqualTo(ScreeningStatus.COMPLETED);
    assertThatThrownBy(() -> s.answer(Q, Step.PERSON, Map.of(), USER, NOW))
        .extracting(ScreeningTest::reason)
        .isEqualTo(ScreeningRefused.Reason.COMPLETED);
    assertThatThrownBy(() -> s.complete(USER, NOW))
        .extracting(ScreeningTest::reason)
        .isEqualTo(ScreeningRefused.Reason.COMPLETED);
  }
}
