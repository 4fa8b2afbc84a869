package org.palermo.app.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.palermo.app.knowledge.RightsTexts.Language;
import org.palermo.app.knowledge.RightsTexts.Status;

/**
 * The rights texts (issue 18 item 1): twelve languages or more, the four of the interface among
 * them, every language complete (no key missing, none empty, the same placeholders as the source),
 * right-to-left where the script is, and each with its translation status.
 */
class RightsTextsTest {
  final RightsTexts texts = new RightsTexts();

  @Test
  void twelve_languages_with_the_interfaces_four_and_languages_of_people_on_the_move() {
    Set<String> codes = texts.languages().stream().map(Language::code).collect(Collectors.toSet());
    assertThat(codes).hasSizeGreaterThanOrEqualTo(12);
    assertThat(codes)
        .contains("en", "fr", "es", "ar", "fa", "ps", "ti", "am", "so", "ur", "bn", "uk");
    assertThat(texts.source().code()).isEqualTo("en");
    assertThat(texts.source().status()).isEqualTo(Status.SOURCE);
  }

  @Test
  void right_to_left_follows_the_script() {
    for (Language l : texts.languages()) {
      boolean rtl = Set.of("ar", "fa", "ps", "ur").contains(l.code());
      assertThat(l.rtl()).as(l.code()).isEqualTo(rtl);
      assertThat(l.dir()).isEqualTo(rtl ? "rtl" : "ltr");
    }
  }

  @Test
  void every_language_has_every_text_of_the_source_with_the_same_placeholders() {
    Map<String, String> source = texts.raw(texts.source().code());
    for (Language l : texts.languages()) {
      Map<String, String> own = texts.raw(l.code());
      assertThat(own.keySet()).as(l.code()).isEqualTo(source.keySet());
      for (var e : source.entrySet()) {
        String t = own.get(e.getKey());
        assertThat(t).as(l.code() + " " + e.getKey()).isNotBlank();
        assertThat(placeholders(t))
            .as(l.code() + " " + e.getKey())
            .isEqualTo(placeholders(e.getValue()));
        // A plain apostrophe would make MessageFormat swallow the placeholder that follows it.
        if (t.contains("{0}")) {
          assertThat(t).as(l.code() + " " + e.getKey()).doesNotContain("'");
        }
      }
      assertThat(l.name()).as(l.code()).isNotBlank();
    }
  }

  @Test
  void the_retention_period_and_the_helpline_fill_their_placeholders() {
    Language fr = texts.language("fr").orElseThrow();
    assertThat(texts.paragraphs(fr, RightsTopic.DATA, "5")).anyMatch(p -> p.contains("5 ans"));
    assertThat(texts.text(fr, "help.hotline", "+33 800")).endsWith("+33 800");
    assertThat(texts.paragraphs(texts.source(), RightsTopic.TRAFFICKING)).hasSize(8);
    for (RightsTopic t : RightsTopic.values()) {
      for (Language l : texts.languages()) {
        assertThat(texts.paragraphs(l, t, "5"))
            .as(l.code() + " " + t)
            .hasSameSizeAs(texts.paragraphs(texts.source(), t, "5"))
            .noneMatch(p -> p.contains("{0}"));
      }
    }
  }

  @Test
  void a_language_is_found_by_its_code_whatever_the_case_and_an_unknown_one_is_not() {
    assertThat(texts.language("FA")).map(Language::code).contains("fa");
    assertThat(texts.language("xx")).isEmpty();
    assertThat(texts.language(null)).isEmpty();
  }

  static Set<String> placeholders(String s) {
    Matcher m = Pattern.compile("\\{\\d+}").matcher(s);
    Set<String> out = new java.util.HashSet<>();
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
