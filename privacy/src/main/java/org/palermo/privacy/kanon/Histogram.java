package org.palermo.privacy.kanon;

import java.util.Arrays;

/**
 * The equivalence classes of one lattice node: packed quasi-identifier codes and the number of
 * records sharing them. Built through an open-addressing hash map from {@code long} to {@code int}.
 */
final class Histogram {
  private static final long EMPTY = -1L;

  final long[] keys;
  final int[] counts;

  private Histogram(long[] keys, int[] counts) {
    this.keys = keys;
    this.counts = counts;
  }

  int size() {
    return keys.length;
  }

  /** Counts of each distinct key in an array of non-negative keys. */
  static Histogram ofKeys(long[] recordKeys) {
    long[] sorted = recordKeys.clone();
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        distinct++;
      }
    }
    long[] keys = new long[distinct];
    int[] counts = new int[distinct];
    int j = -1;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        keys[++j] = sorted[i];
      }
      counts[j]++;
    }
    return new Histogram(keys, counts);
  }

  /** Count of a key, 0 if absent; the keys must be sorted (see {@link #sorted()}). */
  int countOf(long key) {
    int i = Arrays.binarySearch(keys, key);
    return i < 0 ? 0 : counts[i];
  }

  /** A copy ordered by key. */
  Histogram sorted() {
    Integer[] order = new Integer[keys.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
    long[] k = new long[keys.length];
    int[] c = new int[keys.length];
    for (int i = 0; i < order.length; i++) {
      k[i] = keys[order[i]];
      c[i] = counts[order[i]];
    }
    return new Histogram(k, c);
  }

  /** Accumulates counts per key. */
  static final class Builder {
    private long[] table;
    private int[] values;
    private int size;
    private int mask;

    Builder(int expected) {
      int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
      table = new long[capacity];
      values = new int[capacity];
      Arrays.fill(table, EMPTY);
      mask = capacity - 1;
    }

    void add(long key, int count) {
      int i = slot(key);
      while (table[i] != EMPTY && table[i] != key) {
        i = (i + 1) & mask;
      }
      if (table[i] == EMPTY) {
        table[i] = key;
        if (++size * 2 > table.length) {
          values[i] = count;
          grow();
          return;
        }
      }
      values[i] += count;
    }

    Histogram build() {
      long[] keys = new long[size];
      int[] counts = new int[size];
      int j = 0;
      for (int i = 0; i < table.length; i++) {
        if (table[i] != EMPTY) {
          keys[j] = table[i];
          counts[j++] = values[i];
        }
      }
      return new Histogram(keys, counts);
    }

    private int slot(long key) {
      long h = key * 0x9E3779B97F4A7C15L;
      return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
      long[] oldTable = table;
      int[] oldValues = values;
      table = new long[oldTable.length * 2];
      values = new int[oldTable.length * 2];
      Arrays.fill(table, EMPTY);
      mask = table.length - 1;
      size = 0;
      for (int i = 0; i < oldTable.length; i++) {
        if (oldTable[i] != EMPTY) {
          add(oldTable[i], oldValues[i]);
        }
      }
    }
  }
}
