package org.palermo.privacy.ledger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A ledger store in memory, for tests and single-process tools; safe for concurrent use. */
public final class InMemoryLedgerStore implements LedgerStore {
  private final Map<DatasetId, List<LedgerEntry>> entries = new HashMap<>();

  @Override
  public synchronized List<LedgerEntry> entries(DatasetId dataset) {
    return List.copyOf(entries.getOrDefault(dataset, List.of()));
  }

  @Override
  public synchronized void append(LedgerEntry entry) {
    List<LedgerEntry> list = entries.computeIfAbsent(entry.dataset(), d -> new ArrayList<>());
    if (entry.sequence() != list.size()) {
      throw new LedgerConflictException(
          "dataset " + entry.dataset() + " already has an entry " + entry.sequence());
    }
    list.add(entry);
  }
}
