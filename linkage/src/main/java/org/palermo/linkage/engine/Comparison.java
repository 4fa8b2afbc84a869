package org.palermo.linkage.engine;

import java.util.List;

/**
 * The comparisons of two records, one a field, each with levels from the strongest agreement (0) to
 * disagreement (the last). {@link #level} returns -1 when either side does not know the field: an
 * unknown value is no evidence either way (weight 0). Each level has its own m and u probabilities
 * in the {@link Model}.
 */
public enum Comparison {
  GIVEN_NAME(
      "given name",
      "exact",
      "close spelling",
      "same sound",
      "similar",
      "initial only",
      "different") {
    @Override
    int level(Prepared a, Prepared b) {
      if (a.given.isEmpty() || b.given.isEmpty()) {
        return -1;
      }
      if (swapped(a, b) && !a.given.equals(b.given)) {
        return -1; // the family-name comparison counts the swap once
      }
      return name(
          a.given, b.given, a.givenSkeleton, b.givenSkeleton, a.givenPhonetic, b.givenPhonetic);
    }
  },
  FAMILY_NAME(
      "family name",
      "exact",
      "close spelling",
      "same sound",
      "swapped with given name",
      "similar",
      "initial only",
      "different") {
    @Override
    int level(Prepared a, Prepared b) {
      if (a.family.isEmpty() || b.family.isEmpty()) {
        return -1;
      }
      int l =
          name(
              a.family,
              b.family,
              a.familySkeleton,
              b.familySkeleton,
              a.familyPhonetic,
              b.familyPhonetic);
      if (l <= 2) {
        return l;
      }
      if (swapped(a, b)) {
        return 3;
      }
      return l + 1;
    }
  },
  BIRTH_DATE(
      "birth date",
      "exact",
      "day/month swapped",
      "year off by one",
      "same year",
      "year within one",
      "different") {
    @Override
    int level(Prepared a, Prepared b) {
      if (!a.hasBirthDate() || !b.hasBirthDate()) {
        return -1;
      }
      boolean sameYear = a.year == b.year;
      if (sameYear && a.month == b.month && a.day == b.day) {
        return 0;
      }
      if (sameYear && a.month == b.day && a.day == b.month) {
        return 1;
      }
      int dy = Math.abs(a.year - b.year);
      if (dy == 1 && a.month == b.month && a.day == b.day) {
        return 2;
      }
      if (sameYear) {
        return 3;
      }
      return dy == 1 ? 4 : 5;
    }
  },
  SEX("sex", "same", "different") {
    @Override
    int level(Prepared a, Prepared b) {
      if (a.sex == 0 || b.sex == 0 || a.sex == 3 || b.sex == 3) {
        return -1;
      }
      return a.sex == b.sex ? 0 : 1;
    }
  },
  CITIZENSHIP("citizenship", "same", "different") {
    @Override
    int level(Prepared a, Prepared b) {
      if (a.citizenship.isEmpty() || b.citizenship.isEmpty()) {
        return -1;
      }
      return a.citizenship.equals(b.citizenship) ? 0 : 1;
    }
  },
  BIRTH_PLACE("birth place", "exact", "similar", "different") {
    @Override
    int level(Prepared a, Prepared b) {
      if (a.birthPlace.isEmpty() || b.birthPlace.isEmpty()) {
        return -1;
      }
      if (a.birthPlace.equals(b.birthPlace)) {
        return 0;
      }
      if (a.birthPlaceSkeleton.equals(b.birthPlaceSkeleton)
          || Text.jaroWinkler(a.birthPlace, b.birthPlace) >= 0.88) {
        return 1;
      }
      return 2;
    }
  },
  ADDRESS(
      "address",
      "same street and number",
      "same street",
      "same postcode",
      "same locality",
      "different") {
    @Override
    int level(Prepared a, Prepared b) {
      if (!a.hasAddress() || !b.hasAddress()) {
        return -1;
      }
      boolean postcodeKnown = !a.postcode.isEmpty() && !b.postcode.isEmpty();
      boolean localityKnown = !a.locality.isEmpty() && !b.locality.isEmpty();
      boolean samePostcode = postcodeKnown && a.postcode.equals(b.postcode);
      boolean sameLocality =
          localityKnown
              && (a.locality.equals(b.locality) || Text.jaroWinkler(a.locality, b.locality) >= 0.9);
      boolean place = samePostcode || sameLocality || (!postcodeKnown && !localityKnown);
      boolean streetKnown = !a.street.isEmpty() && !b.street.isEmpty();
      if (place && streetKnown && Text.jaroWinkler(a.street, b.street) >= 0.9) {
        return !a.streetNumber.isEmpty() && a.streetNumber.equals(b.streetNumber) ? 0 : 1;
      }
      if (samePostcode) {
        return 2;
      }
      if (sameLocality) {
        return 3;
      }
      if (!postcodeKnown && !localityKnown && !streetKnown) {
        return -1;
      }
      return 4;
    }
  },
  DOCUMENT_NUMBER("document number", "exact", "one character off", "different") {
    @Override
    int level(Prepared a, Prepared b) {
      if (a.document.isEmpty() || b.document.isEmpty()) {
        return -1;
      }
      if (a.document.equals(b.document)) {
        return 0;
      }
      return Text.withinOneEdit(a.document, b.document) ? 1 : 2;
    }
  };

  /** All comparisons, one array (values() copies its array on every call). */
  static final Comparison[] ALL = values();

  static final double CLOSE = 0.94;
  static final double SIMILAR = 0.85;

  private final String label;
  private final List<String> levels;

  Comparison(String label, String... levels) {
    this.label = label;
    this.levels = List.of(levels);
  }

  /** The level of agreement of two records on this field, or -1 when either does not know it. */
  abstract int level(Prepared a, Prepared b);

  /** The field in words, for the explanation ("family name"). */
  public String label() {
    return label;
  }

  /** The levels in words, strongest first, the last one disagreement. */
  public List<String> levels() {
    return levels;
  }

  public int levelCount() {
    return levels.size();
  }

  /**
   * Name levels: 0 exact, 1 Jaro–Winkler at least 0.94 on the latin keys, 2 same consonant skeleton
   * or Double Metaphone code (how a name written in Arabic or Ethiopic script meets its Latin
   * spelling), 3 Jaro–Winkler at least 0.85 or one name is the first word of the other, 4 one side
   * an initial of the other, 5 different.
   */
  static int name(String a, String b, String sa, String sb, String pa, String pb) {
    if (a.equals(b)) {
      return 0;
    }
    double jw = Text.jaroWinkler(a, b);
    if (jw >= CLOSE) {
      return 1;
    }
    if (sa.equals(sb) || (!pa.isEmpty() && pa.equals(pb))) {
      return 2;
    }
    if (jw >= SIMILAR || firstWord(a, b) || firstWord(b, a)) {
      return 3;
    }
    if ((a.length() == 1 || b.length() == 1) && a.charAt(0) == b.charAt(0)) {
      return 4;
    }
    return 5;
  }

  private static boolean firstWord(String longer, String word) {
    return longer.length() > word.length()
        && longer.charAt(word.length()) == ' '
        && longer.startsWith(word);
  }

  /** Given and family names crossed: each one close to, or sounding as, the other's opposite. */
  static boolean swapped(Prepared a, Prepared b) {
    if (a.given.isEmpty() || b.given.isEmpty() || a.family.isEmpty() || b.family.isEmpty()) {
      return false;
    }
    return close(a.given, b.family, a.givenSkeleton, b.familySkeleton)
        && close(a.family, b.given, a.familySkeleton, b.givenSkeleton);
  }

  private static boolean close(String a, String b, String sa, String sb) {
    return a.equals(b) || sa.equals(sb) || Text.jaroWinkler(a, b) >= CLOSE;
  }
}
