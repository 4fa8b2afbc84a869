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

  /**
   * Issue #13 §5: the reasons palermo-rules/1.1.0 can give report what the facts given say, in
   * every language. The forbidden phrasings are the asserting forms the 1.0.0 texts use in each
   * bundle (reviewed text by text; law's ReportingWordingTest holds the English list), e.g. "Un
   * acte de traite a eu lieu", "Se utilizó un medio", "استُخدمت وسيلة".
   */
  private static final java.util.Map<String, List<String>> ASSERTING =
      java.util.Map.of(
          "",
          List.of(
              "took place",
              "^the person (was|is) \\{?\\d",
              "another person arranged an irregular",
              "\\ba means was used",
              "had an exploitative purpose",
              "a child was involved",
              "border was crossed",
              "are all present",
              "victim",
              "^someone else arranged",
              "^nobody else arranged",
              "^the person crossed",
              "^the entry (did not meet|met)",
              "^the person is (neither|a national)",
              "^whoever arranged the entry sought",
              "the smuggling put",
              "the migrant was treated",
              "the smuggled person",
              "they were compelled",
              "because the person seeks"),
          "_fr",
          List.of(
              "un acte de traite a eu lieu",
              "^la personne (avait|a) \\{?\\d",
              ": un tiers a organisé",
              "(^un|car un) moyen a été employé",
              "^les faits avaient un but",
              "un enfant est concerné",
              "n’a été franchie",
              "sont tous présents",
              "victime",
              "^un tiers a organisé",
              "^aucun tiers n’a organisé",
              "^la personne (a|n’a) franchi",
              "^l’entrée (ne )?remplissait",
              "^la personne (n’est ni|est ressortissante)",
              "^celui qui a organisé l’entrée (ne )?cherchait",
              "le trafic a mis en danger",
              "le migrant a subi",
              "qui a fait l’objet du trafic",
              "qu’elle a été contrainte",
              "car la personne demande"),
          "_es",
          List.of(
              "se produjo una acción",
              "^la persona (tenía|tiene ahora) \\{?\\d",
              ": un tercero organizó",
              "se utilizó un medio",
              "^la conducta tenía un fin",
              "se trata de un menor",
              "no se cruzó",
              "están presentes",
              "víctima",
              "^un tercero organizó",
              "^ningún tercero organizó",
              "^la persona (no )?cruzó",
              "^la entrada (no )?cumplió",
              "^la persona (no )?es nacional",
              "^quien organizó la entrada (no )?buscaba",
              "agravante: el tráfico puso",
              "el migrante recibió",
              "la persona objeto de tráfico",
              "que se vio obligada",
              "porque la persona solicita"),
          "_ar",
          List.of(
              "وقع فعل من أفعال الاتجار",
              "^(كان الشخص|الشخص الآن) في سن",
              ": دبّر طرف آخر",
              "استُخدمت وسيلة",
              "^كان للسلوك غرض",
              "فالأمر يتعلق بطفل",
              "لم تُعبَر",
              "متوفرة كلها",
              "الضحية",
              "^دبّر طرف آخر",
              "^لم يدبّر أي طرف",
              "^(لم يعبر|عبر) الشخص",
              "^(لم يستوفِ|استوفى) الدخول",
              "^الشخص (ليس )?من رعايا",
              "^(سعى|لم يسعَ) من دبّر",
              "عرّض التهريب",
              "تعرّض المهاجر",
              "الشخص المهرَّب",
              "أُرغم على",
              "لأن الشخص يطلب"));

  @Test
  void every_reason_rules_110_can_give_reports_and_never_asserts_in_every_language()
      throws IOException {
    for (var entry : ASSERTING.entrySet()) {
      Properties bundle = bundle(entry.getKey());
      List<Pattern> forbidden =
          entry.getValue().stream()
              .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
              .toList();
      int checked = 0;
      for (ReasonCode code : ReasonCode.values()) {
        if (!code.usedFrom110()) {
          continue;
        }
        String text = bundle.getProperty("screening.reason." + code.name());
        for (Pattern p : forbidden) {
          assertThat(p.matcher(text).find())
              .as("%s %s says '%s': %s", entry.getKey(), code, p.pattern(), text)
              .isFalse();
        }
        checked++;
      }
      assertThat(checked).isGreaterThan(40);
      for (String child : List.of("true", "false")) {
        assertThat(bundle.getProperty("screening.explain.child.reported." + child))
            .as(entry.getKey() + " child " + child)
            .isNotBlank();
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
