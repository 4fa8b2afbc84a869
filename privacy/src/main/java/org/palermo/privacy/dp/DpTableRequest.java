package org.palermo.privacy.dp;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import org.palermo.privacy.ledger.DatasetId;

/**
 * A differentially private count table to release. Rows and columns are declared up front (every
 * declared cell is released, empty or not, so the data cannot reveal which cells exist); each
 * person counts at most once per cell and in at most {@code maxCellsPerPerson} cells.
 *
 * @param dataset the dataset whose budget is charged
 * @param rowLabels the declared rows
 * @param columnLabels the declared columns
 * @param contributions who is counted where
 * @param maxCellsPerPerson the contribution bound m, which is the L1 sensitivity of the table
 * @param epsilon the ε to spend, greater than 0
 * @param purpose what the table is, for the ledger
 */
public record DpTableRequest(
    DatasetId dataset,
    List<String> rowLabels,
    List<String> columnLabels,
    List<Contribution> contributions,
    int maxCellsPerPerson,
    BigDecimal epsilon,
    String purpose) {

  public DpTableRequest {
    if (dataset == null) {
      throw new IllegalArgumentException("dataset is required");
    }
    rowLabels = distinct(rowLabels, "row");
    columnLabels = distinct(columnLabels, "column");
    contributions = List.copyOf(contributions);
    if (maxCellsPerPerson < 1) {
      throw new IllegalArgumentException("maxCellsPerPerson must be at least 1");
    }
    if (epsilon == null || epsilon.signum() <= 0) {
      throw new IllegalArgumentException("epsilon must be greater than 0");
    }
    purpose = purpose == null ? "" : purpose;
  }

  private static List<String> distinct(List<String> labels, String what) {
    List<String> copy = List.copyOf(labels);
    if (copy.isEmpty() || new HashSet<>(copy).size() != copy.size()) {
      throw new IllegalArgumentException(what + " labels must be non-empty and distinct");
    }
    return copy;
  }
}
