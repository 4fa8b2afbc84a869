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
