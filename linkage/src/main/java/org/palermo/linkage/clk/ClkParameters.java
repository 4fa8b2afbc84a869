package org.palermo.linkage.clk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of an encoding, written in the header of every encoded file; two files match only
 * when all of them, the key fingerprint included, are equal.
 *
 * @param version the version of the encoding scheme (tokens, hashing, hardening)
 * @param q the length of the q-grams of names and places (2: bigrams)
 * @param length the Bloom filter length L in bits (the encoding has 2L bits when balanced)
 * @param hardening the hardening applied to the filter
 * @param bitsPerToken for each field group, the number of bits k set per token: the field weights
 * @param keyFingerprint the fingerprint of the secret ({@link ClkEncoder#fingerprint}), never the
 *     secret
 */
public record ClkParameters(
    int version,
    int q,
    int length,
    Hardening hardening,
    Map<String, Integer> bitsPerToken,
    String keyFingerprint) {
  public static final int VERSION = 1;

  /**
   * The default field weights: names (given and family in one group, so that a swap of the two
   * still matches) 20 bits per bigram; birth date 10 per token; sex, citizenship and place of birth
   * less, being common to many persons.
   */
  public static Map<String, Integer> defaultWeights() {
    Map<String, Integer> w = new LinkedHashMap<>();
    w.put(ClkEncoder.NAME, 12);
    w.put(ClkEncoder.BIRTH_DATE, 40);
    w.put(ClkEncoder.SEX, 2);
    w.put(ClkEncoder.CITIZENSHIP, 6);
    w.put(ClkEncoder.BIRTH_PLACE, 3);
    return w;
  }

  public ClkParameters {
    if (q < 1 || q > 4) {
      throw new IllegalArgumentException("q must be 1 to 4");
    }
    if (length < 64 || length % 64 != 0 || length > 65_536) {
      throw new IllegalArgumentException("length must be a multiple of 64, 64 to 65536");
    }
    bitsPerToken = Collections.unmodifiableMap(new LinkedHashMap<>(bitsPerToken));
    for (var e : bitsPerToken.entrySet()) {
      if (!ClkEncoder.GROUPS.contains(e.getKey()) || e.getValue() < 0 || e.getValue() > 64) {
        throw new IllegalArgumentException("bad field weight " + e.getKey() + "=" + e.getValue());
      }
    }
  }

  /** The number of bits of an encoding. */
  public int encodedLength() {
    return hardening == Hardening.BALANCED ? 2 * length : length;
  }

  /** The weights as {@code name:12,birth_date:40,...}, the form of the file header. */
  public String weightsText() {
    StringBuilder b = new StringBuilder();
    bitsPerToken.forEach(
        (k, v) -> b.append(b.isEmpty() ? "" : ",").append(k).append(':').append(v));
    return b.toString();
  }

  /** Parses {@link #weightsText()}. */
  public static Map<String, Integer> parseWeights(String text) {
    Map<String, Integer> w = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      int colon = part.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("bad field weights \"" + text + "\"");
      }
      w.put(part.substring(0, colon), Integer.parseInt(part.substring(colon + 1)));
    }
    return w;
  }
}
