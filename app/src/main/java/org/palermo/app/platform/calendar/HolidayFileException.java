package org.palermo.app.platform.calendar;

import java.util.Map;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;

/**
 * A holiday file that cannot be read: a 400 problem on the API (with the {@code line}), a message
 * and a non-zero exit on the command line. The message names the line and never repeats more than
 * the offending value.
 */
public class HolidayFileException extends PalermoException {
  private final int line;

  public HolidayFileException(int line, String detail) {
    super(
        ErrorCode.VALIDATION_FAILED,
        line > 0 ? "line " + line + ": " + detail : detail,
        line > 0 ? Map.of("line", line) : Map.of());
    this.line = line;
  }

  /** The line at fault, from 1; 0 when the fault is the whole file. */
  public int line() {
    return line;
  }
}
