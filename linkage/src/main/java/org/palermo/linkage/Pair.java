package org.palermo.linkage;

/**
 * Two records the engine calls a match, and its match probability (0–1). For a match of two files
 * {@code leftId} is from the left file; for a deduplication of one file, the lesser id of the two
 * in {@link String#compareTo} order comes first.
 */
public record Pair(String leftId, String rightId, double probability) {}
