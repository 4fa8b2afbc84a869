package org.palermo.app.identification.screening;

import org.palermo.law.Majority;

/**
 * Which wording and indicator lists the interview uses. The child variant applies when the stated
 * age is under 18 or the age is disputed; an unknown age keeps the adult variant.
 */
public enum Variant {
  ADULT,
  CHILD;

  /** The variant that the answers given so far call for. */
  public static Variant of(Answers answers) {
    Integer age = answers.years(Questionnaire.AGE);
    boolean disputed = answers.is(Questionnaire.AGE_DISPUTED, Answer.YES);
    return disputed || Majority.isChild(age) ? CHILD : ADULT;
  }
}
