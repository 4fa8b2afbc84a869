package org.palermo.linkage.clk;

import java.util.Base64;

/** Bit vectors as {@code long[]}: Dice similarity and the base64 form of the encoded file. */
public final class Bits {
  private Bits() {}

  /**
   * Dice coefficient 2|A∩B| / (|A| + |B|) of two bit vectors of the same length; 0 if both empty.
   */
  public static double dice(long[] a, long[] b) {
    int both = 0;
    int ones = 0;
    for (int i = 0; i < a.length; i++) {
      both += Long.bitCount(a[i] & b[i]);
      ones += Long.bitCount(a[i]) + Long.bitCount(b[i]);
    }
    return ones == 0 ? 0 : 2.0 * both / ones;
  }

  static boolean get(long[] bits, int i) {
    return (bits[i >>> 6] & (1L << (i & 63))) != 0;
  }

  static void set(long[] bits, int i) {
    bits[i >>> 6] |= 1L << (i & 63);
  }

  /** Base64 of the bits, bit i being bit (i mod 8) of byte i / 8. */
  public static String toBase64(long[] bits) {
    byte[] bytes = new byte[bits.length * 8];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (bits[i >>> 3] >>> ((i & 7) * 8));
    }
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * The bits of a base64 string of exactly {@code length} bits.
   *
   * @throws IllegalArgumentException when it is not base64 or not of that length
   */
  public static long[] fromBase64(String text, int length) {
    byte[] bytes = Base64.getDecoder().decode(text);
    if (bytes.length * 8 != length) {
      throw new IllegalArgumentException(
          "has " + bytes.length * 8 + " bits where the header says " + length);
    }
    long[] bits = new long[(length + 63) / 64];
    for (int i = 0; i < bytes.length; i++) {
      bits[i >>> 3] |= (bytes[i] & 0xFFL) << ((i & 7) * 8);
    }
    return bits;
  }
}
