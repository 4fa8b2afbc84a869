package org.palermo.linkage.engine;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

/**
 * Blocking: which pairs are compared at all. A pair is a candidate when the two records share the
 * key of at least one rule (a union of rules, so that an error in one field does not lose the
 * pair). Each candidate is produced once: under rule k a pair that shares the key of an earlier
 * rule is skipped, as Splink does. A block (records sharing one key) of more than {@code maxBlock}
 * records is skipped for that rule: so common a key says little, and its pairs would cost more than
 * all the others; the other rules still find its true pairs.
 */
public final class Blocking {
  /** The rules, in order; their names appear in docs/linkage.md. */
  public enum Rule {
    /** Birth year and the first two letters of the latin family name. */
    YEAR_AND_FAMILY_PREFIX,
    /** Double Metaphone code of the family name and initial of the given name. */
    FAMILY_SOUND_AND_GIVEN_INITIAL,
    /** The whole birth date. */
    BIRTH_DATE,
    /** The document number. */
    DOCUMENT_NUMBER,
    /** Postcode and initial of the given name. */
    POSTCODE_AND_GIVEN_INITIAL,
    /** The consonant skeletons of both names, in either order (swaps, other scripts). */
    NAME_SKELETONS,
    /** Double Metaphone code of the given name and birth year. */
    GIVEN_SOUND_AND_YEAR,
    /** Latin given name and first letter of the family name (a misspelt family, no date). */
    GIVEN_AND_FAMILY_INITIAL,
    /** Month and day of birth and first letter of the family name (a year off by one). */
    MONTH_DAY_AND_FAMILY_INITIAL,
    /** Skeleton of the family name and citizenship (no given name, no date). */
    FAMILY_SKELETON_AND_CITIZENSHIP
  }

  /** Receives candidate pairs, from several threads at once. */
  @FunctionalInterface
  public interface PairSink {
    void accept(int i, int j);
  }

  public static final int DEFAULT_MAX_BLOCK = 500;

  private final Prepared[] records;
  private final boolean acrossSidesOnly;
  private final int maxBlock;
  private final long[][] keys;
  private final long[][] sorted;
  private final int[][] starts;
  private final int[][] blockSizes;
  private final int indexBits;
  private final long indexMask;

  Blocking(Prepared[] records, boolean acrossSidesOnly, int maxBlock) {
    this.records = records;
    this.acrossSidesOnly = acrossSidesOnly;
    this.maxBlock = maxBlock;
    Rule[] rules = Rule.values();
    this.keys = new long[rules.length][];
    this.sorted = new long[rules.length][];
    this.starts = new int[rules.length][];
    this.blockSizes = new int[rules.length][];
    this.indexBits = Math.max(1, 64 - Long.numberOfLeadingZeros(Math.max(1, records.length - 1)));
    this.indexMask = (1L << indexBits) - 1;
    for (Rule rule : rules) {
      long[] k = new long[records.length];
      IntStream.range(0, records.length).parallel().forEach(i -> k[i] = key(rule, records[i]));
      keys[rule.ordinal()] = k;
      // sort by key (its high bits) with the index in the low bits; equal high bits = one block
      long[] s =
          IntStream.range(0, records.length)
              .filter(i -> k[i] != 0)
              .mapToLong(i -> (k[i] << indexBits) | i)
              .toArray();
      Arrays.parallelSort(s);
      sorted[rule.ordinal()] = s;
      int[] st = runStarts(s);
      starts[rule.ordinal()] = st;
      int[] sizes = new int[records.length];
      for (int run = 0; run < st.length - 1; run++) {
        for (int x = st[run]; x < st[run + 1]; x++) {
          sizes[(int) (s[x] & indexMask)] = st[run + 1] - st[run];
        }
      }
      blockSizes[rule.ordinal()] = sizes;
    }
  }

  /** The key of a record under a rule, or 0 when the record lacks what the rule needs. */
  static long key(Rule rule, Prepared p) {
    return switch (rule) {
      case YEAR_AND_FAMILY_PREFIX ->
          p.year == 0 || p.family.isEmpty()
              ? 0
              : hash(rule, p.year, p.family.substring(0, Math.min(2, p.family.length())));
      case FAMILY_SOUND_AND_GIVEN_INITIAL ->
          p.familyPhonetic.isEmpty() || p.given.isEmpty()
              ? 0
              : hash(rule, p.givenInitial(), p.familyPhonetic);
      case BIRTH_DATE -> p.year == 0 ? 0 : hash(rule, p.year * 10000 + p.month * 100 + p.day, "");
      case DOCUMENT_NUMBER -> p.document.isEmpty() ? 0 : hash(rule, 0, p.document);
      case POSTCODE_AND_GIVEN_INITIAL ->
          p.postcode.isEmpty() || p.given.isEmpty() ? 0 : hash(rule, p.givenInitial(), p.postcode);
      case NAME_SKELETONS -> {
        if (p.givenSkeleton.isEmpty() || p.familySkeleton.isEmpty()) {
          yield 0;
        }
        boolean inOrder = p.givenSkeleton.compareTo(p.familySkeleton) <= 0;
        String first = inOrder ? p.givenSkeleton : p.familySkeleton;
        String second = inOrder ? p.familySkeleton : p.givenSkeleton;
        yield hash(rule, first.hashCode(), second);
      }
      case GIVEN_SOUND_AND_YEAR ->
          p.givenPhonetic.isEmpty() || p.year == 0 ? 0 : hash(rule, p.year, p.givenPhonetic);
      case GIVEN_AND_FAMILY_INITIAL ->
          p.given.isEmpty() || p.family.isEmpty() ? 0 : hash(rule, p.family.charAt(0), p.given);
      case MONTH_DAY_AND_FAMILY_INITIAL ->
          p.year == 0 || p.family.isEmpty()
              ? 0
              : hash(rule, p.month * 100 + p.day, p.family.substring(0, 1));
      case FAMILY_SKELETON_AND_CITIZENSHIP ->
          p.familySkeleton.isEmpty() || p.citizenship.isEmpty()
              ? 0
              : hash(rule, p.citizenship.hashCode(), p.familySkeleton);
    };
  }

  private static long hash(Rule rule, int n, String s) {
    long h = 0xcbf29ce484222325L ^ (rule.ordinal() + 1L) * 0x9E3779B97F4A7C15L;
    h = (h ^ n) * 0x100000001b3L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h;
  }

  /** Calls the sink once for every candidate pair (i less than j), in parallel. */
  public void forEachCandidate(PairSink sink) {
    for (Rule rule : Rule.values()) {
      int r = rule.ordinal();
      long[] s = sorted[r];
      int[] starts = this.starts[r];
      IntStream.range(0, starts.length - 1)
          .parallel()
          .forEach(
              run -> {
                int from = starts[run];
                int to = starts[run + 1];
                if (to - from < 2 || to - from > maxBlock) {
                  return;
                }
                for (int x = from; x < to; x++) {
                  int a = (int) (s[x] & indexMask);
                  for (int y = x + 1; y < to; y++) {
                    int b = (int) (s[y] & indexMask);
                    if (keys[r][a] != keys[r][b]) {
                      continue; // the same truncated key, not the same key
                    }
                    if (acrossSidesOnly && records[a].side == records[b].side) {
                      continue;
                    }
                    if (earlierRuleShares(r, a, b)) {
                      continue;
                    }
                    if (a < b) {
                      sink.accept(a, b);
                    } else {
                      sink.accept(b, a);
                    }
                  }
                }
              });
    }
  }

  /** How many candidate pairs there are. */
  public long count() {
    LongAdder n = new LongAdder();
    forEachCandidate((i, j) -> n.increment());
    return n.sum();
  }

  private boolean earlierRuleShares(int r, int a, int b) {
    for (int e = 0; e < r; e++) {
      long ka = keys[e][a];
      if (ka != 0 && ka == keys[e][b] && blockSizes[e][a] <= maxBlock) {
        return true;
      }
    }
    return false;
  }

  private int[] runStarts(long[] s) {
    int[] starts = new int[s.length + 1];
    int n = 0;
    for (int x = 0; x < s.length; x++) {
      if (x == 0 || (s[x] >>> indexBits) != (s[x - 1] >>> indexBits)) {
        starts[n++] = x;
      }
    }
    starts[n++] = s.length;
    return Arrays.copyOf(starts, n);
  }
}
