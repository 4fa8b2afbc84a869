package org.palermo.app.platform.crypto;

/**
 * A sealed value cannot be opened: altered, moved to another record, or its data key was erased
 * (crypto-shredding by retention or an erasure request).
 */
public class SealedDataException extends RuntimeException {
  public SealedDataException(String message) {
    super(message);
  }
}
