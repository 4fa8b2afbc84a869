package org.palermo.app.directory;

import java.util.Map;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.PalermoException;

/**
 * HSDS data that cannot be imported: the message names the file and the field (a JSON path such as
 * {@code services[0].schedules[1].freq}, or a CSV file, line and column). Nothing of the import is
 * stored.
 */
public class HsdsFormatException extends PalermoException {
  private final String field;

  public HsdsFormatException(String source, String field, String problem) {
    super(
        ErrorCode.VALIDATION_FAILED,
        (source == null || source.isEmpty() ? "" : source + ": ")
            + (field == null || field.isEmpty() ? "" : field + ": ")
            + problem,
        field == null ? Map.of() : Map.of("field", field));
    this.field = field;
  }

  /** The offending field's path, or {@code null} when the whole file is at fault. */
  public String field() {
    return field;
  }
}
