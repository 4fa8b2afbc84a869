package org.palermo.privacy.ledger;

import java.util.List;

/**
 * Where ledger entries are kept. Implementations must make {@link #append} fail with {@link
 * LedgerConflictException} when the dataset already has an entry with that sequence number (a
 * database does this with a primary key on dataset and sequence), so that two concurrent releases
 * cannot both spend the last of a budget.
 */
public interface LedgerStore {

  /** The dataset's entries in sequence order, 0, 1, 2 and so on; empty if none. */
  List<LedgerEntry> entries(DatasetId dataset);

  /**
   * Appends an entry whose sequence is the number of entries the dataset had when read.
   *
   * @throws LedgerConflictException if another entry took that sequence number first
   */
  void append(LedgerEntry entry);
}
