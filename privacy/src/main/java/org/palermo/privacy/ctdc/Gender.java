package org.palermo.privacy.ctdc;

import java.util.Locale;
import java.util.Optional;

/**
 * CTDC {@code gender} values. {@code Male} and {@code Female} are verified; later releases add a
 * transgender/other category whose exact label is unverified (DOMAIN.md §1.2), so {@link #OTHER} is
 * written as {@code Other} and read from a few spellings.
 */
public enum Gender {
  FEMALE("Female"),
  MALE("Male"),
  OTHER("Other");

  private final String label;

  Gender(String label) {
    this.label = label;
  }

  /** The value as written in CTDC files. */
  public String label() {
    return label;
  }

  /** The gender for a CTDC label, ignoring case; empty if the label is unknown. */
  public static Optional<Gender> fromLabel(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "female":
        return Optional.of(FEMALE);
      case "male":
        return Optional.of(MALE);
      case "other":
      case "transgender":
      case "transgender/nonconforming":
      case "transgender/other":
      case "nonconforming":
        return Optional.of(OTHER);
      default:
        return Optional.empty();
    }
  }
}
