package org.palermo.linkage.synth;

import java.util.SplittableRandom;

/**
 * String corruptions in the manner of GeCo (Tran, Vatsalan, Christen 2013): a keyboard typo
 * (substitution by a neighbouring key, insertion, deletion, transposition), an OCR confusion (rn/m,
 * 0/O, 1/l, 5/S ...) and a phonetic respelling (ph/f, ou/u, kh/h ...).
 */
final class Errors {
  private static final String[] KEYBOARD_ROWS = {
    "qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890"
  };

  private static final String[][] OCR = {
    {"m", "rn"}, {"rn", "m"}, {"o", "0"}, {"O", "0"}, {"0", "O"}, {"l", "1"}, {"1", "l"},
    {"i", "l"}, {"S", "5"}, {"5", "S"}, {"B", "8"}, {"8", "B"}, {"d", "cl"}, {"h", "b"},
    {"e", "c"}, {"u", "v"}, {"n", "ri"}, {"g", "q"}, {"Z", "2"}, {"2", "Z"}
  };

  private static final String[][] PHONETIC = {
    {"ph", "f"}, {"f", "ph"}, {"ou", "u"}, {"u", "ou"}, {"ee", "i"}, {"i", "ee"}, {"kh", "h"},
    {"sh", "ch"}, {"ch", "sh"}, {"ck", "k"}, {"k", "c"}, {"c", "k"}, {"y", "i"}, {"ie", "y"},
    {"v", "w"}, {"w", "v"}, {"j", "dj"}, {"dj", "j"}, {"q", "k"}, {"ah", "a"}, {"a", "ah"},
    {"th", "t"}, {"t", "th"}, {"ss", "s"}, {"s", "ss"}, {"dh", "d"}, {"gh", "g"}, {"x", "ks"}
  };

  private Errors() {}

  static String typo(String s, SplittableRandom random) {
    if (s.length() < 2) {
      return s;
    }
    int i = random.nextInt(s.length());
    StringBuilder b = new StringBuilder(s);
    switch (random.nextInt(4)) {
      case 0 -> b.setCharAt(i, neighbour(s.charAt(i), random));
      case 1 -> b.insert(i, neighbour(s.charAt(i), random));
      case 2 -> b.deleteCharAt(i);
      default -> {
        int j = i == s.length() - 1 ? i - 1 : i + 1;
        char c = b.charAt(i);
        b.setCharAt(i, b.charAt(j));
        b.setCharAt(j, c);
      }
    }
    return b.toString();
  }

  static String ocr(String s, SplittableRandom random) {
    return replaceOne(s, OCR, random);
  }

  static String phonetic(String s, SplittableRandom random) {
    return replaceOne(s, PHONETIC, random);
  }

  /** Replaces one occurrence of one applicable rule, chosen at random; a typo when none applies. */
  private static String replaceOne(String s, String[][] rules, SplittableRandom random) {
    int start = random.nextInt(rules.length);
    for (int k = 0; k < rules.length; k++) {
      String[] rule = rules[(start + k) % rules.length];
      int at = s.indexOf(rule[0]);
      if (at >= 0) {
        int other = s.indexOf(rule[0], at + 1);
        if (other >= 0 && random.nextBoolean()) {
          at = other;
        }
        return s.substring(0, at) + rule[1] + s.substring(at + rule[0].length());
      }
    }
    return typo(s, random);
  }

  private static char neighbour(char c, SplittableRandom random) {
    char lower = Character.toLowerCase(c);
    for (String row : KEYBOARD_ROWS) {
      int at = row.indexOf(lower);
      if (at >= 0) {
        int to =
            at == 0 ? 1 : at == row.length() - 1 ? at - 1 : at + (random.nextBoolean() ? 1 : -1);
        char n = row.charAt(to);
        return Character.isUpperCase(c) ? Character.toUpperCase(n) : n;
      }
    }
    return (char) ('a' + random.nextInt(26));
  }
}
