package org.palermo.privacy.ctdc;

import java.util.Optional;

/** The nine CTDC {@code ageBroad} bands (DOMAIN.md §1.2), youngest first. */
public enum AgeBroad {
  AGE_0_8("0--8", 0),
  AGE_9_17("9--17", 9),
  AGE_18_20("18--20", 18),
  AGE_21_23("21--23", 21),
  AGE_24_26("24--26", 24),
  AGE_27_29("27--29", 27),
  AGE_30_38("30--38", 30),
  AGE_39_47("39--47", 39),
  AGE_48_PLUS("48+", 48);

  private final String label;
  private final int lowerBound;

  AgeBroad(String label, int lowerBound) {
    this.label = label;
    this.lowerBound = lowerBound;
  }

  /** The band as written in CTDC files, e.g. {@code 9--17}. */
  public String label() {
    return label;
  }

  /** The youngest age in the band. */
  public int lowerBound() {
    return lowerBound;
  }

  /** Whether the band lies below 18. */
  public boolean isMinor() {
    return lowerBound < 18;
  }

  /** The band containing an age in whole years. */
  public static AgeBroad ofAge(int years) {
    if (years < 0) {
      throw new IllegalArgumentException("age must not be negative: " + years);
    }
    AgeBroad band = AGE_0_8;
    for (AgeBroad candidate : values()) {
      if (candidate.lowerBound <= years) {
        band = candidate;
      }
    }
    return band;
  }

  /**
   * The band for a CTDC label; accepts {@code --}, an en dash or a single hyphen between the
   * bounds.
   */
  public static Optional<AgeBroad> fromLabel(String text) {
    String t = text.trim().replace('\u2013', '-').replace("--", "-");
    for (AgeBroad band : values()) {
      if (band.label.replace("--", "-").equals(t)) {
        return Optional.of(band);
      }
    }
    return Optional.empty();
  }
}
