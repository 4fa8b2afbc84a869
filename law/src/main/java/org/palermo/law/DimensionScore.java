package org.palermo.law;

/**
 * One Delphi dimension: how many strong, medium and weak indicators were present, whether the
 * dimension is positive, and which clause of the dimension rule made it so (a–d, or null).
 */
public record DimensionScore(
    Dimension dimension, int strong, int medium, int weak, boolean positive, String clause) {}
