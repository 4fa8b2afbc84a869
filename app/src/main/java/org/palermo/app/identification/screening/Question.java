package org.palermo.app.identification.screening;

import org.palermo.law.Dimension;

/**
 * One question of the interview. Indicator questions carry the Delphi dimension and the catalogue
 * label they ask about; which codes a "yes" records comes from the catalogue, never from here.
 *
 * @param id stable id, also the name of the form field and the end of the message key
 * @param step the page the question is on
 * @param kind how it is answered
 * @param forAdults whether the adult variant asks it
 * @param forChildren whether the child variant asks it
 * @param childWording whether the child variant has its own wording ({@code <key>.child})
 * @param dimension the Delphi dimension of an indicator question, else null
 * @param catalogueLabel the catalogue's English label of an indicator question, else null
 */
public record Question(
    String id,
    Step step,
    QuestionKind kind,
    boolean forAdults,
    boolean forChildren,
    boolean childWording,
    Dimension dimension,
    String catalogueLabel) {

  /** Prefix of every question's message key in the app bundles. */
  public static final String KEY_PREFIX = "screening.q.";

  /** The message key of the question's wording in {@code variant}. */
  public String messageKey(Variant variant) {
    return KEY_PREFIX + id + (variant == Variant.CHILD && childWording ? ".child" : "");
  }

  public boolean in(Variant variant) {
    return variant == Variant.CHILD ? forChildren : forAdults;
  }

  /** Whether a "yes" records indicator codes. */
  public boolean indicator() {
    return dimension != null;
  }
}
