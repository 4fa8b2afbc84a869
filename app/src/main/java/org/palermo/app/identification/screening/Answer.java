package org.palermo.app.identification.screening;

import java.util.Optional;

/**
 * The answer to a yes-or-no question. "Don't know" and "prefer not to say" both leave the fact
 * unknown for the classification, but are recorded apart: one is a gap in knowledge, the other the
 * person's choice.
 */
public enum Answer {
  YES,
  NO,
  DONT_KNOW,
  PREFER_NOT_TO_SAY;

  /** Whether this answer leaves the fact unknown. */
  public boolean unknown() {
    return this == DONT_KNOW || this == PREFER_NOT_TO_SAY;
  }

  /** The answer a stored value stands for, if it is one of the four. */
  public static Optional<Answer> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (Answer a : values()) {
      if (a.name().equals(value)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
