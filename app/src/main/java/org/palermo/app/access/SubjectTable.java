package org.palermo.app.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One table's part in the data-subject access export (GDPR art. 15), declared by the module that
 * owns the table: which row belongs to the person ({@link Key}), which columns the person is given,
 * and which are withheld and why. A column that is in neither list fails {@code
 * SubjectAccessAllowlistIT}, so a column added later reaches no one by default. A given column
 * ending in {@code _sealed} is given opened, under the name without the suffix.
 */
public record SubjectTable(
    String table, Key key, List<String> given, Map<String, Withheld> withheld) {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

  /** How a row belongs to the person. */
  public enum Key {
    /** The person record itself, by its {@code id}. */
    PERSON,
    /** A row of the person, by {@code person_id}. */
    PERSON_ID,
    /** A row of one of the person's cases, by {@code case_id}. */
    CASE_ID;

    public String column() {
      return this == PERSON ? "id" : this == PERSON_ID ? "person_id" : "case_id";
    }
  }

  /** Why a column is not given. */
  public enum Withheld {
    /** The plaintext column emptied when the value was sealed; the value is given opened. */
    EMPTIED_BY_SEALING,
    /** Key material or a keyed search token: nothing readable, and it would weaken the seal. */
    KEY_MATERIAL,
    /** Bookkeeping of the software (a version counter, an idempotency key, a marker). */
    BOOKKEEPING,
    /** An encrypted file; the file itself is given opened through the attachment download. */
    ENCRYPTED_FILE,
    /**
     * Another person's data (the name of a linked person, a link to their case): given only after
     * the data-protection officer has weighed it (GDPR art. 15(4)).
     */
    THIRD_PARTY,
    /** Given in another section of the export (e.g. who saw the record: {@code seenBy}). */
    GIVEN_ELSEWHERE,
    /** The whole table is withheld for the reason on its other columns. */
    WHOLE_TABLE
  }

  public SubjectTable {
    Objects.requireNonNull(key);
    given = List.copyOf(given);
    withheld = Map.copyOf(withheld);
    for (String name : concat(List.of(table), given, List.copyOf(withheld.keySet()))) {
      if (!IDENTIFIER.matcher(name).matches()) {
        throw new IllegalArgumentException("not an SQL identifier: " + name);
      }
    }
    if (!given.isEmpty() && !given.contains(key.column())) {
      throw new IllegalArgumentException(table + " must give its key column " + key.column());
    }
  }

  /** A table of rows keyed as {@code key}, giving the named columns. */
  public static SubjectTable of(String table, Key key, String... given) {
    return new SubjectTable(table, key, List.of(given), Map.of());
  }

  /** A table whose every column is withheld (it is still classified, column by column). */
  public static SubjectTable withheldTable(String table, Key key, Withheld why, String... columns) {
    Map<String, Withheld> all = new LinkedHashMap<>();
    for (String c : columns) {
      all.put(c, why);
    }
    return new SubjectTable(table, key, List.of(), all);
  }

  /** The same table, with these columns withheld for that reason. */
  public SubjectTable withholding(Withheld why, String... columns) {
    Map<String, Withheld> more = new LinkedHashMap<>(withheld);
    for (String c : columns) {
      more.put(c, why);
    }
    return new SubjectTable(table, key, given, more);
  }

  private static List<String> concat(List<String> a, List<String> b, List<String> c) {
    return java.util.stream.Stream.of(a, b, c).flatMap(List::stream).toList();
  }
}
