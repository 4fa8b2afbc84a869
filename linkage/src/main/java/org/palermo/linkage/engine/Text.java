package org.palermo.linkage.engine;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * The text forms the comparisons use, computed once per record (never in the inner loop): names in
 * any script transliterated to lower-case ASCII Latin with ICU ({@code Any-Latin; Latin-ASCII}, as
 * {@code cases.Names} does for search), their consonant skeleton, their Double Metaphone code, and
 * allocation-free Jaro–Winkler and edit-distance checks.
 */
public final class Text {
  private static final ThreadLocal<Transliterator> TO_LATIN =
      ThreadLocal.withInitial(
          () -> Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower; NFC"));
  private static final DoubleMetaphone METAPHONE = new DoubleMetaphone();

  static {
    METAPHONE.setMaxCodeLen(6);
  }

  private Text() {}

  /**
   * The latin key of a name or place: transliterated, ASCII, lower case, letters and digits and
   * single spaces only. "محمد" gives "mhmd", "Мария" gives "maria", "አበበ" gives "ababa".
   */
  public static String latin(String s) {
    if (s == null || s.isBlank()) {
      return "";
    }
    // the Arabic ta marbuta is silent at the end of a name (فاطمة = Fatima)
    String latin = TO_LATIN.get().transliterate(s.replace("\u0629", "").replace('ǝ', 'e'));
    StringBuilder out = new StringBuilder(latin.length());
    boolean space = false;
    for (int i = 0; i < latin.length(); i++) {
      char c = latin.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.append(c);
      } else if (c == ' ' || c == '-' || c == '\t' || c == ',' || c == '.' || c == '/') {
        space = true;
      }
      // apostrophes, ayn and hamza marks are dropped
    }
    return out.toString();
  }

  /**
   * The consonant skeleton of a latin key, word by word, as {@code cases.Names#matchTokens}: vowels
   * and the semivowels w and y (which Arabic writes for long vowels) and doubled letters removed, c
   * and q become k, ph becomes f, a final h is dropped. "mhmd", "mohammed" and "muhammad" all give
   * "mhmd". Words joined by one space.
   */
  public static String skeleton(String latin) {
    if (latin.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(latin.length());
    for (String word : latin.split(" ")) {
      String s = word.replace("ph", "f").replace('c', 'k').replace('q', 'k').replace('z', 's');
      StringBuilder w = new StringBuilder(s.length());
      char last = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if ("aeiouyw".indexOf(c) >= 0 || c == last) {
          continue;
        }
        w.append(c);
        last = c;
      }
      if (w.length() > 1 && w.charAt(w.length() - 1) == 'h') {
        w.setLength(w.length() - 1);
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(w.length() == 0 ? word : w);
    }
    return out.toString();
  }

  /** The primary Double Metaphone code of a latin key (its words run together), or "". */
  public static String phonetic(String latin) {
    if (latin.isEmpty()) {
      return "";
    }
    String code = METAPHONE.doubleMetaphone(latin.replace(" ", ""));
    return code == null ? "" : code;
  }

  /** Upper-case letters and digits only (document numbers, postcodes, country codes). */
  public static String alnum(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(Character.toUpperCase(c));
      }
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }

  /**
   * The script a name is written in, as a word for the explanation ("Arabic", "Cyrillic"), or null
   * for Latin or no letter.
   */
  public static String script(String s) {
    if (s == null) {
      return null;
    }
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
        if (sc == Character.UnicodeScript.LATIN) {
          return null;
        }
        String n = sc.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
      }
    }
    return null;
  }

  /**
   * Jaro–Winkler similarity (prefix scale 0.1, up to 4 characters) of two strings; only the first
   * 64 characters count. Allocation-free: the matched characters are bits of two longs.
   */
  public static double jaroWinkler(String a, String b) {
    int la = Math.min(a.length(), 64);
    int lb = Math.min(b.length(), 64);
    if (la == 0 || lb == 0) {
      return 0;
    }
    if (la == lb && a.regionMatches(0, b, 0, la)) {
      return 1;
    }
    int window = Math.max(0, Math.max(la, lb) / 2 - 1);
    long ma = 0;
    long mb = 0;
    int matches = 0;
    for (int i = 0; i < la; i++) {
      char c = a.charAt(i);
      int from = Math.max(0, i - window);
      int to = Math.min(lb - 1, i + window);
      for (int j = from; j <= to; j++) {
        if ((mb & (1L << j)) == 0 && b.charAt(j) == c) {
          ma |= 1L << i;
          mb |= 1L << j;
          matches++;
          break;
        }
      }
    }
    if (matches == 0) {
      return 0;
    }
    int transpositions = 0;
    int j = 0;
    for (int i = 0; i < la; i++) {
      if ((ma & (1L << i)) != 0) {
        while ((mb & (1L << j)) == 0) {
          j++;
        }
        if (a.charAt(i) != b.charAt(j)) {
          transpositions++;
        }
        j++;
      }
    }
    double m = matches;
    double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
    int prefix = 0;
    int max = Math.min(4, Math.min(la, lb));
    while (prefix < max && a.charAt(prefix) == b.charAt(prefix)) {
      prefix++;
    }
    return jaro + prefix * 0.1 * (1 - jaro);
  }

  /**
   * Whether two strings are at most one edit apart (one substitution, insertion, deletion or
   * transposition of neighbours): a typing or reading error in a document number.
   */
  public static boolean withinOneEdit(String a, String b) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > 1) {
      return false;
    }
    int i = 0;
    while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (i == la && i == lb) {
      return true;
    }
    if (la == lb) {
      if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
        return true; // substitution
      }
      return i + 1 < la
          && a.charAt(i) == b.charAt(i + 1)
          && a.charAt(i + 1) == b.charAt(i)
          && a.regionMatches(i + 2, b, i + 2, la - i - 2);
    }
    return la > lb
        ? a.regionMatches(i + 1, b, i, lb - i) // deletion from a
        : b.regionMatches(i + 1, a, i, la - i);
  }
}
