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
    long[] strides = new long[dims.length];
    long stride = 1;
    for (int d = 0; d < dims.length; d++) {
      strides[d] = stride;
      stride = Math.multiplyExact(stride, dims[d].radix());
    }
    long[] keys = new long[n];
    for (int d = 0; d < dims.length; d++) {
      for (int i = 0; i < n; i++) {
        keys[i] += codes[d][i] * strides[d];
      }
      codes[d] = null;
    }
    long maxOutliers = (long) Math.floor(policy.maxSuppressionRate() * n);
    LatticeSearch search = new LatticeSearch(dims, strides, n, policy.k(), maxOutliers);
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
    return release(records, policy, qis, dims, strides, keys, base, best);
  }

  private static KAnonymisation release(
      List<CtdcRecord> records,
      KAnonymityPolicy policy,
      List<QuasiIdentifier> qis,
      Dimension[] dims,
      long[] strides,
      long[] keys,
      Histogram base,
      LatticeSearch.Result best) {
    int k = policy.k();
    int[] lv = best.levels();
    Histogram.Builder builder = new Histogram.Builder(base.size());
    long[] baseToNode = new long[base.size()];
    for (int i = 0; i < base.size(); i++) {
      baseToNode[i] = nodeKey(base.keys[i], dims, strides, lv);
      builder.add(baseToNode[i], base.counts[i]);
    }
    Histogram classes = builder.build().sorted();
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

  private static long nodeKey(long key0, Dimension[] dims, long[] strides, int[] lv) {
    long key = 0;
    for (int d = 0; d < dims.length; d++) {
      int code0 = (int) ((key0 / strides[d]) % dims[d].radix());
      key += dims[d].toLevel[lv[d]][code0] * strides[d];
    }
    return key;
  }
}
