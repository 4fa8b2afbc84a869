package org.palermo.app.identification.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.palermo.law.Act;
import org.palermo.law.Assessment;
import org.palermo.law.Benefit;
import org.palermo.law.DelphiList;
import org.palermo.law.Facts;
import org.palermo.law.Finding;
import org.palermo.law.Means;
import org.palermo.law.Purpose;
import org.palermo.law.engine.Classifier;
import org.palermo.law.indicator.Indicator;
import org.palermo.law.indicator.IndicatorCatalogue;

/** Scripted interviews give exactly the facts the answers establish, and unknown stays unknown. */
class InterviewFactsTest {
  static final Questionnaire Q = Questionnaire.of(IndicatorCatalogue.standard());

  static String indicator(String dimension, String label) {
    return dimension + "." + Questionnaire.slug(label);
  }

  static String code(String list, String dimension, String label) {
    return IndicatorCatalogue.standard().indicators(list).stream()
        .filter(i -> i.dimension().abbreviation().equals(dimension) && i.label().equals(label))
        .map(Indicator::code)
        .findFirst()
        .orElseThrow();
  }

  static final String JOB = "Misled about the kind of job, its place or the employer";
  static final String DOCUMENTS = "Identity/travel documents taken away";
  static final String HOURS = "Excessive working days or hours";
  static final String CLIENTS = "Forced tasks or clients";

  /** An adult deceived into forced labour, smuggled across a border for money. */
  static Answers adultForcedLabour() {
    Map<String, String> a = new LinkedHashMap<>();
    a.put(Questionnaire.AGE, "24");
    a.put(Questionnaire.AGE_DISPUTED, "NO");
    a.put(Questionnaire.NATIONAL, "NO");
    a.put(Questionnaire.PROTECTION, "PREFER_NOT_TO_SAY");
    a.put(Questionnaire.act(Act.RECRUITMENT), "YES");
    a.put(Questionnaire.AGE_AT_FIRST_ACT, "23");
    a.put(Questionnaire.means(Means.ABDUCTION), "NO");
    a.put(Questionnaire.means(Means.FRAUD), "DONT_KNOW");
    a.put(Questionnaire.means(Means.PAYMENTS_TO_PERSON_IN_CONTROL), "NO");
    a.put(indicator("DR", JOB), "YES");
    a.put(Questionnaire.act(Act.TRANSPORTATION), "YES");
    a.put(Questionnaire.act(Act.TRANSFER), "NO");
    a.put(Questionnaire.BORDER, "YES");
    a.put(Questionnaire.ENTRY_IRREGULAR, "YES");
    a.put(Questionnaire.ENTRY_PROCURED, "YES");
    a.put(Questionnaire.BENEFIT, "FINANCIAL");
    a.put(Questionnaire.LIFE_ENDANGERED, "NO");
    a.put(Questionnaire.DEGRADING_TREATMENT, "DONT_KNOW");
    a.put(Questionnaire.act(Act.HARBOURING), "YES");
    a.put(Questionnaire.act(Act.RECEIPT), "DONT_KNOW");
    a.put(Questionnaire.purpose(Purpose.FORCED_LABOUR_OR_SERVICES), "YES");
    a.put(Questionnaire.CONSENT, "YES");
    a.put(indicator("EX", HOURS), "YES");
    a.put(indicator("CD", DOCUMENTS), "YES");
    return new Answers(a);
  }

  @Test
  void an_adult_interview_gives_the_expected_facts() {
    Facts facts = Q.facts("s-1", adultForcedLabour());

    Facts expected =
        Facts.builder()
            .id("s-1")
            .age(24)
            .ageDisputed(false)
            .ageAtFirstAct(23)
            .acts(Act.RECRUITMENT, Act.TRANSPORTATION, Act.HARBOURING)
            .means((java.util.Collection<Means>) null)
            .purposes(Purpose.FORCED_LABOUR_OR_SERVICES)
            .consentToExploitation(true)
            .crossedInternationalBorder(true)
            .entryIrregular(true)
            .nationalOrPermanentResidentOfDestination(false)
            .entryProcuredByAnother(true)
            .lifeOrSafetyEndangered(false)
            .inhumanOrDegradingTreatment(null)
            .seekingInternationalProtection(null)
            .benefitToFacilitator(Benefit.FINANCIAL)
            .indicators("AL-DR-01", "AL-CD-01", "AL-EX-01")
            .build();
    assertThat(facts).isEqualTo(expected);
    assertThat(code("ADULT_LABOUR", "DR", JOB)).isEqualTo("AL-DR-01");
  }

  @Test
  void the_adult_interview_is_classified_as_trafficking_and_smuggling_with_indicator_evidence() {
    Assessment a = Classifier.standard().classify(Q.facts("s-1", adultForcedLabour()));
    assertThat(a.trafficking().finding()).isEqualTo(Finding.INDICATED);
    assertThat(a.smuggling().finding()).isEqualTo(Finding.INDICATED);
    assertThat(a.delphi().lists())
        .extracting(l -> l.list())
        .containsExactly(DelphiList.ADULT_LABOUR);
  }

  @Test
  void a_child_interview_uses_the_child_list_of_the_form_of_exploitation_and_the_child_flags() {
    Map<String, String> a = new LinkedHashMap<>();
    a.put(Questionnaire.AGE, "15");
    a.put(Questionnaire.GUARDIAN_PRESENT, "NO");
    a.put(Questionnaire.UNACCOMPANIED, "YES");
    a.put(Questionnaire.SEPARATED, "NO");
    a.put(Questionnaire.purpose(Purpose.SEXUAL_EXPLOITATION), "YES");
    a.put(indicator("CD", CLIENTS), "YES");
    Answers answers = new Answers(a);

    Facts facts = Q.facts("s-2", answers);

    assertThat(Variant.of(answers)).isEqualTo(Variant.CHILD);
    assertThat(facts.age()).isEqualTo(15);
    assertThat(facts.unaccompaniedChild()).isTrue();
    assertThat(facts.separatedChild()).isFalse();
    assertThat(facts.purposes()).containsExactly(Purpose.SEXUAL_EXPLOITATION);
    assertThat(facts.indicators()).containsExactly(code("CHILD_SEXUAL", "CD", CLIENTS));
  }

  @Test
  void a_disputed_age_makes_a_child_interview_even_when_the_stated_age_is_adult() {
    Answers answers =
        new Answers(Map.of(Questionnaire.AGE, "19", Questionnaire.AGE_DISPUTED, "YES"));
    assertThat(Variant.of(answers)).isEqualTo(Variant.CHILD);
    assertThat(Variant.of(new Answers(Map.of(Questionnaire.AGE, "19")))).isEqualTo(Variant.ADULT);
    assertThat(Variant.of(Answers.none())).isEqualTo(Variant.ADULT);
  }

  @Test
  void when_the_form_of_exploitation_is_not_known_both_lists_of_the_age_group_are_scored() {
    Answers answers = new Answers(Map.of(Questionnaire.AGE, "30", indicator("DR", JOB), "YES"));
    assertThat(Q.lists(Variant.ADULT, answers))
        .containsExactlyInAnyOrder(DelphiList.ADULT_LABOUR, DelphiList.ADULT_SEXUAL);
    assertThat(Q.facts("s", answers).indicators())
        .containsExactlyInAnyOrder("AL-DR-01", code("ADULT_SEXUAL", "DR", JOB));
  }

  @Test
  void dont_know_and_prefer_not_to_say_are_both_unknown_but_recorded_apart() {
    Answers dontKnow =
        new Answers(Map.of(Questionnaire.BORDER, "DONT_KNOW", Questionnaire.AGE, "DONT_KNOW"));
    Answers declined =
        new Answers(
            Map.of(
                Questionnaire.BORDER, "PREFER_NOT_TO_SAY", Questionnaire.AGE, "PREFER_NOT_TO_SAY"));

    assertThat(Q.facts("s", dontKnow)).isEqualTo(Q.facts("s", declined));
    assertThat(Q.facts("s", dontKnow).crossedInternationalBorder()).isNull();
    assertThat(Q.facts("s", dontKnow).age()).isNull();
    assertThat(dontKnow.get(Questionnaire.BORDER)).isNotEqualTo(declined.get(Questionnaire.BORDER));
  }

  @Test
  void an_element_is_none_only_when_every_question_that_could_show_it_was_answered_no() {
    Map<String, String> allNo = new LinkedHashMap<>();
    allNo.put(Questionnaire.AGE, "40");
    for (Question q : Q.questions()) {
      if (q.kind() == QuestionKind.YES_NO && q.in(Variant.ADULT)) {
        allNo.put(q.id(), "NO");
      }
    }
    Facts none = Q.facts("s", new Answers(allNo));
    assertThat(none.acts()).isEmpty();
    assertThat(none.means()).isEmpty();
    assertThat(none.purposes()).isEmpty();
    assertThat(none.indicators()).isEmpty();
    assertThat(Classifier.standard().classify(none).trafficking().finding())
        .isEqualTo(Finding.NOT_INDICATED);

    Map<String, String> oneUnknown = new LinkedHashMap<>(allNo);
    oneUnknown.put(indicator("CD", DOCUMENTS), "DONT_KNOW");
    Facts unknown = Q.facts("s", new Answers(oneUnknown));
    assertThat(unknown.means()).as("a means-evidencing indicator is unknown").isNull();
    assertThat(unknown.acts()).as("that indicator evidences no act").isEmpty();
  }

  @Test
  void nothing_answered_is_all_unknown() {
    Facts facts = Q.facts("s", Answers.none());
    assertThat(facts)
        .isEqualTo(Facts.builder().id("s").acts((java.util.Collection<Act>) null).build());
    assertThat(facts.indicators()).isNull();
    assertThat(Set.of(Finding.UNDETERMINED))
        .contains(Classifier.standard().classify(facts).trafficking().finding());
  }
}
