package org.palermo.app.identification.screening;

import java.util.Map;

/** A move the screening does not allow, with a stable reason and, for answers, the errors. */
public class ScreeningRefused extends RuntimeException {
  private final Reason reason;
  private final Map<String, String> errors;

  public ScreeningRefused(Reason reason) {
    this(reason, Map.of());
  }

  public ScreeningRefused(Reason reason, Map<String, String> errors) {
    super(reason.name());
    this.reason = reason;
    this.errors = Map.copyOf(errors);
  }

  public Reason reason() {
    return reason;
  }

  /** Error code by question id, for {@link Reason#INVALID_ANSWERS}. */
  public Map<String, String> errors() {
    return errors;
  }

  /** Why the move was refused. */
  public enum Reason implements org.palermo.app.platform.RefusalReason {
    /** No legal basis: nothing about the person may be asked or stored yet. */
    LEGAL_BASIS_REQUIRED,
    /** Consent is the legal basis but the person's informed agreement is not recorded. */
    CONSENT_REQUIRED,
    /** The interview language is not a language code. */
    LANGUAGE_INVALID,
    /** The screening is completed and can no longer change. */
    COMPLETED,
    /** The screening is not completed yet, so it has no assessment. */
    NOT_COMPLETED,
    /** The step is not part of this interview (e.g. the child page for an adult). */
    STEP_NOT_IN_INTERVIEW,
    /** Some answers are not valid; see {@link ScreeningRefused#errors()}. */
    INVALID_ANSWERS;

    @Override
    public String messageKey() {
      return "screening.problem." + code();
    }
  }
}
