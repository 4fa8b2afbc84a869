package org.palermo.privacy.dp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.palermo.privacy.ledger.BudgetExceededException;
import org.palermo.privacy.ledger.LedgerEntry;
import org.palermo.privacy.ledger.PrivacyBudgetLedger;
import org.palermo.privacy.ledger.PrivacyCost;

/**
 * Releases ε-differentially private count tables. Each person is kept in at most m distinct cells
 * (chosen uniformly at random when they have more), so adding or removing one person changes the
 * table by at most m in L1 norm; adding discrete Laplace noise of scale m/ε to every declared cell
 * then gives ε-differential privacy (δ = 0). The budget is charged before any noise is drawn, and a
 * refused charge releases nothing.
 */
public final class DpTableMechanism {
  private final PrivacyBudgetLedger ledger;
  private final ExactSampler sampler;

  public DpTableMechanism(PrivacyBudgetLedger ledger, RandomGenerator random) {
    this.ledger = Objects.requireNonNull(ledger);
    this.sampler = new ExactSampler(random);
  }

  /**
   * Charges the request's ε to its dataset and releases the noisy table.
   *
   * @throws BudgetExceededException if the dataset's budget cannot pay; nothing is charged
   * @throws IllegalArgumentException if a contribution names an undeclared row or column
   */
  public DpTable release(DpTableRequest request, String releasedBy) {
    long[][] counts = boundedCounts(request);
    PrivacyCost cost = PrivacyCost.pure(request.epsilon());
    LedgerEntry charge = ledger.charge(request.dataset(), cost, request.purpose(), releasedBy);
    Rational scale =
        Rational.of(BigInteger.valueOf(request.maxCellsPerPerson()))
            .divide(Rational.of(request.epsilon()));
    for (long[] row : counts) {
      for (int c = 0; c < row.length; c++) {
        row[c] = Math.addExact(row[c], sampler.discreteLaplace(scale));
      }
    }
    return new DpTable(
        request.rowLabels(),
        request.columnLabels(),
        counts,
        request.maxCellsPerPerson(),
        scale,
        charge);
  }

  /** True counts after keeping each person in at most m distinct cells. */
  private long[][] boundedCounts(DpTableRequest request) {
    Map<String, Integer> rows = index(request.rowLabels());
    Map<String, Integer> columns = index(request.columnLabels());
    int width = request.columnLabels().size();
    Map<String, Set<Integer>> cellsByPerson = new LinkedHashMap<>();
    for (Contribution c : request.contributions()) {
      Integer row = rows.get(c.row());
      Integer column = columns.get(c.column());
      if (row == null || column == null) {
        throw new IllegalArgumentException(
            "contribution to an undeclared cell (" + c.row() + ", " + c.column() + ")");
      }
      cellsByPerson
          .computeIfAbsent(c.personId(), p -> new LinkedHashSet<>())
          .add(row * width + column);
    }
    long[][] counts = new long[request.rowLabels().size()][width];
    int m = request.maxCellsPerPerson();
    for (Set<Integer> cells : cellsByPerson.values()) {
      List<Integer> kept = new ArrayList<>(cells);
      for (int i = 0; i < Math.min(m, kept.size()) && kept.size() > m; i++) {
        int j = i + (int) sampler.uniform(kept.size() - i);
        Integer swap = kept.get(i);
        kept.set(i, kept.get(j));
        kept.set(j, swap);
      }
      for (int cell : kept.subList(0, Math.min(m, kept.size()))) {
        counts[cell / width][cell % width]++;
      }
    }
    return counts;
  }

  private static Map<String, Integer> index(List<String> labels) {
    Map<String, Integer> map = new HashMap<>();
    for (String label : labels) {
      map.put(label, map.size());
    }
    return map;
  }
}
