package org.palermo.privacy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A minimal JSON writer for {@link ReleaseMetadata}, one object with fixed field names. */
final class SidecarJson {
  private SidecarJson() {}

  static String write(ReleaseMetadata m) {
    StringBuilder out = new StringBuilder("{");
    field(out, "kind", string(m.kind().cliName()));
    field(out, "dataset", string(m.dataset()));
    field(out, "quasiIdentifiers", strings(m.quasiIdentifiers()));
    field(out, "k", m.k() == null ? "null" : m.k().toString());
    SuppressionCounts s = m.suppression();
    field(
        out,
        "suppression",
        "{\"recordsSuppressed\":"
            + s.recordsSuppressed()
            + ",\"recordsDropped\":"
            + s.recordsDropped()
            + ",\"cellsPrimary\":"
            + s.cellsPrimary()
            + ",\"cellsComplementary\":"
            + s.cellsComplementary()
            + "}");
    field(out, "epsilon", number(m.epsilon()));
    field(out, "delta", number(m.delta()));
    field(out, "engineVersion", string(m.engineVersion()));
    field(out, "releasedAt", string(m.releasedAt().toString()));
    field(out, "releasedBy", string(m.releasedBy()));
    StringBuilder params = new StringBuilder("{");
    for (Map.Entry<String, String> e : m.parameters().entrySet()) {
      field(params, e.getKey(), string(e.getValue()));
    }
    field(out, "parameters", params.append('}').toString());
    return out.append('}').toString();
  }

  private static void field(StringBuilder out, String name, String json) {
    if (out.length() > 1) {
      out.append(',');
    }
    out.append(string(name)).append(':').append(json);
  }

  private static String number(BigDecimal value) {
    return value == null ? "null" : value.toPlainString();
  }

  private static String strings(List<String> values) {
    StringBuilder out = new StringBuilder("[");
    for (String value : values) {
      out.append(out.length() > 1 ? "," : "").append(string(value));
    }
    return out.append(']').toString();
  }

  static String string(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
