package org.palermo.linkage;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One record to link: its id and the known values of the other fields (an unknown value is absent,
 * never empty). Values are as given, except the birth date, held as YYYY-MM-DD.
 */
public record LinkageRecord(String id, Map<Field, String> values) {
  public LinkageRecord {
    Objects.requireNonNull(id, "id");
    EnumMap<Field, String> copy = new EnumMap<>(Field.class);
    values.forEach(
        (field, value) -> {
          if (field != Field.ID && value != null && !value.isBlank()) {
            copy.put(field, value.strip());
          }
        });
    values = Collections.unmodifiableMap(copy);
  }

  /** The value of a field, or null when unknown. */
  public String get(Field field) {
    return field == Field.ID ? id : values.get(field);
  }
}
