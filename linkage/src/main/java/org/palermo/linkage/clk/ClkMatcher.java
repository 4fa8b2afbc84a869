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
 * (ClkMatcherTest): balanced encodings of the same person score 0.85 to 1, of different persons
 * about 0.6 to 0.8. The score written in the probability column is the Dice similarity.
 */
public final class ClkMatcher {
  public static final double DEFAULT_THRESHOLD = 0.85;

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
    List<Pair> candidates = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
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
          if (seen.add(((long) i << 32) | j)) {
            double dice = Bits.dice(left.get(i).bits(), right.get(j).bits());
            if (dice >= threshold) {
              candidates.add(new Pair(left.get(i).id(), right.get(j).id(), dice));
            }
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
   * The number of bits a band samples: chosen so that two random encodings of the files' mean
   * density agree on a band with probability about 1 in 2^20, while two encodings that differ in a
   * tenth of the bits the threshold allows still agree on one of the {@value #BANDS} bands most of
   * the time.
   */
  static int bandWidth(List<Encoded> left, List<Encoded> right, int length) {
    long ones = 0;
    long n = 0;
    for (List<Encoded> side : List.of(left, right)) {
      for (int i = 0; i < side.size(); i += Math.max(1, side.size() / 1000)) {
        for (long w : side.get(i).bits()) {
          ones += Long.bitCount(w);
        }
        n++;
      }
    }
    double p = n == 0 ? 0.5 : (double) ones / (n * (double) length);
    double agree = p * p + (1 - p) * (1 - p); // two unrelated bits are equal
    int r = (int) Math.ceil(20 / -Math.log(agree) * Math.log(2));
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
