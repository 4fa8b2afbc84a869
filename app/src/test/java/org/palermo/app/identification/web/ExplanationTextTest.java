package org.palermo.app.identification.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.palermo.law.Act;
import org.palermo.law.Assessment;
import org.palermo.law.Benefit;
import org.palermo.law.Facts;
import org.palermo.law.Means;
import org.palermo.law.Purpose;
import org.palermo.law.ReasonCode;
import org.palermo.law.engine.Classifier;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The reasons of an assessment are shown in the interface language. */
class ExplanationTextTest {
  private static final Locale ARABIC = Locale.forLanguageTag("ar");
  private static final Locale SPANISH = Locale.forLanguageTag("es");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d}");
  private static final Pattern RAW_CODE = Pattern.compile("\\b[A-Z]{2,}(_[A-Z]+)+\\b");

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("i18n/messages");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }

  private static Properties bundle(String suffix) throws IOException {
    Properties p = new Properties();
    try (var in =
        new InputStreamReader(
            ExplanationTextTest.class.getResourceAsStream(
                "/i18n/messages" + suffix + ".properties"),
            StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }

  /** A 15-year-old recruited and harboured for forced begging, smuggled in for money. */
  private static Assessment childForcedToBeg() {
    Facts facts =
        Facts.builder()
            .id("child-begging")
            .age(15)
            .ageAtFirstAct(14)
            .acts(Act.RECRUITMENT, Act.HARBOURING)
            .means(Means.ABUSE_OF_VULNERABILITY)
            .purposes(Purpose.FORCED_BEGGING)
            .consentToExploitation(true)
            .crossedInternationalBorder(true)
            .entryIrregular(true)
            .nationalOrPermanentResidentOfDestination(false)
            .entryProcuredByAnother(true)
            .benefitToFacilitator(Benefit.FINANCIAL)
            .build();
    return Classifier.standard().classify(facts);
  }

  private static List<ExplanationText.Reason> reasons(Assessment assessment, Locale locale) {
    List<ExplanationText.Reason> out = new ArrayList<>();
    for (ExplanationText.Line line :
        ExplanationText.render(assessment.explain(locale), messages(), locale)) {
      out.addAll(line.reasons());
    }
    return out;
  }

  @Test
  void every_reason_code_has_a_text_in_every_language() throws IOException {
    for (String suffix : new String[] {"", "_fr", "_es", "_ar"}) {
      Properties bundle = bundle(suffix);
      for (ReasonCode code : ReasonCode.values()) {
        String text = bundle.getProperty("screening.reason." + code.name());
        assertThat(text).as(suffix + " " + code).isNotBlank();
        if (!suffix.isEmpty() && PLACEHOLDER.matcher(text).find()) {
          assertThat(text).as(suffix + " " + code + " quotes with '").doesNotContain("'");
        }
      }
    }
  }

  @Test
  void english_reasons_keep_the_text_of_the_rules() {
    Assessment a = childForcedToBeg();
    List<ExplanationText.Reason> english = reasons(a, Locale.ENGLISH);
    List<String> rules = new ArrayList<>();
    a.trafficking().reasons().forEach(r -> rules.add(r.text()));
    a.smuggling().reasons().forEach(r -> rules.add(r.text()));
    a.protectionReasons().forEach(r -> rules.add(r.text()));
    assertThat(english).hasSize(rules.size());
    for (int i = 0; i < rules.size(); i++) {
      if (!english.get(i).code().equals("SOM_AGGRAVATION_IF_ESTABLISHED")) {
        assertThat(english.get(i).text()).isEqualTo(rules.get(i));
      }
      assertThat(english.get(i).citation()).isNotBlank();
      assertThat(english.get(i).lang()).isNull();
    }
  }

  @Test
  void a_child_trafficked_for_forced_begging_is_explained_in_french_spanish_and_arabic() {
    Assessment a = childForcedToBeg();
    List<ExplanationText.Reason> english = reasons(a, Locale.ENGLISH);
    assertThat(english)
        .extracting(ExplanationText.Reason::code)
        .contains(
            "TIP_PURPOSE_REPORTED", "TIP_PURPOSE_MAPPED", "TIP_CONSENT_IRRELEVANT_CHILD_REPORTED");
    for (Locale locale : List.of(Locale.FRENCH, SPANISH, ARABIC)) {
      List<ExplanationText.Reason> translated = reasons(a, locale);
      assertThat(translated).as(locale.toString()).hasSameSizeAs(english);
      for (int i = 0; i < english.size(); i++) {
        ExplanationText.Reason r = translated.get(i);
        assertThat(r.code()).isEqualTo(english.get(i).code());
        assertThat(r.text()).as(locale + " " + r.code()).isNotEqualTo(english.get(i).text());
        assertThat(PLACEHOLDER.matcher(r.text()).find()).as(locale + " " + r.text()).isFalse();
        assertThat(RAW_CODE.matcher(r.text()).find()).as(locale + " " + r.text()).isFalse();
        assertThat(r.citation()).isEqualTo(english.get(i).citation()).isNotBlank();
        assertThat(r.lang()).as("translated, so not marked as English").isNull();
      }
    }
    List<String> french = reasons(a, Locale.FRENCH).stream().map(r -> r.text()).toList();
    assertThat(String.join("\n", french))
        .contains("mendicité forcée")
        .contains("travail ou services forcés")
        .contains("abus d’une situation de vulnérabilité")
        .doesNotContain("FORCED_BEGGING")
        .doesNotContain("forced begging");
    List<String> arabic = reasons(a, ARABIC).stream().map(r -> r.text()).toList();
    assertThat(String.join("\n", arabic))
        .contains("التسول القسري")
        .contains("التجنيد، الإيواء")
        .doesNotContain("forced begging");
  }

  @Test
  void an_undetermined_assessment_translates_element_names_and_aggravations() {
    Facts facts =
        Facts.builder()
            .id("unknown")
            .age(30)
            .ageAtFirstAct(29)
            .purposes(Purpose.SEXUAL_EXPLOITATION)
            .lifeOrSafetyEndangered(true)
            .build();
    Assessment a = Classifier.standard().classify(facts);
    for (Locale locale : List.of(Locale.FRENCH, SPANISH, ARABIC)) {
      for (ExplanationText.Reason r : reasons(a, locale)) {
        assertThat(PLACEHOLDER.matcher(r.text()).find()).as(locale + " " + r.text()).isFalse();
        assertThat(RAW_CODE.matcher(r.text()).find()).as(locale + " " + r.text()).isFalse();
        assertThat(r.lang()).isNull();
      }
    }
  }

  @Test
  void a_missing_translation_falls_back_to_the_english_of_the_rules_marked_as_english() {
    ResourceBundleMessageSource empty = new ResourceBundleMessageSource();
    empty.setBasename("i18n/no-such-bundle");
    Assessment a = childForcedToBeg();
    for (ExplanationText.Line line :
        ExplanationText.render(a.explain(Locale.FRENCH), empty, Locale.FRENCH)) {
      for (ExplanationText.Reason r : line.reasons()) {
        assertThat(r.lang()).isEqualTo("en");
        assertThat(r.text()).doesNotContain("(" + r.citation() + ")").doesNotContain("{0}");
      }
    }
  }
}
