package org.palermo.privacy;

/**
 * How much a release withheld.
 *
 * @param recordsSuppressed microdata records released with all quasi-identifiers set to -99
 * @param recordsDropped microdata records left out
 * @param cellsPrimary table cells and totals withheld for being small
 * @param cellsComplementary table cells and totals withheld to protect small ones
 */
public record SuppressionCounts(
    long recordsSuppressed, long recordsDropped, long cellsPrimary, long cellsComplementary) {

  /** Nothing withheld. */
  public static final SuppressionCounts NONE = new SuppressionCounts(0, 0, 0, 0);
}
