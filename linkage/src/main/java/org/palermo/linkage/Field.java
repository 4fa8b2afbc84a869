package org.palermo.linkage;

import java.util.Locale;
import java.util.Optional;

/**
 * The linkage vocabulary: the CSV columns that {@code palermo link} reads (docs/linkage.md). Any
 * subset may be present; other columns are ignored; an empty cell is unknown.
 */
public enum Field {
  ID,
  GIVEN_NAME,
  FAMILY_NAME,
  FULL_NAME,
  /** YYYY-MM-DD or YYYYMMDD in the file; held as YYYY-MM-DD. */
  BIRTH_DATE,
  SEX,
  CITIZENSHIP,
  BIRTH_PLACE,
  STREET_NUMBER,
  STREET,
  LOCALITY,
  POSTCODE,
  REGION,
  DOCUMENT_NUMBER;

  /** The column name in the CSV header, e.g. {@code given_name}. */
  public String column() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The field a header cell names, ignoring case and surrounding blanks. */
  public static Optional<Field> ofColumn(String header) {
    String wanted = header.strip().toLowerCase(Locale.ROOT);
    for (Field f : values()) {
      if (f.column().equals(wanted)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
