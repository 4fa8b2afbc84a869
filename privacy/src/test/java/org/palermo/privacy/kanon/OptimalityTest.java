package org.palermo.privacy.kanon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.palermo.privacy.ctdc.CtdcRecord;
import org.palermo.privacy.ctdc.SyntheticCtdcGenerator;

/**
 * Checks the search against a brute force written from the definitions: every lattice node is
 * scored record by record with the normalised certainty penalty, and the engine must report the
 * least penalty among the nodes within the suppression limit.
 */
class OptimalityTest {

  @Test
  void chosenGeneralisationHasTheLeastPenaltyOfAllFeasibleNodes() {
    Set<QuasiIdentifier> qis =
        EnumSet.of(
            QuasiIdentifier.GENDER,
            QuasiIdentifier.AGE_BROAD,
            QuasiIdentifier.CITIZENSHIP,
            QuasiIdentifier.YEAR_OF_REGISTRATION,
            QuasiIdentifier.EXPLOITATION_TYPE);
    for (long seed = 1; seed <= 5; seed++) {
      for (double rate : new double[] {0.0, 0.02, 0.1}) {
        List<CtdcRecord> records = new SyntheticCtdcGenerator(seed, 25, 1.2).generate(400);
        KAnonymityPolicy policy = new KAnonymityPolicy(5, qis, rate);

        KAnonymisation release = new KAnonymizer().anonymise(records, policy);

        double bruteForce = bestPenalty(records, policy);
        assertThat(release.loss().normalisedCertaintyPenalty())
            .as("seed=%d rate=%s", seed, rate)
            .isCloseTo(bruteForce, within(1e-9));
        assertThat(penalty(records, policy, release.generalisation().levels()))
            .as("seed=%d rate=%s: the reported loss is the loss of the chosen node", seed, rate)
            .isCloseTo(bruteForce, within(1e-9));
      }
    }
  }

  private static double bestPenalty(List<CtdcRecord> records, KAnonymityPolicy policy) {
    List<QuasiIdentifier> qis = new ArrayList<>(policy.quasiIdentifiers());
    int[] levels = new int[qis.size()];
    double best = Double.MAX_VALUE;
    while (true) {
      Map<QuasiIdentifier, Integer> node = new HashMap<>();
      for (int d = 0; d < qis.size(); d++) {
        node.put(qis.get(d), levels[d]);
      }
      best = Math.min(best, penalty(records, policy, node));
      int d = 0;
      while (d < qis.size() && ++levels[d] == qis.get(d).levels()) {
        levels[d++] = 0;
      }
      if (d == qis.size()) {
        return best;
      }
    }
  }

  /** The normalised penalty of a node, or +∞ when it suppresses too many records. */
  static double penalty(
      List<CtdcRecord> records, KAnonymityPolicy policy, Map<QuasiIdentifier, Integer> node) {
    List<QuasiIdentifier> qis = new ArrayList<>(policy.quasiIdentifiers());
    Map<List<Object>, Integer> sizes = new HashMap<>();
    for (CtdcRecord r : records) {
      sizes.merge(generalised(r, qis, node), 1, Integer::sum);
    }
    Map<List<Object>, Double> cache = new HashMap<>();
    long outliers = 0;
    double penalty = 0;
    for (CtdcRecord r : records) {
      if (sizes.get(generalised(r, qis, node)) < policy.k()) {
        outliers++;
        penalty += qis.size();
        continue;
      }
      for (QuasiIdentifier qi : qis) {
        Object value = Hierarchies.value(qi, r);
        int level = node.get(qi);
        penalty +=
            cache.computeIfAbsent(
                java.util.Arrays.asList(qi, value, level),
                key -> cellPenalty(records, qi, value, level));
      }
    }
    if (outliers > Math.floor(policy.maxSuppressionRate() * records.size())) {
      return Double.POSITIVE_INFINITY;
    }
    return penalty / ((double) records.size() * qis.size());
  }

  private static List<Object> generalised(
      CtdcRecord r, List<QuasiIdentifier> qis, Map<QuasiIdentifier, Integer> node) {
    List<Object> key = new ArrayList<>();
    for (QuasiIdentifier qi : qis) {
      key.add(Hierarchies.generalise(qi, Hierarchies.value(qi, r), node.get(qi)));
    }
    return key;
  }

  private static double cellPenalty(
      List<CtdcRecord> records, QuasiIdentifier qi, Object value, int level) {
    Object released = Hierarchies.generalise(qi, value, level);
    if (released == null) {
      return 1.0;
    }
    Set<Object> domain = new HashSet<>();
    Set<Object> covered = new HashSet<>();
    for (CtdcRecord r : records) {
      Object v = Hierarchies.value(qi, r);
      if (v != null) {
        domain.add(v);
        if (released.equals(Hierarchies.generalise(qi, v, level))) {
          covered.add(v);
        }
      }
    }
    return domain.size() <= 1 ? 0.0 : (covered.size() - 1) / (double) (domain.size() - 1);
  }
}
