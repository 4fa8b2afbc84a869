package org.palermo.app.platform.crypto;

/**
 * A master key given by the operator is unusable (not base64, wrong length), or data keys are
 * wrapped by a master key this instance does not hold. The message says what to do and never holds
 * key material.
 */
public class InvalidMasterKeyException extends IllegalStateException {
  public InvalidMasterKeyException(String message) {
    super(message);
  }
}
