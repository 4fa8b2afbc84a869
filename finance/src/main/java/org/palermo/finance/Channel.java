package org.palermo.finance;

/** How the money moved: the {@code channel} column of the transactions CSV. */
public enum Channel {
  CASH,
  WIRE,
  CARD,
  ATM,
  ACH,
  PREPAID,
  CRYPTO,
  OTHER
}
