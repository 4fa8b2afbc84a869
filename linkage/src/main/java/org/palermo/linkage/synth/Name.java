package org.palermo.linkage.synth;

import java.util.List;

/**
 * A name of the lists: its usual Latin form, its form in the origin's own script (null when the
 * origin writes in Latin), the sex it is given to ('M', 'F'; 'X' for family names) and other
 * romanisations of the same name, e.g. Mohammed: Muhammad, Mohamed, Mohammad.
 */
record Name(String latin, String nativeForm, char sex, List<String> variants) {
  /** Parses {@code Latin|native|sex|variant,variant} (native and variants may be empty). */
  static Name parse(String line) {
    String[] parts = line.split("\\|", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("bad name line: " + line);
    }
    List<String> variants = parts[3].isEmpty() ? List.of() : List.of(parts[3].split(","));
    return new Name(parts[0], parts[1].isEmpty() ? null : parts[1], parts[2].charAt(0), variants);
  }
}
