package org.palermo.app.cases.web;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The countries and languages a registration form offers (issue #14 item 17): ISO 3166-1 alpha-2
 * country codes and ISO 639 language codes, each named in the interface language by ICU (CLDR), so
 * that a caseworker picks "Afghanistan" or "Dari" instead of typing a code. The form also accepts a
 * name typed in full; anything else is refused at the field with "pick from the list".
 */
final class CodeLists {
  /**
   * Languages often needed along the routes Palermo serves that ISO 639-1 lacks (three-letter ISO
   * 639-3 codes): Central and Northern Kurdish, Dari, Tigre, Fulfulde, …
   */
  static final List<String> EXTRA_LANGUAGES =
      List.of("ckb", "kmr", "prs", "tig", "fuv", "pcm", "apd", "ara", "fas", "kur");

  private static final Set<String> COUNTRIES = Set.of(ULocale.getISOCountries());
  private static final Set<String> LANGUAGES = Set.of(ULocale.getISOLanguages());
  private static final Map<Locale, List<Choice>> COUNTRY_LISTS = new ConcurrentHashMap<>();
  private static final Map<Locale, List<Choice>> LANGUAGE_LISTS = new ConcurrentHashMap<>();

  private CodeLists() {}

  /** One entry of a list: the code stored, and its name in the interface language. */
  record Choice(String code, String name) {}

  /** The ISO 3166-1 countries, named in {@code ui} and sorted by its collation. */
  static List<Choice> countries(Locale ui) {
    return COUNTRY_LISTS.computeIfAbsent(
        ui,
        l ->
            sorted(
                COUNTRIES.stream()
                    .map(c -> new Choice(c, ULocale.getDisplayCountry("und_" + c, ulocale(l)))),
                l));
  }

  /** The ISO 639-1 languages and {@link #EXTRA_LANGUAGES}, named in {@code ui}, sorted. */
  static List<Choice> languages(Locale ui) {
    return LANGUAGE_LISTS.computeIfAbsent(
        ui,
        l -> {
          Set<String> codes = new LinkedHashSet<>();
          Stream.of(ULocale.getISOLanguages()).filter(c -> c.length() == 2).forEach(codes::add);
          codes.addAll(EXTRA_LANGUAGES);
          return sorted(
              codes.stream()
                  .map(c -> new Choice(c, languageName(c, l)))
                  .filter(c -> !c.name().equals(c.code())),
              l);
        });
  }

  /**
   * The country code {@code input} stands for: a known code in any case, or a country's name in
   * {@code ui} or English; {@code null} when it is neither. ISO 3166-1 reserves XA–XZ for user
   * assignment; they are accepted as codes (the demonstration's fictitious countries use them).
   */
  static String country(String input, Locale ui) {
    String s = input.strip();
    String upper = s.toUpperCase(Locale.ROOT);
    if (COUNTRIES.contains(upper) || upper.matches("X[A-Z]")) {
      return upper;
    }
    return byName(s, countries(ui)).or(() -> byName(s, countries(Locale.ENGLISH))).orElse(null);
  }

  /**
   * The language code {@code input} stands for: a code ICU can name, or a language's name in {@code
   * ui} or English; {@code null} otherwise.
   */
  static String language(String input, Locale ui) {
    String s = input.strip();
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.matches("[a-z]{2,3}")
        && (LANGUAGES.contains(lower) || !languageName(lower, Locale.ENGLISH).equals(lower))) {
      return lower;
    }
    return byName(s, languages(ui)).or(() -> byName(s, languages(Locale.ENGLISH))).orElse(null);
  }

  /** The name of country {@code code} in {@code ui}, or the code itself. */
  static String countryName(String code, Locale ui) {
    return countries(ui).stream()
        .filter(c -> c.code().equals(code))
        .map(Choice::name)
        .findFirst()
        .orElse(code);
  }

  private static String languageName(String code, Locale ui) {
    return ULocale.getDisplayLanguage(code, ulocale(ui));
  }

  private static java.util.Optional<String> byName(String name, List<Choice> list) {
    Collator c = Collator.getInstance(ULocale.ROOT);
    c.setStrength(Collator.PRIMARY);
    return list.stream()
        .filter(x -> c.compare(x.name(), name) == 0 || c.compare(label(x), name) == 0)
        .map(Choice::code)
        .findFirst();
  }

  /** How a list entry is shown: the name, then the code in brackets. */
  static String label(Choice c) {
    return c.name() + " (" + c.code() + ")";
  }

  private static List<Choice> sorted(Stream<Choice> choices, Locale ui) {
    Collator collator = Collator.getInstance(ulocale(ui));
    return choices.sorted(Comparator.comparing(Choice::name, collator)).toList();
  }

  private static ULocale ulocale(Locale l) {
    return ULocale.forLocale(l);
  }
}
