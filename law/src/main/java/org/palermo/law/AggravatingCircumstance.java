package org.palermo.law;

/** Aggravating circumstances of smuggling (Smuggling Protocol art. 6(3)). */
public enum AggravatingCircumstance {
  /**
   * Art. 6(3)(a): the conduct endangered, or was likely to endanger, the migrants' lives or safety.
   */
  LIFE_OR_SAFETY_ENDANGERED,
  /** Art. 6(3)(b): inhuman or degrading treatment of the migrants, exploitation included. */
  INHUMAN_OR_DEGRADING_TREATMENT
}
