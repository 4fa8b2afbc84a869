package org.palermo.law;

/** The benefit the facilitator sought (Smuggling Protocol art. 3(a) and 6(1)). */
public enum Benefit {
  FINANCIAL,
  OTHER_MATERIAL,
  NONE,
  UNKNOWN
}
