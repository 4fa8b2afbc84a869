package org.palermo.law;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One step of an assessment's reasoning: a stable code, English text in our own words, the article
 * it cites, and the arguments filled into the text (codes, so the app can translate).
 */
public record Reason(String code, String text, String citation, List<String> args) {

  /** Rendered reasons are immutable, so the common ones are kept; at most this many per code. */
  private static final int CACHE_LIMIT = 1024;

  private static final Map<ReasonCode, Reason> WITHOUT_ARGS = new EnumMap<>(ReasonCode.class);
  private static final Map<ReasonCode, Map<String, Reason>> RENDERED =
      new EnumMap<>(ReasonCode.class);

  static {
    for (ReasonCode code : ReasonCode.values()) {
      WITHOUT_ARGS.put(code, render(code, List.of()));
      RENDERED.put(code, new ConcurrentHashMap<>());
    }
  }

  public Reason {
    args = List.copyOf(args);
  }

  /** The reason for {@code code}, its English text filled with {@code args}. */
  public static Reason of(ReasonCode code, String... args) {
    if (args.length == 0) {
      return WITHOUT_ARGS.get(code);
    }
    String key = args.length == 1 ? args[0] : String.join("\u0001", args);
    Map<String, Reason> cache = RENDERED.get(code);
    Reason reason = cache.get(key);
    if (reason == null) {
      reason = render(code, List.of(args));
      if (cache.size() < CACHE_LIMIT) {
        cache.putIfAbsent(key, reason);
      }
    }
    return reason;
  }

  /**
   * This reason as palermo-rules/1.1.0 words it: the same step under its reporting code when the
   * 1.0.0 text states a reported fact as proven ({@link ReasonCode#reportingForm()}), otherwise
   * this reason.
   */
  public Reason reportingForm() {
    ReasonCode current;
    try {
      current = ReasonCode.valueOf(code);
    } catch (IllegalArgumentException e) {
      return this;
    }
    ReasonCode reporting = current.reportingForm();
    return reporting == current ? this : of(reporting, args.toArray(String[]::new));
  }

  private static Reason render(ReasonCode code, List<String> args) {
    return new Reason(
        code.name(), Messages.english(code.messageKey(), args), code.citation(), args);
  }
}
