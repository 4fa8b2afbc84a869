package org.palermo.linkage.io;

/**
 * Bad linkage input: the message is one line that names the file's row (1 = the header) and, where
 * there is one, the column, e.g. {@code row 7, column birth_date: "31/12/1990" is not YYYY-MM-DD or
 * YYYYMMDD}. The command line prints it and exits 2, writing nothing.
 */
public final class LinkageInputException extends Exception {
  private static final long serialVersionUID = 1L;

  public LinkageInputException(String message) {
    super(message);
  }

  static LinkageInputException at(long row, String column, String problem) {
    return new LinkageInputException(
        column == null
            ? "row " + row + ": " + problem
            : "row " + row + ", column " + column + ": " + problem);
  }
}
