package org.palermo.app.cases;

import com.ibm.icu.text.Transliterator;

/**
 * Names in any script, reduced to lower-case ASCII Latin for search: "Мария" and "Maria" both give
 * "mariia"/"maria"-like keys that a later matcher can compare.
 */
public final class Names {
  private static final Transliterator TO_LATIN =
      Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower; NFC");

  private Names() {}

  /**
   * The match tokens of a name, for search-before-create and name search: each word is
   * transliterated to ASCII Latin, an Arabic tā’ marbūṭa is dropped, vowels (and the semivowels w
   * and y, which Arabic writes for long vowels) and doubled letters are removed, c and q become k,
   * ph becomes f, and a final h is dropped. "محمد", "Mohammed" and "Muhammad" all give "mhmd";
   * "فاطمة" and "Fatima" give "ftm". A word with no consonant keeps its plain key. Distinct tokens,
   * in order.
   */
  public static java.util.List<String> matchTokens(String name) {
    if (name == null) {
      return java.util.List.of();
    }
    String key = searchKey(name.replace("\u0629", ""));
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    for (String word : key.split("[\\s'-]+")) {
      if (word.isEmpty()) {
        continue;
      }
      String s = word.replace("ph", "f").replace('c', 'k').replace('q', 'k');
      s = s.replaceAll("[aeiouyw]", "");
      s = s.replaceAll("(.)\\1+", "$1");
      if (s.length() > 1 && s.endsWith("h")) {
        s = s.substring(0, s.length() - 1);
      }
      out.add(s.isEmpty() ? word : s);
    }
    return java.util.List.copyOf(out);
  }

  /** The search key of a name: transliterated, ASCII, lower case, single spaces. */
  public static String searchKey(String name) {
    if (name == null) {
      return "";
    }
    String latin;
    synchronized (TO_LATIN) {
      latin = TO_LATIN.transliterate(name);
    }
    return latin.replaceAll("[^a-z0-9 '-]", "").replaceAll("\\s+", " ").strip();
  }
}
