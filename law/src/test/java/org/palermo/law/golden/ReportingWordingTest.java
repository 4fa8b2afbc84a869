package org.palermo.law.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.palermo.law.Act;
import org.palermo.law.Assessment;
import org.palermo.law.Benefit;
import org.palermo.law.Explanation;
import org.palermo.law.Facts;
import org.palermo.law.Means;
import org.palermo.law.Purpose;
import org.palermo.law.Reason;
import org.palermo.law.ReasonCode;
import org.palermo.law.engine.Classifier;
import org.palermo.law.engine.RuleSet;
import org.palermo.law.indicator.Indicator;

/**
 * Issue #13 §5: from palermo-rules/1.1.0 the wording reports what the facts given say ("reported",
 * "indicated") and never states a fact as proven. The forbidden phrasings are the asserting forms
 * the 1.0.0 texts used, reviewed text by text (each 1.0.0 code in {@code ReasonCode#reportingForm}
 * and the two 1.1.0 texts reworded in place), plus "victim", which the engine may never assert. The
 * French, Spanish and Arabic texts live in the app's bundles and are checked there
 * (ExplanationTextTest).
 */
class ReportingWordingTest {
  private static final Classifier V110 = Classifier.forVersion(RuleSet.V1_1_0);
  private static final Classifier V100 = Classifier.forVersion(RuleSet.V1_0_0);

  /**
   * The asserting forms removed from the 1.1.0 wording, one per 1.0.0 text that used it; the same
   * words after "whether" ask a question, so they are allowed there.
   */
  static final List<Pattern> FORBIDDEN_EN =
      List.of(
              "took place", // TIP_ACT_PRESENT: "An act of trafficking took place"
              "^the person was \\{?\\d", // TIP_CHILD_AT_FIRST_ACT, TIP_ADULT_AT_FIRST_ACT
              "^the person is \\{?\\d", // TIP_CHILD_BY_CURRENT_AGE: "The person is 16 now"
              "so was a child", // TIP_CHILD_BY_CURRENT_AGE
              "so an adult", // TIP_ADULT_AT_FIRST_ACT
              "\\ba means was used", // TIP_MEANS_PRESENT, TIP_CONSENT_IRRELEVANT_MEANS
              "had an exploitative purpose", // TIP_PURPOSE_PRESENT
              "a child was involved", // TIP_CONSENT_IRRELEVANT_CHILD
              "border was crossed", // TIP_NO_BORDER_REQUIRED
              "are all present", // TIP_INDICATED
              "victim", // TIP_INDICATED: "a child victim"; never asserted
              "^someone else arranged", // SOM_PROCURED_BY_ANOTHER
              "^nobody else arranged", // SOM_NOT_PROCURED
              "(?<!whether )the person crossed", // SOM_BORDER_CROSSED, SOM_NO_BORDER_CROSSED
              "(?<!whether )the entry (did not meet|met)", // SOM_ENTRY_IRREGULAR, SOM_ENTRY_REGULAR
              "(?<!whether )the person is (neither|a national)", // SOM_(NOT_)NATIONAL_OR_RESIDENT
              "(?<!whether whoever )arranged the entry sought", // SOM_BENEFIT_SOUGHT,
              // SOM_NO_BENEFIT
              "another person arranged an irregular", // SOM_INDICATED
              "the smuggling put", // SOM_AGGRAVATED_LIFE_OR_SAFETY
              "the migrant was treated", // SOM_AGGRAVATED_DEGRADING_TREATMENT
              "the smuggled person", // SOM_NON_CRIMINALISATION
              "they were compelled", // TIP_NON_PUNISHMENT as first written for 1.1.0
              "because the person seeks", // NEED_INTERNATIONAL_PROTECTION as first written
              "the person is a child", // explain.child.true
              "the person is an adult") // explain.child.false
          .stream()
          .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE))
          .toList();

  private static List<String> asserting(String text) {
    List<String> hits = new ArrayList<>();
    for (Pattern p : FORBIDDEN_EN) {
      if (p.matcher(text).find()) {
        hits.add(p.pattern());
      }
    }
    return hits;
  }

  /** Every answer 1.1.0 gives to the inputs of its golden file, and the vignettes below. */
  private static List<Assessment> answers110() {
    List<String> codes =
        V110.catalogue().indicators().stream().map(Indicator::code).sorted().toList();
    List<Facts> inputs = new ArrayList<>(GoldenInputs.all(codes, new SplittableRandom(20261207L)));
    inputs.add(everythingReported());
    List<Assessment> out = new ArrayList<>();
    for (Facts f : inputs) {
      out.add(V110.classify(f));
    }
    return out;
  }

  /** A 16-year-old, with every fact the reasons can state reported true. */
  private static Facts everythingReported() {
    return Facts.builder()
        .id("everything-reported")
        .age(16)
        .ageAtFirstAct(15)
        .acts(Act.RECRUITMENT)
        .means(Means.DECEPTION)
        .purposes(Purpose.SEXUAL_EXPLOITATION)
        .consentToExploitation(true)
        .crossedInternationalBorder(true)
        .entryIrregular(true)
        .nationalOrPermanentResidentOfDestination(false)
        .entryProcuredByAnother(true)
        .lifeOrSafetyEndangered(true)
        .inhumanOrDegradingTreatment(true)
        .seekingInternationalProtection(true)
        .benefitToFacilitator(Benefit.FINANCIAL)
        .build();
  }

  @Test
  void everyReasonTextThatRules110CanGiveReportsAndNeverAsserts() {
    for (ReasonCode code : ReasonCode.values()) {
      if (code.usedFrom110()) {
        String text = Reason.of(code).text();
        assertThat(asserting(text)).as("%s: %s", code, text).isEmpty();
      }
    }
  }

  @Test
  void everyAnswerOfRules110ReportsAndNeverAsserts() {
    int reasons = 0;
    for (Assessment a : answers110()) {
      List<Reason> all = new ArrayList<>(a.trafficking().reasons());
      all.addAll(a.smuggling().reasons());
      all.addAll(a.protectionReasons());
      for (Reason r : all) {
        assertThat(ReasonCode.valueOf(r.code()).usedFrom110())
            .as("%s gives the 1.0.0 code %s", a.id(), r.code())
            .isTrue();
        assertThat(asserting(r.text())).as("%s, %s: %s", a.id(), r.code(), r.text()).isEmpty();
        reasons++;
      }
      String explained = a.explain(Locale.ENGLISH).text();
      assertThat(asserting(explained)).as("%s explained", a.id()).isEmpty();
    }
    assertThat(reasons).isGreaterThan(5000);
  }

  @Test
  void theVignetteWithEveryFactReportedGivesEveryReportingForm() {
    Assessment a = V110.classify(everythingReported());
    List<String> codes = new ArrayList<>();
    a.trafficking().reasons().forEach(r -> codes.add(r.code()));
    a.smuggling().reasons().forEach(r -> codes.add(r.code()));
    assertThat(codes)
        .contains(
            "TIP_ACT_REPORTED",
            "TIP_CHILD_AT_FIRST_ACT_REPORTED",
            "TIP_MEANS_REPORTED",
            "TIP_PURPOSE_REPORTED",
            "TIP_CONSENT_IRRELEVANT_CHILD_REPORTED",
            "TIP_INDICATED_BY_REPORTS",
            "SOM_PROCUREMENT_REPORTED",
            "SOM_BORDER_CROSSING_REPORTED",
            "SOM_IRREGULAR_ENTRY_REPORTED",
            "SOM_NOT_NATIONAL_OR_RESIDENT_REPORTED",
            "SOM_BENEFIT_REPORTED",
            "SOM_INDICATED_BY_REPORTS",
            "SOM_AGGRAVATED_LIFE_OR_SAFETY_REPORTED",
            "SOM_AGGRAVATED_DEGRADING_TREATMENT_REPORTED",
            "SOM_NON_CRIMINALISATION_INDICATED");
    assertThat(a.trafficking().reasons().get(0).text())
        .isEqualTo("An act is reported that meets the act element: recruitment.");
    Explanation why = a.explain(Locale.ENGLISH);
    assertThat(why.lines().get(1).key()).isEqualTo("explain.child.reported.true");
  }

  /**
   * 1.0.0 is frozen: the same facts keep its codes and texts (its golden file pins all of them).
   */
  @Test
  void rules100KeepsItsOwnWording() {
    Assessment a = V100.classify(everythingReported());
    assertThat(a.trafficking().reasons().get(0).code()).isEqualTo("TIP_ACT_PRESENT");
    assertThat(a.trafficking().reasons().get(0).text())
        .isEqualTo("An act of trafficking took place: recruitment.");
    assertThat(a.explain(Locale.ENGLISH).lines().get(1).key()).isEqualTo("explain.child.true");
  }
}
