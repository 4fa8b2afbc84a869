package org.palermo.app.identification.web;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Languages offered for the interview (ISO 639 codes), named in the interface language: the
 * languages most often needed along the migration routes Palermo serves.
 */
final class InterviewLanguages {
  static final List<String> CODES =
      List.of(
          "am", "ar", "bg", "bn", "ckb", "en", "es", "fa", "ff", "fr", "ha", "hi", "ig", "kmr",
          "ln", "my", "ne", "om", "prs", "ps", "pt", "ro", "ru", "so", "sq", "sw", "ta", "ti", "tl",
          "tr", "uk", "ur", "vi", "wo", "yo", "zh");

  private InterviewLanguages() {}

  /** One language of the list. */
  record Choice(String code, String name) {}

  static List<Choice> choices(Locale ui) {
    Collator collator = Collator.getInstance(ui);
    return CODES.stream()
        .map(c -> new Choice(c, name(c, ui)))
        .sorted(Comparator.comparing(Choice::name, collator))
        .toList();
  }

  static String name(String code, Locale ui) {
    if (code == null) {
      return null;
    }
    String name = Locale.forLanguageTag(code).getDisplayLanguage(ui);
    return name.isEmpty() || name.equals(code) ? code : name + " (" + code + ")";
  }
}
