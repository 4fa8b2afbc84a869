package org.palermo.app.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure with a code from the {@link ErrorCode} catalogue and a safe, user-facing detail. A
 * refusal of a module's rule carries its {@link RefusalReason}: the problem document's {@code
 * reason} is the reason's code, and callers compare the enum ({@link #is}), never the text.
 */
public class PalermoException extends RuntimeException {
  private final ErrorCode code;
  private final Map<String, Object> properties;
  private final RefusalReason reason;

  public PalermoException(ErrorCode code, String detail) {
    this(code, detail, Map.of());
  }

  public PalermoException(ErrorCode code, String detail, Map<String, Object> properties) {
    super(detail);
    this.code = code;
    this.properties = Map.copyOf(properties);
    this.reason = null;
  }

  /** A refusal for {@code reason}, whose code becomes the problem's {@code reason}. */
  public PalermoException(ErrorCode code, RefusalReason reason, String detail) {
    this(code, reason, detail, Map.of());
  }

  /**
   * A refusal for {@code reason}, whose code becomes the problem's {@code reason}, with further
   * members ({@code field}, {@code article}, …).
   */
  public PalermoException(
      ErrorCode code, RefusalReason reason, String detail, Map<String, Object> more) {
    super(detail);
    this.code = code;
    Map<String, Object> all = new LinkedHashMap<>(more);
    all.put("reason", reason.code());
    this.properties = Map.copyOf(all);
    this.reason = reason;
  }

  public ErrorCode code() {
    return code;
  }

  /** Extra members of the problem document, such as the offending field. */
  public Map<String, Object> properties() {
    return properties;
  }

  /** The typed reason of a refusal; null for a failure that is not one. */
  public RefusalReason reason() {
    return reason;
  }

  /**
   * The arguments of the reason's translated text ({@link RefusalReason#messageKey()}), such as the
   * line of a file at fault; none by default.
   */
  public Object[] messageArguments() {
    return new Object[0];
  }

  /** Whether this is a refusal for {@code reason}. */
  public boolean is(RefusalReason reason) {
    return reason != null && reason.equals(this.reason);
  }
}
