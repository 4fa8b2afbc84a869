package org.palermo.law;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.palermo.law.engine.Classifier;
import org.palermo.law.indicator.Indicator;

/** Reason texts and explanations: every code has English text, keys are stable, codes humanised. */
class ExplanationTest {
  private static final Classifier CLASSIFIER = Classifier.standard();

  @Test
  void everyReasonCodeHasEnglishText() {
    for (ReasonCode code : ReasonCode.values()) {
      assertThat(Messages.hasEnglish(code.messageKey())).as(code.name()).isTrue();
      assertThat(code.citation())
          .matches(
              "((Trafficking|Smuggling) Protocol|CETS 197|Directive 2011/36/EU|1951 Refugee"
                  + " Convention) art\\. \\d.*");
    }
  }

  @Test
  void reasonsFillTheirArgumentsAsWords() {
    Reason reason = Reason.of(ReasonCode.TIP_MEANS_PRESENT, "ABUSE_OF_POWER, FRAUD");
    assertThat(reason.text()).contains("abuse of power, fraud").doesNotContain("{0}");
    assertThat(reason.args()).containsExactly("ABUSE_OF_POWER, FRAUD");
    assertThat(reason.citation()).isEqualTo("Trafficking Protocol art. 3(a)");
    Reason codes = Reason.of(ReasonCode.TIP_EVIDENCE_FROM_INDICATORS, "ACT", "RECEIPT", "AL-DR-01");
    assertThat(codes.text()).contains("AL-DR-01").contains("act element");
  }

  @Test
  void explanationsOfManyAssessmentsUseOnlyKnownKeysAndLeaveNoPlaceholder() {
    RandomFacts random =
        new RandomFacts(
            new SplittableRandom(7),
            CLASSIFIER.catalogue().indicators().stream()
                .map(Indicator::code)
                .collect(Collectors.toList()));
    for (Facts facts : random.list("x", 500)) {
      Assessment assessment = CLASSIFIER.classify(facts);
      Explanation explanation = assessment.explain(Locale.ENGLISH);
      assertThat(explanation.lines()).isNotEmpty();
      assertThat(explanation.text()).doesNotContain("{0}").doesNotContain("{1}");
      assertThat(explanation.lines().get(0).key()).isEqualTo("explain.ruleSet");
      assertThat(explanation.lines().get(0).args()).containsExactly("palermo-rules/1.1.0");
    }
  }

  @Test
  void aLocaleWithoutTranslationFallsBackToEnglish() {
    Assessment assessment =
        CLASSIFIER.classify(FactsTestData.aTraffickedAdult().indicators("AS-CD-03").build());
    Explanation french = assessment.explain(Locale.FRENCH);
    assertThat(french.locale()).isEqualTo(Locale.FRENCH);
    assertThat(french.text()).isEqualTo(assessment.explain(Locale.ROOT).text());
    List<String> keys = french.lines().stream().map(Explanation.Line::key).toList();
    assertThat(keys)
        .contains(
            "explain.trafficking.INDICATED",
            "reason.TIP_INDICATED_BY_REPORTS",
            "explain.smuggling.NOT_INDICATED",
            "explain.delphi.notice",
            "explain.delphi.pending",
            "reason.NEED_FROM_INDICATORS",
            "reason.NEED_ASSISTANCE_BASELINE");
    assertThat(french.text()).contains("Trafficking Protocol art. 3(a)").contains("not a legal");
  }
}
