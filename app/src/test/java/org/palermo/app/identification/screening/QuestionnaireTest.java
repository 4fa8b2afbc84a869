package org.palermo.app.identification.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.palermo.law.Act;
import org.palermo.law.DelphiList;
import org.palermo.law.Purpose;
import org.palermo.law.indicator.Indicator;
import org.palermo.law.indicator.IndicatorCatalogue;
import org.palermo.law.indicator.IndicatorList;

/**
 * The interview asks about every Delphi indicator of the catalogue, each on the page of its
 * dimension, in both variants where the catalogue has it, and every question has its wording in the
 * four languages.
 */
class QuestionnaireTest {
  static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.standard();
  static final Questionnaire Q = Questionnaire.of(CATALOGUE);

  @Test
  void every_delphi_indicator_is_asked_on_the_page_of_its_dimension() {
    Set<String> asked = new HashSet<>();
    for (Question q : Q.questions()) {
      if (q.indicator()) {
        List<String> codes = Q.codes(q, EnumSet.allOf(DelphiList.class));
        assertThat(codes).as(q.id()).isNotEmpty();
        for (String code : codes) {
          Indicator i = CATALOGUE.indicator(code).orElseThrow();
          assertThat(i.dimension()).isEqualTo(q.dimension());
          assertThat(q.step().dimension()).isEqualTo(i.dimension());
          assertThat(i.label()).isEqualTo(q.catalogueLabel());
          assertThat(asked.add(code)).as("asked once: " + code).isTrue();
        }
      }
    }
    for (IndicatorList list : CATALOGUE.lists()) {
      if (list.delphi() != null) {
        for (Indicator i : CATALOGUE.indicators(list.id())) {
          assertThat(asked).as("the interview asks about " + i.code()).contains(i.code());
        }
      }
    }
  }

  @Test
  void each_variant_asks_about_the_indicators_of_its_own_lists_only() {
    for (Question q : Q.questions()) {
      if (!q.indicator()) {
        continue;
      }
      Set<DelphiList> children = EnumSet.of(DelphiList.CHILD_LABOUR, DelphiList.CHILD_SEXUAL);
      Set<DelphiList> adults = EnumSet.of(DelphiList.ADULT_LABOUR, DelphiList.ADULT_SEXUAL);
      assertThat(q.forChildren()).as(q.id()).isEqualTo(!Q.codes(q, children).isEmpty());
      assertThat(q.forAdults()).as(q.id()).isEqualTo(!Q.codes(q, adults).isEmpty());
    }
    assertThat(
            Q.question("EX.no-social-protection-contract-insurance-etc")
                .orElseThrow()
                .forChildren())
        .isFalse();
  }

  @Test
  void the_child_page_is_part_of_the_child_interview_only() {
    assertThat(Q.steps(Variant.ADULT)).doesNotContain(Step.CHILD).startsWith(Step.BASIS);
    assertThat(Q.steps(Variant.CHILD)).contains(Step.CHILD).endsWith(Step.REVIEW);
    assertThat(Q.next(Step.PERSON, Variant.CHILD)).isEqualTo(Step.CHILD);
    assertThat(Q.next(Step.PERSON, Variant.ADULT)).isEqualTo(Step.RECRUITMENT);
    assertThat(Q.questions(Step.CHILD, Variant.ADULT)).isEmpty();
  }

  @Test
  void the_direct_questions_cover_every_act_and_purpose() {
    for (Act act : Act.values()) {
      assertThat(Q.question(Questionnaire.act(act))).as(act.name()).isPresent();
    }
    for (Purpose p : Purpose.values()) {
      assertThat(Q.question(Questionnaire.purpose(p))).as(p.name()).isPresent();
    }
    assertThat(Q.question(Questionnaire.act(Act.TRANSPORTATION)).orElseThrow().step().stage())
        .isEqualTo(Stage.TRANSIT);
  }

  @Test
  void every_question_has_its_wording_in_the_four_languages_for_each_variant() throws IOException {
    for (String suffix : List.of("", "_fr", "_es", "_ar")) {
      Properties bundle = bundle(suffix);
      for (Question q : Q.questions()) {
        for (Variant v : Variant.values()) {
          if (q.in(v)) {
            assertThat(bundle.getProperty(q.messageKey(v)))
                .as("messages%s.properties: %s", suffix, q.messageKey(v))
                .isNotBlank();
          }
        }
      }
      for (Step s : Step.values()) {
        assertThat(bundle.getProperty("screening.step." + s.slug())).as(s.slug()).isNotBlank();
        if (s.asksQuestions()) {
          assertThat(bundle.getProperty("screening.step." + s.slug() + ".intro")).isNotBlank();
        }
      }
    }
  }

  static Properties bundle(String suffix) throws IOException {
    Properties p = new Properties();
    Path file = Path.of("src/main/resources/i18n/messages" + suffix + ".properties");
    try (var in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }
}
