package org.palermo.privacy.ctdc;

/**
 * The values of all {@link CtdcFlag} columns of one record, packed in two bit sets: {@code known}
 * has a bit for each flag that is 0 or 1, {@code ones} for each flag that is 1.
 *
 * @param known bit {@code flag.ordinal()} set when the flag is not missing
 * @param ones bit {@code flag.ordinal()} set when the flag is 1 (a subset of {@code known})
 */
public record CtdcFlags(long known, long ones) {

  /** All flags missing. */
  public static final CtdcFlags ALL_MISSING = new CtdcFlags(0L, 0L);

  public CtdcFlags {
    if ((ones & ~known) != 0) {
      throw new IllegalArgumentException("a flag cannot be 1 and missing at once");
    }
  }

  /** Whether the flag is 0 or 1 (not -99). */
  public boolean isKnown(CtdcFlag flag) {
    return (known & bit(flag)) != 0;
  }

  /** Whether the flag is 1. */
  public boolean isSet(CtdcFlag flag) {
    return (ones & bit(flag)) != 0;
  }

  /** The flag as it is written in CTDC files: {@code 1}, {@code 0} or {@code -99}. */
  public String text(CtdcFlag flag) {
    return isSet(flag) ? "1" : isKnown(flag) ? "0" : CtdcRecord.MISSING;
  }

  /** A copy with one flag set to 1 ({@code TRUE}), 0 ({@code FALSE}) or missing ({@code null}). */
  public CtdcFlags with(CtdcFlag flag, Boolean value) {
    long b = bit(flag);
    if (value == null) {
      return new CtdcFlags(known & ~b, ones & ~b);
    }
    return new CtdcFlags(known | b, value ? ones | b : ones & ~b);
  }

  /** A copy with every flag of the group missing. */
  public CtdcFlags withoutGroup(FlagGroup group) {
    long mask = GROUP_MASKS[group.ordinal()];
    return new CtdcFlags(known & ~mask, ones & ~mask);
  }

  private static final long[] GROUP_MASKS = groupMasks();

  private static long[] groupMasks() {
    long[] masks = new long[FlagGroup.values().length];
    for (CtdcFlag flag : CtdcFlag.values()) {
      masks[flag.group().ordinal()] |= bit(flag);
    }
    return masks;
  }

  private static long bit(CtdcFlag flag) {
    return 1L << flag.ordinal();
  }
}
