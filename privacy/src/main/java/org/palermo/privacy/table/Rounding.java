package org.palermo.privacy.table;

/**
 * The rounding rule for published counts: to the nearest multiple of the base, halves upwards; 0
 * stays 0; and a count at or above the threshold is never rounded below it, so it goes up to the
 * first multiple of the base at or above the threshold.
 */
public final class Rounding {
  private Rounding() {}

  /** The published value of a count that passed the threshold (or is 0). */
  public static long round(long count, int base, long threshold) {
    if (count < 0 || base < 1) {
      throw new IllegalArgumentException("count must be >= 0 and base >= 1");
    }
    if (count == 0) {
      return 0;
    }
    long quotient = count / base;
    long remainder = count % base;
    long rounded = (2 * remainder >= base ? quotient + 1 : quotient) * base;
    if (count >= threshold && rounded < threshold) {
      rounded = ((threshold + base - 1) / base) * base;
    }
    return rounded;
  }
}
