package org.palermo.linkage.clk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.palermo.linkage.Pair;

/**
 * Matches two sets of encodings: candidates by locality-sensitive hashing for the Hamming distance
 * (bit sampling, Indyk and Motwani 1998; several bands of r sampled bit positions, a pair is a
 * candidate when one band agrees), then the Dice similarity of each candidate pair, then a
 * one-to-one assignment (greedy, the most similar pair first: each record of a file is at most in
 * one pair), keeping pairs at or above the threshold.
 *
 * <p>The default threshold {@value #DEFAULT_THRESHOLD} is measured on the synthetic population
 * (ClkMatcherTest, default weights): balanced encodings of the same person mostly score 0.85 to 1,
 * of different persons mostly 0.7 to 0.85 (a record's most similar other person rarely above
 * 0.875). The score written in the probability column is the Dice similarity.
 */
public final class ClkMatcher {
  public static final double DEFAULT_THRESHOLD = 0.875;

  /** The number of bands of the blocking. */
  static final int BANDS = 40;

  private final double threshold;

  public ClkMatcher(double threshold) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("the threshold must be above 0 and at most 1");
    }
    this.threshold = threshold;
  }

  /** One encoded record: an opaque id and its bits. */
  public record Encoded(String id, long[] bits) {}

  /** The pairs (left id, right id, Dice) at or above the threshold, one to one. */
  public List<Pair> match(List<Encoded> left, List<Encoded> right, int encodedLength) {
    int r = bandWidth(left, right, encodedLength);
    int[][] bands = bands(encodedLength, r);
    // a pair may agree on several bands: its similarity is then computed again (cheaper than
    // remembering every compared pair), and kept once
    List<Pair> candidates = new ArrayList<>();
    Set<Long> kept = new HashSet<>();
    for (int[] band : bands) {
      Map<Long, List<Integer>> buckets = new HashMap<>();
      for (int i = 0; i < left.size(); i++) {
        buckets.computeIfAbsent(signature(left.get(i).bits(), band), x -> new ArrayList<>()).add(i);
      }
      for (int j = 0; j < right.size(); j++) {
        List<Integer> bucket = buckets.get(signature(right.get(j).bits(), band));
        if (bucket == null) {
          continue;
        }
        for (int i : bucket) {
          double dice = Bits.dice(left.get(i).bits(), right.get(j).bits());
          if (dice >= threshold && kept.add(((long) i << 32) | j)) {
            candidates.add(new Pair(left.get(i).id(), right.get(j).id(), dice));
          }
        }
      }
    }
    candidates.sort(
        Comparator.comparingDouble(Pair::probability)
            .reversed()
            .thenComparing(Pair::leftId)
            .thenComparing(Pair::rightId));
    Set<String> usedLeft = new HashSet<>();
    Set<String> usedRight = new HashSet<>();
    List<Pair> pairs = new ArrayList<>();
    for (Pair p : candidates) {
      if (!usedLeft.contains(p.leftId()) && !usedRight.contains(p.rightId())) {
        usedLeft.add(p.leftId());
        usedRight.add(p.rightId());
        pairs.add(p);
      }
    }
    return pairs;
  }

  /**
   * The number of bits a band samples: chosen so that two unrelated encodings (the mean agreement
   * of sampled pairs of the two files) agree on a band with probability about 1 in 1000, while two
   * encodings at the threshold still agree on one of the {@value #BANDS} bands most of the time
   * (with the default weights about 15 bits: two encodings at the threshold 0.875 then agree on a
   * band with probability 0.875^15 = 0.13, on one of 40 bands with probability 0.997).
   */
  static int bandWidth(List<Encoded> left, List<Encoded> right, int length) {
    double agreement = 0;
    int n = Math.min(2_000, Math.min(left.size(), right.size()));
    for (int s = 0; s < n; s++) {
      long[] a = left.get(s).bits();
      long[] b = right.get((int) ((s * 7919L + 13) % right.size())).bits();
      int differ = 0;
      for (int w = 0; w < a.length; w++) {
        differ += Long.bitCount(a[w] ^ b[w]);
      }
      agreement += 1 - (double) differ / length;
    }
    double a = n == 0 ? 0.5 : Math.min(0.99, Math.max(0.5, agreement / n));
    int r = (int) Math.ceil(Math.log(1e-3) / Math.log(a));
    return Math.max(8, Math.min(64, r));
  }

  private static int[][] bands(int length, int r) {
    SplittableRandom random =
        new SplittableRandom(0x5eed_c1c1L); // public: blocking needs no secret
    int[][] bands = new int[BANDS][r];
    for (int[] band : bands) {
      for (int i = 0; i < r; i++) {
        band[i] = random.nextInt(length);
      }
    }
    return bands;
  }

  private static long signature(long[] bits, int[] band) {
    long s = 0;
    for (int pos : band) {
      s = (s << 1) | (Bits.get(bits, pos) ? 1 : 0);
    }
    return s;
  }
}
