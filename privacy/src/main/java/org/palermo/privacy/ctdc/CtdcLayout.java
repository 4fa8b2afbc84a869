package org.palermo.privacy.ctdc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The column order of the CTDC k-anonymised dataset as written by {@link CtdcCsvWriter}, and the
 * mapping of header spellings (full, or cut to 32 characters as in some releases) to columns.
 */
public final class CtdcLayout {
  /** Length to which some CTDC releases cut column names. */
  public static final int TRUNCATED_LENGTH = 32;

  /** One column: exactly one of {@code field}, {@code flag} or {@code concatenated} is set. */
  record Column(String header, CtdcField field, CtdcFlag flag, FlagGroup concatenated) {}

  private static final List<Column> WRITTEN = written();
  private static final Map<String, Column> BY_SPELLING = spellings();

  private CtdcLayout() {}

  /** The header of a written file, in order. */
  public static List<String> header() {
    List<String> names = new ArrayList<>();
    for (Column column : WRITTEN) {
      names.add(column.header());
    }
    return Collections.unmodifiableList(names);
  }

  /** The header spelled as some releases do, each name cut to 32 characters. */
  public static List<String> truncatedHeader() {
    List<String> names = new ArrayList<>();
    for (String name : header()) {
      names.add(truncate(name));
    }
    return Collections.unmodifiableList(names);
  }

  static List<Column> writtenColumns() {
    return WRITTEN;
  }

  /** The column for a header name in either spelling, ignoring case; {@code null} if unknown. */
  static Column resolve(String headerName) {
    return BY_SPELLING.get(headerName.trim().toLowerCase(Locale.ROOT));
  }

  static String truncate(String name) {
    return name.length() > TRUNCATED_LENGTH ? name.substring(0, TRUNCATED_LENGTH) : name;
  }

  private static List<Column> written() {
    List<Column> columns = new ArrayList<>();
    for (CtdcField field :
        List.of(
            CtdcField.YEAR_OF_REGISTRATION,
            CtdcField.DATASOURCE,
            CtdcField.GENDER,
            CtdcField.AGE_BROAD,
            CtdcField.MAJORITY_STATUS,
            CtdcField.MAJORITY_STATUS_AT_EXPLOIT,
            CtdcField.MAJORITY_ENTRY,
            CtdcField.CITIZENSHIP)) {
      columns.add(new Column(field.column(), field, null, null));
    }
    addGroup(columns, FlagGroup.MEANS_OF_CONTROL);
    addGroup(columns, FlagGroup.EXPLOITATION);
    addGroup(columns, FlagGroup.LABOUR_SECTOR);
    addGroup(columns, FlagGroup.SEXUAL_EXPLOITATION);
    addFlags(columns, FlagGroup.ABDUCTION);
    columns.add(
        new Column(
            FlagGroup.RECRUITER_RELATION.concatenatedColumn(),
            null,
            null,
            FlagGroup.RECRUITER_RELATION));
    CtdcField country = CtdcField.COUNTRY_OF_EXPLOITATION;
    columns.add(new Column(country.column(), country, null, null));
    addFlags(columns, FlagGroup.RECRUITER_RELATION);
    return Collections.unmodifiableList(columns);
  }

  private static void addGroup(List<Column> columns, FlagGroup group) {
    addFlags(columns, group);
    columns.add(new Column(group.concatenatedColumn(), null, null, group));
  }

  private static void addFlags(List<Column> columns, FlagGroup group) {
    for (CtdcFlag flag : CtdcFlag.of(group)) {
      columns.add(new Column(flag.column(), null, flag, null));
    }
  }

  private static Map<String, Column> spellings() {
    List<Column> all = new ArrayList<>(WRITTEN);
    CtdcField months = CtdcField.TRAFFICK_MONTHS;
    all.add(new Column(months.column(), months, null, null));
    Map<String, Column> map = new HashMap<>();
    for (Column column : all) {
      for (String spelling : List.of(column.header(), truncate(column.header()))) {
        Column previous = map.put(spelling.toLowerCase(Locale.ROOT), column);
        if (previous != null && previous != column) {
          throw new IllegalStateException("two CTDC columns share the spelling " + spelling);
        }
      }
    }
    return Collections.unmodifiableMap(map);
  }
}
