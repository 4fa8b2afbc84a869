package org.palermo.law.rule;

import java.util.ArrayList;
import java.util.List;
import org.palermo.law.Reason;

/** Small helpers for reason arguments and citation lists. */
public final class Codes {
  private Codes() {}

  /** Names of {@code values} joined by ", " in iteration order. */
  public static String join(Iterable<?> values) {
    StringBuilder out = new StringBuilder();
    for (Object value : values) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(value instanceof Enum<?> e ? e.name() : String.valueOf(value));
    }
    return out.toString();
  }

  /** The distinct citations of {@code reasons}, in order of first appearance. */
  public static List<String> citations(List<Reason> reasons) {
    List<String> out = new ArrayList<>(4);
    for (Reason reason : reasons) {
      if (!out.contains(reason.citation())) {
        out.add(reason.citation());
      }
    }
    return out;
  }
}
