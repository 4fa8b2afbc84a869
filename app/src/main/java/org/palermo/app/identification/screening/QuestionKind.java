package org.palermo.app.identification.screening;

import java.util.List;

/**
 * How a question is answered. Every kind also accepts {@link Answer#DONT_KNOW} and {@link
 * Answer#PREFER_NOT_TO_SAY}.
 */
public enum QuestionKind {
  /** Yes or no. */
  YES_NO(List.of("YES", "NO")),
  /** A whole number of years, 0 to 130. */
  YEARS(List.of()),
  /** What whoever arranged the entry got in return (Smuggling Protocol art. 3(a)). */
  BENEFIT(List.of("FINANCIAL", "OTHER_MATERIAL", "NONE"));

  /** Largest number of years accepted. */
  public static final int MAX_YEARS = 130;

  private final List<String> options;

  QuestionKind(List<String> options) {
    this.options = options;
  }

  /** The substantive options, without the two ways of not answering. */
  public List<String> options() {
    return options;
  }

  /** Whether {@code value} is a valid stored answer to a question of this kind. */
  public boolean accepts(String value) {
    if (value == null) {
      return false;
    }
    if (Answer.parse(value).map(Answer::unknown).orElse(false) || options.contains(value)) {
      return true;
    }
    return this == YEARS && years(value) != null;
  }

  /** The number of years in {@code value}, or null when it is not one in 0–130. */
  public static Integer years(String value) {
    if (value == null || value.isEmpty() || value.length() > 3) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return null;
      }
    }
    int n = Integer.parseInt(value);
    return n <= MAX_YEARS ? n : null;
  }
}
