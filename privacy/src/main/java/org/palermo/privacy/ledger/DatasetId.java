package org.palermo.privacy.ledger;

/**
 * The dataset whose privacy budget a release spends.
 *
 * @param value the identifier, not blank
 */
public record DatasetId(String value) {
  public DatasetId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a dataset id must not be blank");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
