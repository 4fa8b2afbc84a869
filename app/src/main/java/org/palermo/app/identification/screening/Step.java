package org.palermo.app.identification.screening;

import java.util.Optional;
import org.palermo.law.Dimension;

/**
 * The pages of the interview in order. Each Delphi dimension has its own page, in the journey stage
 * where it belongs; {@link #CHILD} appears only in the child variant.
 */
public enum Step {
  /** Legal basis or consent, and the interpreter: asked before any personal data. */
  BASIS("basis", Stage.START, null),
  PERSON("person", Stage.PERSON, null),
  /** Child variant only: guardian present, unaccompanied or separated. */
  CHILD("child", Stage.PERSON, null),
  RECRUITMENT("recruitment", Stage.RECRUITMENT, null),
  DECEPTION("deception", Stage.RECRUITMENT, Dimension.DECEPTIVE_RECRUITMENT),
  COERCION("coercion", Stage.RECRUITMENT, Dimension.COERCIVE_RECRUITMENT),
  VULNERABILITY(
      "vulnerability", Stage.RECRUITMENT, Dimension.RECRUITMENT_BY_ABUSE_OF_VULNERABILITY),
  TRANSIT("transit", Stage.TRANSIT, null),
  EXPLOITATION("exploitation", Stage.EXPLOITATION, null),
  CONDITIONS("conditions", Stage.EXPLOITATION, Dimension.EXPLOITATIVE_CONDITIONS_OF_WORK),
  CONTROL("control", Stage.EXPLOITATION, Dimension.COERCION_AT_DESTINATION),
  SITUATION("situation", Stage.EXPLOITATION, Dimension.ABUSE_OF_VULNERABILITY_AT_DESTINATION),
  /** All answers at a glance, the case link, and the button that completes the screening. */
  REVIEW("review", Stage.END, null);

  private final String slug;
  private final Stage stage;
  private final Dimension dimension;

  Step(String slug, Stage stage, Dimension dimension) {
    this.slug = slug;
    this.stage = stage;
    this.dimension = dimension;
  }

  /** The path segment of the step's page. */
  public String slug() {
    return slug;
  }

  public Stage stage() {
    return stage;
  }

  /** The Delphi dimension whose indicators the page asks about, or null. */
  public Dimension dimension() {
    return dimension;
  }

  /** Whether the page holds questions about the person (everything but the basis and review). */
  public boolean asksQuestions() {
    return this != BASIS && this != REVIEW;
  }

  /** Whether the step is part of the interview in {@code variant}. */
  public boolean in(Variant variant) {
    return this != CHILD || variant == Variant.CHILD;
  }

  public static Optional<Step> bySlug(String slug) {
    for (Step s : values()) {
      if (s.slug.equals(slug)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
