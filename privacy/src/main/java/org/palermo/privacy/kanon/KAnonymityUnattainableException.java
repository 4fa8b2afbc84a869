package org.palermo.privacy.kanon;

/** No generalisation meets k within the suppression limit (for instance, fewer than k records). */
public final class KAnonymityUnattainableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KAnonymityUnattainableException(String message) {
    super(message);
  }
}
