package org.palermo.law.indicator;

/** A catalogue file is malformed; the message names the file and line. */
public final class CatalogueFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CatalogueFormatException(String file, int line, String problem) {
    super(file + ":" + line + ": " + problem);
  }

  public CatalogueFormatException(String message) {
    super(message);
  }
}
