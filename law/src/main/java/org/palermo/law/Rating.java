package org.palermo.law;

/** The strength of an ILO–EC Delphi indicator within its list. */
public enum Rating {
  STRONG,
  MEDIUM,
  WEAK
}
