package org.palermo.app.cases;

/**
 * The one full-name rule (issue 12 §2): the name as the person writes it, given name then family
 * name, separated by one space; a blank part is left out, and no name at all is empty. The words
 * are kept as written, in any script (no reordering, no transliteration: a right-to-left name is
 * shown in a {@code <bdi>}); matching across scripts is {@code Names}' work, on this string. Used
 * by the person record, the case list, the blind name tokens and the referral view.
 */
public final class PersonName {
  private PersonName() {}

  /** {@code given family}, or the one part present, or {@code ""} when both are blank. */
  public static String full(String given, String family) {
    boolean noGiven = given == null || given.isBlank();
    boolean noFamily = family == null || family.isBlank();
    if (noGiven) {
      return noFamily ? "" : family;
    }
    return noFamily ? given : given + " " + family;
  }
}
