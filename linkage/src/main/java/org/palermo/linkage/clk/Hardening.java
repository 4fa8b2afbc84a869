package org.palermo.linkage.clk;

/** Hardening of the Bloom filter against frequency and pattern-mining attacks. */
public enum Hardening {
  /** None: the plain Bloom filter (kept for comparison in tests; never the default). */
  NONE,
  /**
   * Balancing (Schnell and Borgs 2016, "Randomized response and balanced Bloom filters for privacy
   * preserving record linkage", IEEE ICDM Workshops, pp. 218-224): the filter is joined with its
   * complement and the 2L bits are shuffled by a permutation keyed by the secret. Every encoding
   * then has exactly L bits set, so the Hamming weight (which betrays the length and the q-gram
   * count of the names) is the same for all, and no bit position can be mapped to a q-gram without
   * the key. The Hamming distance of two encodings is twice that of their filters, so similarity is
   * kept.
   */
  BALANCED
}
