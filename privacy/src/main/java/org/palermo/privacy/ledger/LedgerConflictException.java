package org.palermo.privacy.ledger;

/** Another release charged the same dataset between reading its ledger and appending to it. */
public final class LedgerConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LedgerConflictException(String message) {
    super(message);
  }
}
