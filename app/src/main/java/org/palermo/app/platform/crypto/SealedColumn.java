package org.palermo.app.platform.crypto;

/**
 * A free-text column that is sealed into {@code <column>_sealed} ({@link SealedText}); a module
 * declares its columns as beans so that {@link PlaintextSealing} seals the rows stored before the
 * column was sealed. The SQL fragments are constants of the declaring module, evaluated on the row
 * aliased {@code t}.
 *
 * @param table the table
 * @param column the plaintext column, emptied once sealed
 * @param recordId SQL giving the id of the record whose data key seals the text (e.g. {@code
 *     t.case_id})
 * @param rowKey SQL giving the row key bound into the associated data (e.g. {@code t.id::text})
 */
public record SealedColumn(String table, String column, String recordId, String rowKey) {

  /** A column of a table with {@code id} and {@code case_id}: sealed under the case's data key. */
  public static SealedColumn ofCase(String table, String column) {
    return new SealedColumn(table, column, "t.case_id", "t.id::text");
  }

  /** The column holding the sealed value. */
  public String sealedColumn() {
    return column + "_sealed";
  }
}
