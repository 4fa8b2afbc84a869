package org.palermo.privacy.dp;

/**
 * One person's presence in one cell of a count table.
 *
 * @param personId a pseudonymous identifier of the person (never published)
 * @param row the row label
 * @param column the column label
 */
public record Contribution(String personId, String row, String column) {
  public Contribution {
    if (personId == null || row == null || column == null) {
      throw new IllegalArgumentException("person, row and column are required");
    }
  }
}
