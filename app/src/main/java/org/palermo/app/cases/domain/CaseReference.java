package org.palermo.app.cases.domain;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Case references: {@code PAL-2026-7KQ4-M2XD}, the year and eight random characters of Crockford's
 * base 32 (40 bits, no I, L, O or U, so nothing is misread aloud or on paper). They come from a
 * random source, not a sequence: two references of one agency say nothing about how many cases
 * other agencies opened between them (issue #11 item 8). References issued before, {@code
 * PAL-2026-000151}, keep working: both shapes are recognised.
 */
public final class CaseReference {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Any reference ever issued: the sequential shape of before and the random one. */
  public static final Pattern SHAPE =
      Pattern.compile("(?i)PAL-\\d{4}-(\\d+|[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})");

  private CaseReference() {}

  /** A new random reference for a case opened in {@code year}. */
  public static String random(int year) {
    return random(year, RANDOM);
  }

  /** A new reference drawn from {@code source} (a seeded one for demo data). */
  public static String random(int year, java.util.random.RandomGenerator source) {
    StringBuilder s = new StringBuilder(18).append("PAL-").append(year).append('-');
    for (int i = 0; i < 8; i++) {
      if (i == 4) {
        s.append('-');
      }
      s.append(ALPHABET[source.nextInt(ALPHABET.length)]);
    }
    return s.toString();
  }

  /** Whether {@code text} is shaped like a case reference (of either kind). */
  public static boolean looksLike(String text) {
    return text != null && SHAPE.matcher(text.strip()).matches();
  }

  /** The reference as stored: upper case, no surrounding blanks. */
  public static String normalise(String text) {
    return text.strip().toUpperCase(Locale.ROOT);
  }
}
