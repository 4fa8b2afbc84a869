package org.palermo.law;

/** Whether one element of the trafficking definition is met on the facts. */
public enum ElementStatus {
  MET,
  NOT_MET,
  /** The element is not needed: the means element for a child (Trafficking Protocol art. 3(c)). */
  NOT_REQUIRED,
  UNKNOWN
}
