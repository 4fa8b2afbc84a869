package org.palermo.law;

import java.util.List;

/**
 * One step of an assessment's reasoning: a stable code, English text in our own words, the article
 * it cites, and the arguments filled into the text (codes, so the app can translate).
 */
public record Reason(String code, String text, String citation, List<String> args) {

  public Reason {
    args = List.copyOf(args);
  }

  /** The reason for {@code code}, its English text filled with {@code args}. */
  public static Reason of(ReasonCode code, String... args) {
    List<String> list = List.of(args);
    return new Reason(
        code.name(), Messages.english(code.messageKey(), list), code.citation(), list);
  }
}
