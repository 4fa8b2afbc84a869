package org.palermo.finance;

/**
 * Bad finance input or rules: one line naming the row (1 = the header) and, where there is one, the
 * column or key, e.g. {@code row 7, column timestamp: "2024-03-01T10:00" has no UTC offset}. The
 * command line prints it and exits 2, writing nothing.
 */
public final class FinanceInputException extends Exception {
  private static final long serialVersionUID = 1L;

  public FinanceInputException(String message) {
    super(message);
  }

  public static FinanceInputException at(long row, String column, String problem) {
    return new FinanceInputException(
        column == null
            ? "row " + row + ": " + problem
            : "row " + row + ", column " + column + ": " + problem);
  }
}
