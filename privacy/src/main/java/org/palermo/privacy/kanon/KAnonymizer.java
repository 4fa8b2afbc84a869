package org.palermo.privacy.kanon;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.palermo.privacy.ctdc.CtdcRecord;

/**
 * Makes a CTDC microdata file k-anonymous over the declared quasi-identifiers: it searches every
 * full-domain generalisation, suppresses the records left in classes smaller than k (their
 * quasi-identifiers become {@code -99}, or they are dropped when the suppressed records would
 * themselves form a class smaller than k), and keeps the generalisation with the least normalised
 * certainty penalty.
 */
public final class KAnonymizer {

  /** Anonymises records under a policy; the input is not modified. */
  public KAnonymisation anonymise(List<CtdcRecord> records, KAnonymityPolicy policy) {
    List<QuasiIdentifier> qis = new ArrayList<>(policy.quasiIdentifiers());
    int n = records.size();
    Dimension[] dims = new Dimension[qis.size()];
    int[][] codes = new int[qis.size()][n];
    for (int d = 0; d < dims.length; d++) {
      dims[d] = new Dimension(qis.get(d));
      for (int i = 0; i < n; i++) {
        codes[d][i] = dims[d].encode(Hierarchies.value(qis.get(d), records.get(i)));
      }
      dims[d].freeze();
    }
    int[] shifts = new int[dims.length];
    long[] masks = new long[dims.length];
    int shift = 0;
    for (int d = 0; d < dims.length; d++) {
      int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(dims[d].radix() - 1));
      shifts[d] = shift;
      masks[d] = (1L << bits) - 1;
      shift += bits;
    }
    if (shift > 63) {
      throw new IllegalArgumentException("too many distinct quasi-identifier values to pack");
    }
    long[] keys = new long[n];
    for (int d = 0; d < dims.length; d++) {
      for (int i = 0; i < n; i++) {
        keys[i] |= (long) codes[d][i] << shifts[d];
      }
      codes[d] = null;
    }
    long maxOutliers = (long) Math.floor(policy.maxSuppressionRate() * n);
    LatticeSearch search = new LatticeSearch(dims, shifts, masks, n, policy.k(), maxOutliers);
    Histogram base = Histogram.ofKeys(keys);
    LatticeSearch.Result best = search.run(base);
    if (best == null) {
      throw new KAnonymityUnattainableException(
          "no generalisation makes "
              + n
              + " records "
              + policy.k()
              + "-anonymous while suppressing at most "
              + maxOutliers);
    }
    return release(records, policy, qis, dims, shifts, masks, keys, base, best);
  }

  private static KAnonymisation release(
      List<CtdcRecord> records,
      KAnonymityPolicy policy,
      List<QuasiIdentifier> qis,
      Dimension[] dims,
      int[] shifts,
      long[] masks,
      long[] keys,
      Histogram base,
      LatticeSearch.Result best) {
    int k = policy.k();
    int[] lv = best.levels();
    Histogram.Grouper grouper = new Histogram.Grouper();
    grouper.reset(base.size());
    long[] baseToNode = new long[base.size()];
    for (int i = 0; i < base.size(); i++) {
      baseToNode[i] = nodeKey(base.keys[i], dims, shifts, masks, lv);
      grouper.add(baseToNode[i], base.counts[i]);
    }
    Histogram classes = grouper.build().sorted();
    long allMissing = classes.countOf(0L);
    boolean drop = best.outliers() > 0 && best.outliers() + (allMissing >= k ? allMissing : 0) < k;
    List<CtdcRecord> released = new ArrayList<>(records.size());
    BitSet suppressed = new BitSet();
    for (int i = 0; i < records.size(); i++) {
      int baseIndex = java.util.Arrays.binarySearch(base.keys, keys[i]);
      boolean outlier = classes.countOf(baseToNode[baseIndex]) < k;
      if (outlier && drop) {
        continue;
      }
      if (outlier) {
        suppressed.set(released.size());
      }
      released.add(records.get(i));
    }
    java.util.Map<QuasiIdentifier, Integer> levels = new java.util.EnumMap<>(QuasiIdentifier.class);
    for (int d = 0; d < qis.size(); d++) {
      levels.put(qis.get(d), lv[d]);
    }
    double cells = (double) records.size() * qis.size();
    InformationLoss loss =
        new InformationLoss(cells == 0 ? 0 : best.penalty() / cells, best.discernibility());
    return new KAnonymisation(
        released,
        suppressed,
        new Generalisation(levels),
        policy,
        records.size(),
        drop ? 0 : best.outliers(),
        drop ? best.outliers() : 0,
        loss,
        best.latticeSize());
  }

  private static long nodeKey(long key0, Dimension[] dims, int[] shifts, long[] masks, int[] lv) {
    long key = 0;
    for (int d = 0; d < dims.length; d++) {
      int code0 = (int) ((key0 >>> shifts[d]) & masks[d]);
      key |= (long) dims[d].toLevel[lv[d]][code0] << shifts[d];
    }
    return key;
  }
}
