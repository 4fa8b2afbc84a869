package org.palermo.app.platform;

import java.util.Map;

/** A failure with a code from the {@link ErrorCode} catalogue and a safe, user-facing detail. */
public class PalermoException extends RuntimeException {
  private final ErrorCode code;
  private final Map<String, Object> properties;

  public PalermoException(ErrorCode code, String detail) {
    this(code, detail, Map.of());
  }

  public PalermoException(ErrorCode code, String detail, Map<String, Object> properties) {
    super(detail);
    this.code = code;
    this.properties = Map.copyOf(properties);
  }

  public ErrorCode code() {
    return code;
  }

  /** Extra members of the problem document, such as the offending field. */
  public Map<String, Object> properties() {
    return properties;
  }
}
