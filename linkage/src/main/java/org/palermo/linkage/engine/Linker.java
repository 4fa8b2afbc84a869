package org.palermo.linkage.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.palermo.linkage.LinkageRecord;
import org.palermo.linkage.Pair;

/**
 * The probabilistic matching engine (docs/linkage.md). {@link #dedupe} finds the records of one
 * person in one list, {@link #match} across two lists. Training is unsupervised and happens on the
 * data given:
 *
 * <ol>
 *   <li>each record is prepared once (latin keys, skeletons, phonetic codes: {@link Prepared});
 *   <li>u, the probability of each level among pairs of two people, is estimated on pairs drawn at
 *       random (all pairs when there are few), where almost every pair is two people;
 *   <li>the candidate pairs of {@link Blocking} are sampled and their comparison vectors given to
 *       {@link Em}, started from u and from default m values; EM estimates m, u and the share of
 *       matches among candidates. m comes from EM; u is kept from random sampling, because among
 *       candidates the blocked fields agree more often than among all pairs of two people;
 *   <li>the prior odds that two records drawn at random are one person is the expected number of
 *       matches among candidates over all pairs;
 *   <li>every candidate pair is scored ({@link Model}); pairs at or above the threshold are
 *       matches.
 * </ol>
 *
 * Deterministic: the random draws use a fixed seed.
 */
public final class Linker {
  /**
   * The default match threshold: a pair is called a match at a match probability of 0.9 or more
   * (docs/linkage.md says why).
   */
  public static final double DEFAULT_THRESHOLD = 0.9;

  static final int U_SAMPLE = 300_000;
  static final int EM_SAMPLE = 200_000;

  /**
   * The frequency of a name is counted as if 1,000 more records held names at the usual chance of
   * agreement: in a file of ten records, two "Maria" do not make Maria a name one person in five
   * bears; in a million records the pseudo-records weigh nothing.
   */
  static final double TF_PSEUDO = 1000;

  private final Prepared[] records;
  private final boolean twoFiles;
  private final Blocking blocking;
  private final Model model;
  private final Map<String, Integer> leftIndex = new HashMap<>();
  private final Map<String, Integer> rightIndex = new HashMap<>();
  private final long candidates;
  private final Em.Estimate estimate;

  private Linker(List<LinkageRecord> left, List<LinkageRecord> right, int maxBlock) {
    this.twoFiles = right != null;
    int nl = left.size();
    int n = nl + (right == null ? 0 : right.size());
    records = new Prepared[n];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i ->
                records[i] =
                    i < nl ? new Prepared(left.get(i), 0) : new Prepared(right.get(i - nl), 1));
    for (int i = 0; i < n; i++) {
      (records[i].side == 0 ? leftIndex : rightIndex).put(records[i].id, i);
    }
    termFrequencies(records);
    blocking = new Blocking(records, twoFiles, maxBlock);
    double[][] u = randomU();
    candidates = blocking.count();
    estimate = em(u);
    double totalPairs = twoFiles ? (double) nl * (n - nl) : (double) n * (n - 1) / 2.0;
    double expected = Math.max(1.0, estimate.lambda() * candidates);
    double prior = totalPairs <= expected ? 10 : Model.log2(expected / (totalPairs - expected));
    model = new Model(estimate.m(), u, prior);
  }

  /** Trains on one list, to find the records of one person in it. */
  public static Linker dedupe(List<LinkageRecord> records) {
    return new Linker(records, null, Blocking.DEFAULT_MAX_BLOCK);
  }

  /** Trains on two lists, to find the records of one person across them. */
  public static Linker match(List<LinkageRecord> left, List<LinkageRecord> right) {
    return new Linker(left, right, Blocking.DEFAULT_MAX_BLOCK);
  }

  public Model model() {
    return model;
  }

  /** The EM estimate (m, u and the share of matches among candidate pairs) and its iterations. */
  public Em.Estimate estimate() {
    return estimate;
  }

  /** How many pairs blocking gave to compare. */
  public long candidatePairs() {
    return candidates;
  }

  /**
   * The pairs called a match at the threshold, with their probability, ordered by left id then
   * right id. For two lists the left id is from the left list; for one list the lesser id comes
   * first.
   */
  public List<Pair> pairs(double threshold) {
    ConcurrentLinkedQueue<Pair> out = new ConcurrentLinkedQueue<>();
    double cut =
        threshold >= 1 ? Double.POSITIVE_INFINITY : Model.log2(threshold / (1 - threshold));
    blocking.forEachCandidate(
        (i, j) -> {
          double w = model.matchWeight(records[i], records[j]);
          if (w >= cut) {
            out.add(pair(records[i], records[j], Model.probability(w)));
          }
        });
    List<Pair> pairs = new ArrayList<>(out);
    pairs.sort(Comparator.comparing(Pair::leftId).thenComparing(Pair::rightId));
    return pairs;
  }

  private Pair pair(Prepared a, Prepared b, double p) {
    if (twoFiles) {
      return a.side == 0 ? new Pair(a.id, b.id, p) : new Pair(b.id, a.id, p);
    }
    return a.id.compareTo(b.id) <= 0 ? new Pair(a.id, b.id, p) : new Pair(b.id, a.id, p);
  }

  /**
   * Why two records score as they do, whether or not blocking made them a candidate. For two lists
   * leftId is from the left list.
   */
  public Explanation explain(String leftId, String rightId) {
    Integer i = leftIndex.get(leftId);
    Integer j = twoFiles ? rightIndex.get(rightId) : leftIndex.get(rightId);
    if (i == null || j == null) {
      throw new IllegalArgumentException("no such record");
    }
    Prepared a = records[i];
    Prepared b = records[j];
    List<Explanation.Term> terms = new ArrayList<>();
    double w = model.priorLog2Odds();
    for (Comparison c : Comparison.ALL) {
      int l = c.level(a, b);
      double cw = l < 0 ? 0 : model.weight(c, l, a, b);
      w += cw;
      boolean names = c == Comparison.GIVEN_NAME || c == Comparison.FAMILY_NAME;
      String sa = names ? (c == Comparison.GIVEN_NAME ? a.givenScript : a.familyScript) : null;
      String sb = names ? (c == Comparison.GIVEN_NAME ? b.givenScript : b.familyScript) : null;
      terms.add(
          new Explanation.Term(
              c,
              l,
              l < 0 ? "unknown" : c.levels().get(l),
              cw,
              sa,
              sb,
              names && l == 0 && cw != model.weight(c, 0)));
    }
    return new Explanation(Model.probability(w), model.priorLog2Odds(), List.copyOf(terms));
  }

  /**
   * The frequency of each given and family name (its latin key) among the records, for the
   * term-frequency adjustment of {@link Model}.
   */
  private static void termFrequencies(Prepared[] records) {
    Map<String, Integer> given = new HashMap<>();
    Map<String, Integer> family = new HashMap<>();
    int ng = 0;
    int nf = 0;
    for (Prepared p : records) {
      if (!p.given.isEmpty()) {
        given.merge(p.given, 1, Integer::sum);
        ng++;
      }
      if (!p.family.isEmpty()) {
        family.merge(p.family, 1, Integer::sum);
        nf++;
      }
    }
    double gu = Defaults.u(Comparison.GIVEN_NAME)[0];
    double fu = Defaults.u(Comparison.FAMILY_NAME)[0];
    for (Prepared p : records) {
      p.givenTf = p.given.isEmpty() ? 0 : (given.get(p.given) + TF_PSEUDO * gu) / (ng + TF_PSEUDO);
      p.familyTf =
          p.family.isEmpty() ? 0 : (family.get(p.family) + TF_PSEUDO * fu) / (nf + TF_PSEUDO);
    }
  }

  /** u from pairs drawn at random (every pair when there are fewer than the sample size). */
  private double[][] randomU() {
    Comparison[] cs = Comparison.values();
    double[][] counts = new double[cs.length][];
    for (Comparison c : cs) {
      counts[c.ordinal()] = new double[c.levelCount()];
    }
    int n = records.length;
    int nl = leftIndex.size();
    double total = twoFiles ? (double) nl * (n - nl) : (double) n * (n - 1) / 2.0;
    if (total <= U_SAMPLE) {
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          if (!twoFiles || records[i].side != records[j].side) {
            count(counts, records[i], records[j]);
          }
        }
      }
    } else {
      SplittableRandom random = new SplittableRandom(20261208L);
      for (int s = 0; s < U_SAMPLE; s++) {
        int i;
        int j;
        if (twoFiles) {
          i = random.nextInt(nl);
          j = nl + random.nextInt(n - nl);
        } else {
          i = random.nextInt(n);
          j = random.nextInt(n - 1);
          if (j >= i) {
            j++;
          }
        }
        count(counts, records[i], records[j]);
      }
    }
    double[][] u = new double[cs.length][];
    for (Comparison c : cs) {
      double[] k = counts[c.ordinal()];
      double sum = 0;
      for (double v : k) {
        sum += v;
      }
      u[c.ordinal()] = new double[k.length];
      double[] fallback = Defaults.u(c);
      for (int l = 0; l < k.length; l++) {
        // half a pseudo-pair at the default keeps an unseen level above 0
        u[c.ordinal()][l] = (k[l] + 0.5 * fallback[l]) / (sum + 0.5);
      }
    }
    return u;
  }

  private static void count(double[][] counts, Prepared a, Prepared b) {
    for (Comparison c : Comparison.ALL) {
      int l = c.level(a, b);
      if (l >= 0) {
        counts[c.ordinal()][l]++;
      }
    }
  }

  private Em.Estimate em(double[][] u) {
    double rate = candidates <= EM_SAMPLE ? 1.0 : EM_SAMPLE / (double) candidates;
    long threshold = (long) (rate * (1L << 53));
    ConcurrentHashMap<Long, long[]> patterns = new ConcurrentHashMap<>();
    blocking.forEachCandidate(
        (i, j) -> {
          if (rate < 1.0 && (mix((long) i * 0x9E3779B97F4A7C15L + j) >>> 11) >= threshold) {
            return;
          }
          long p = 0;
          for (Comparison c : Comparison.ALL) {
            p |= (long) (c.level(records[i], records[j]) + 1) << (4 * c.ordinal());
          }
          patterns.computeIfAbsent(p, k -> new long[1]);
          synchronized (patterns.get(p)) {
            patterns.get(p)[0]++;
          }
        });
    // in pattern order, so that the sums of EM do not depend on the order threads finished in
    long[] keys = patterns.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    long[] counts = new long[keys.length];
    for (int k = 0; k < keys.length; k++) {
      counts[k] = patterns.get(keys[k])[0];
    }
    Comparison[] cs = Comparison.values();
    double[][] m0 = new double[cs.length][];
    for (Comparison c : cs) {
      m0[c.ordinal()] = Defaults.m(c);
    }
    Em.Estimate e = Em.estimate(keys, counts, m0, u, 0.3, false, 200);
    if (plausible(e)) {
      return e;
    }
    Em.Estimate share = Em.estimate(keys, counts, m0, u, 0.3, true, false, 200);
    return new Em.Estimate(m0, u, share.lambda(), share.iterations());
  }

  /**
   * Whether EM found matches, not another split: among the records of one person an exact family
   * name and an exact birth date must be more likely than a different one. EM on blocked pairs can
   * converge on a split by origin instead (same citizenship and common family name against the
   * rest); the default m values are used then (docs/linkage.md).
   */
  static boolean plausible(Em.Estimate e) {
    for (Comparison c : new Comparison[] {Comparison.FAMILY_NAME, Comparison.BIRTH_DATE}) {
      double[] m = e.m()[c.ordinal()];
      if (m[0] <= m[m.length - 1]) {
        return false;
      }
    }
    return e.lambda() < 0.95;
  }

  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
