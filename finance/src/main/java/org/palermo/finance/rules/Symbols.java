package org.palermo.finance.rules;

import java.util.HashMap;
import java.util.Map;

/** Interns strings (cities, payers) as small ints so that windows hold primitives. */
final class Symbols {
  private final Map<String, Integer> codes = new HashMap<>();

  /** The code of {@code s}, -1 for {@code null} (unknown). */
  int of(String s) {
    if (s == null) {
      return -1;
    }
    Integer code = codes.get(s);
    if (code == null) {
      code = codes.size();
      codes.put(s, code);
    }
    return code;
  }
}
