package org.palermo.privacy.ctdc;

/** A CTDC file that cannot be read, naming the physical line (1-based) and the column. */
public final class CtdcFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long line;
  private final String column;

  public CtdcFormatException(long line, String column, String problem) {
    super("line " + line + (column == null ? "" : ", column '" + column + "'") + ": " + problem);
    this.line = line;
    this.column = column;
  }

  /** The 1-based physical line where the problem starts. */
  public long line() {
    return line;
  }

  /** The column name (or 1-based position) at fault, or {@code null} for a whole line. */
  public String column() {
    return column;
  }
}
