package org.palermo.privacy.table;

/**
 * How an aggregate table is protected: counts from 1 to {@code threshold - 1} are suppressed
 * (CTDC's map practice gives 10), and published counts are rounded to a multiple of {@code
 * roundingBase} (1 turns rounding off).
 *
 * @param threshold smallest non-zero count that may be published
 * @param roundingBase base of the rounding of published counts
 */
public record TableProtectionPolicy(long threshold, int roundingBase) {

  public TableProtectionPolicy {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1");
    }
    if (roundingBase < 1) {
      throw new IllegalArgumentException("roundingBase must be at least 1");
    }
  }

  /** Threshold 10, rounding to multiples of 5. */
  public static TableProtectionPolicy defaults() {
    return new TableProtectionPolicy(10, 5);
  }
}
