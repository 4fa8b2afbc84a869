package org.palermo.finance.rules;

/**
 * Counts distinct int tags in one pass with a reusable open-addressing table (a generation stamp
 * clears it in O(1)), so that a window of thousands of events costs linear time and no allocation.
 * One per rule; a rule runs on one thread.
 */
final class Distinct {
  private int[] keys = new int[64];
  private int[] stamps = new int[64];
  private int generation;

  /**
   * How many distinct non-negative {@code a} tags the events with {@code b == onlyB} carry (any b
   * if -1).
   */
  int count(Ring ring, int onlyB) {
    if (ring.size() * 2 > keys.length) {
      int n = Integer.highestOneBit(ring.size() * 2) << 1;
      keys = new int[n];
      stamps = new int[n];
      generation = 0;
    }
    generation++;
    if (generation == Integer.MAX_VALUE) {
      java.util.Arrays.fill(stamps, 0);
      generation = 1;
    }
    int mask = keys.length - 1;
    int distinct = 0;
    for (int i = 0; i < ring.size(); i++) {
      int v = ring.a(i);
      if (v < 0 || (onlyB >= 0 && ring.b(i) != onlyB)) {
        continue;
      }
      int slot = (v * 0x9E3779B9) >>> 7 & mask;
      while (stamps[slot] == generation && keys[slot] != v) {
        slot = (slot + 1) & mask;
      }
      if (stamps[slot] != generation) {
        stamps[slot] = generation;
        keys[slot] = v;
        distinct++;
      }
    }
    return distinct;
  }
}
