package org.palermo.privacy.ctdc;

import java.util.Optional;

/** CTDC {@code majorityStatus}-style values: adult (18 or over) or minor. */
public enum MajorityStatus {
  ADULT("Adult"),
  MINOR("Minor");

  private final String label;

  MajorityStatus(String label) {
    this.label = label;
  }

  /** The value as written in CTDC files. */
  public String label() {
    return label;
  }

  /** The status for a CTDC label, ignoring case; empty if the label is unknown. */
  public static Optional<MajorityStatus> fromLabel(String text) {
    for (MajorityStatus status : values()) {
      if (status.label.equalsIgnoreCase(text.trim())) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
