package org.palermo.privacy.kanon;

import java.util.Arrays;

/**
 * The equivalence classes of one lattice node: packed quasi-identifier codes and the number of
 * records sharing them.
 */
final class Histogram {
  final long[] keys;
  final int[] counts;

  private Histogram(long[] keys, int[] counts) {
    this.keys = keys;
    this.counts = counts;
  }

  int size() {
    return keys.length;
  }

  /** Counts of each distinct key, ordered by key. */
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

  /** Count of a key, 0 if absent; the keys must be ordered (see {@link #sorted()}). */
  int countOf(long key) {
    int i = Arrays.binarySearch(keys, key);
    return i < 0 ? 0 : counts[i];
  }

  /** A copy ordered by key. */
  Histogram sorted() {
    long[] packed = new long[keys.length];
    Integer[] order = new Integer[keys.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
    int[] c = new int[keys.length];
    for (int i = 0; i < order.length; i++) {
      packed[i] = keys[order[i]];
      c[i] = counts[order[i]];
    }
    return new Histogram(packed, c);
  }

  /**
   * Sums counts per key in an open-addressing table that is reused from node to node: a slot is
   * live only if its stamp equals the current generation, so nothing is cleared between uses.
   */
  static final class Grouper {
    private long[] table = new long[0];
    private int[] values = new int[0];
    private int[] stamps = new int[0];
    private int[] used = new int[0];
    private int generation;
    private int mask;
    private int size;

    /** Starts a new grouping of at most {@code maxKeys} distinct keys. */
    void reset(int maxKeys) {
      int capacity = Integer.highestOneBit(Math.max(2, maxKeys) * 2 - 1) << 1;
      if (table.length < capacity) {
        table = new long[capacity];
        values = new int[capacity];
        stamps = new int[capacity];
      }
      if (used.length < maxKeys) {
        used = new int[maxKeys];
      }
      mask = capacity - 1;
      size = 0;
      generation++;
    }

    void add(long key, int count) {
      long h = key * 0x9E3779B97F4A7C15L;
      int i = (int) (h ^ (h >>> 29)) & mask;
      while (stamps[i] == generation && table[i] != key) {
        i = (i + 1) & mask;
      }
      if (stamps[i] == generation) {
        values[i] += count;
      } else {
        stamps[i] = generation;
        table[i] = key;
        values[i] = count;
        used[size++] = i;
      }
    }

    Histogram build() {
      long[] keys = new long[size];
      int[] counts = new int[size];
      for (int j = 0; j < size; j++) {
        keys[j] = table[used[j]];
        counts[j] = values[used[j]];
      }
      return new Histogram(keys, counts);
    }
  }
}
