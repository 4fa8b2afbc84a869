package org.palermo.privacy.kanon;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A node of the generalisation lattice: the hierarchy level applied to each quasi-identifier
 * (full-domain generalisation, the same level for every record).
 *
 * @param levels level per quasi-identifier, 0 being the exact value
 */
public record Generalisation(Map<QuasiIdentifier, Integer> levels) {

  public Generalisation {
    Map<QuasiIdentifier, Integer> copy = new EnumMap<>(QuasiIdentifier.class);
    copy.putAll(levels);
    for (Map.Entry<QuasiIdentifier, Integer> e : copy.entrySet()) {
      if (e.getValue() < 0 || e.getValue() >= e.getKey().levels()) {
        throw new IllegalArgumentException("no level " + e.getValue() + " for " + e.getKey());
      }
    }
    levels = Collections.unmodifiableMap(copy);
  }

  /** The level of a quasi-identifier. */
  public int level(QuasiIdentifier qi) {
    Integer level = levels.get(qi);
    if (level == null) {
      throw new IllegalArgumentException(qi + " is not a quasi-identifier of this release");
    }
    return level;
  }

  /** The level names, e.g. {@code {CITIZENSHIP=UN M49 sub-region, GENDER=gender}}. */
  public Map<QuasiIdentifier, String> describe() {
    Map<QuasiIdentifier, String> names = new EnumMap<>(QuasiIdentifier.class);
    levels.forEach((qi, level) -> names.put(qi, qi.levelNames().get(level)));
    return Collections.unmodifiableMap(names);
  }
}
