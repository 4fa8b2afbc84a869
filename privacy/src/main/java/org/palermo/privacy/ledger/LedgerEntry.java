package org.palermo.privacy.ledger;

import java.time.Instant;

/**
 * One charge against a dataset's budget, appended and never changed.
 *
 * @param dataset the dataset charged
 * @param sequence position in the dataset's ledger, 0 for the first charge, without gaps
 * @param cost the ε and δ spent
 * @param purpose what was released, for the record
 * @param releasedBy who made the release
 * @param chargedAt when, from the injected clock
 */
public record LedgerEntry(
    DatasetId dataset,
    long sequence,
    PrivacyCost cost,
    String purpose,
    String releasedBy,
    Instant chargedAt) {
  public LedgerEntry {
    if (dataset == null || cost == null || chargedAt == null) {
      throw new IllegalArgumentException("dataset, cost and time are required");
    }
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must not be negative");
    }
    if (releasedBy == null || releasedBy.isBlank()) {
      throw new IllegalArgumentException("releasedBy must name who made the release");
    }
    purpose = purpose == null ? "" : purpose;
  }
}
