package org.palermo.privacy.kanon;

/**
 * The information loss of a microdata release. The search minimises the normalised certainty
 * penalty; the discernibility metric is reported beside it.
 *
 * @param normalisedCertaintyPenalty mean over all input records and quasi-identifier cells of the
 *     cell's penalty: 0 for an exact value, (leaves - 1) / (domain - 1) for a generalised value
 *     covering {@code leaves} of the {@code domain} distinct values seen, 1 for {@code -99}
 *     (missing, *, a suppressed or a dropped record); 0 is no loss, 1 total loss
 * @param discernibility sum over released classes of size squared, plus input size for each
 *     suppressed or dropped record
 */
public record InformationLoss(double normalisedCertaintyPenalty, double discernibility) {

  /** The name of the optimised metric, as written in release metadata. */
  public static final String METRIC = "normalised certainty penalty (NCP)";
}
