package org.palermo.app.cases.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** PostgreSQL text arrays as parameters and results. */
final class Sql {
  private Sql() {}

  static String array(Collection<?> values) {
    StringBuilder b = new StringBuilder("{");
    int i = 0;
    for (Object o : values) {
      if (i++ > 0) {
        b.append(',');
      }
      b.append('"').append(o.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    return b.append('}').toString();
  }

  static List<String> list(ResultSet rs, String column) throws SQLException {
    Array a = rs.getArray(column);
    return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
  }

  static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
    return value == null ? null : Enum.valueOf(type, value);
  }

  static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }
}
