package org.palermo.law.rule;

import java.util.Set;
import org.palermo.law.Finding;

/** Three-valued (Kleene) truth: unknown facts stay unknown instead of becoming a silent "no". */
public enum Truth {
  TRUE,
  FALSE,
  UNKNOWN;

  /** Kleene conjunction: false wins, then unknown. */
  public Truth and(Truth other) {
    if (this == FALSE || other == FALSE) {
      return FALSE;
    }
    return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : TRUE;
  }

  /** Kleene disjunction: true wins, then unknown. */
  public Truth or(Truth other) {
    if (this == TRUE || other == TRUE) {
      return TRUE;
    }
    return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : FALSE;
  }

  /** Null is unknown. */
  public static Truth of(Boolean value) {
    return value == null ? UNKNOWN : value ? TRUE : FALSE;
  }

  /** Null is unknown, empty is false, any element is true. */
  public static Truth present(Set<?> values) {
    return values == null ? UNKNOWN : values.isEmpty() ? FALSE : TRUE;
  }

  /** The finding this truth gives when it judges a whole definition. */
  public Finding finding() {
    return switch (this) {
      case TRUE -> Finding.INDICATED;
      case FALSE -> Finding.NOT_INDICATED;
      case UNKNOWN -> Finding.UNDETERMINED;
    };
  }

  /** As a nullable Boolean (unknown is null). */
  public Boolean toBoolean() {
    return this == UNKNOWN ? null : this == TRUE;
  }
}
