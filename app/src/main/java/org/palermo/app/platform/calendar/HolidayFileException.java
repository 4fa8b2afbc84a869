package org.palermo.app.platform.calendar;

import java.util.LinkedHashMap;
import java.util.Map;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;

/**
 * A holiday file that cannot be read: a 400 problem on the API (with the {@code field} {@code
 * file}, the {@code reason}, the {@code line} and, in a CSV file, the {@code column}), a translated
 * message at the file on the page, a message and a non-zero exit on the command line. The detail
 * names the line and never repeats more than the offending value.
 */
public class HolidayFileException extends PalermoException {
  private final int line;
  private final int column;

  /** A fault of the whole file. */
  public HolidayFileException(CalendarRefusal reason, String detail) {
    this(0, 0, reason, detail);
  }

  /**
   * A fault at {@code line} (from 1; 0 for the whole file) and {@code column} (the CSV field, from
   * 1; 0 when the fault is not in one field).
   */
  public HolidayFileException(int line, int column, CalendarRefusal reason, String detail) {
    super(
        ErrorCode.VALIDATION_FAILED,
        reason,
        line > 0 ? "line " + line + ": " + detail : detail,
        where(line, column));
    this.line = line;
    this.column = column;
  }

  private static Map<String, Object> where(int line, int column) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("field", "file");
    if (line > 0) {
      m.put("line", line);
    }
    if (column > 0) {
      m.put("column", column);
    }
    return m;
  }

  /** The line at fault, from 1; 0 when the fault is the whole file. */
  public int line() {
    return line;
  }

  /** The CSV field at fault, from 1; 0 when none. */
  public int column() {
    return column;
  }

  /** The line and the column, the arguments of the reason's translated text. */
  @Override
  public Object[] messageArguments() {
    return new Object[] {line, column};
  }
}
