package org.palermo.finance;

/** The direction of a transaction as seen from its {@code account}: money in or money out. */
public enum Direction {
  IN,
  OUT
}
