package org.palermo.privacy.kanon;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a microdata release must satisfy: every combination of the quasi-identifiers' released
 * values is shared by at least {@code k} records, suppressing at most {@code maxSuppressionRate} of
 * the input records to get there.
 *
 * @param k minimum class size (CTDC uses 11)
 * @param quasiIdentifiers the declared quasi-identifiers
 * @param maxSuppressionRate fraction of input records that may be suppressed or dropped, in [0, 1]
 */
public record KAnonymityPolicy(
    int k, Set<QuasiIdentifier> quasiIdentifiers, double maxSuppressionRate) {

  /** CTDC's k. */
  public static final int DEFAULT_K = 11;

  /** Default share of records that may be suppressed. */
  public static final double DEFAULT_MAX_SUPPRESSION_RATE = 0.05;

  public KAnonymityPolicy {
    if (k < 2) {
      throw new IllegalArgumentException("k must be at least 2, was " + k);
    }
    if (quasiIdentifiers.isEmpty()) {
      throw new IllegalArgumentException("declare at least one quasi-identifier");
    }
    if (!(maxSuppressionRate >= 0 && maxSuppressionRate <= 1)) {
      throw new IllegalArgumentException("maxSuppressionRate must lie in [0, 1]");
    }
    quasiIdentifiers = Collections.unmodifiableSet(EnumSet.copyOf(quasiIdentifiers));
  }

  /** k = 11 over all seven quasi-identifiers, at most 5% of records suppressed. */
  public static KAnonymityPolicy ctdcDefault() {
    return new KAnonymityPolicy(
        DEFAULT_K, EnumSet.allOf(QuasiIdentifier.class), DEFAULT_MAX_SUPPRESSION_RATE);
  }

  /** The same policy with another k. */
  public KAnonymityPolicy withK(int newK) {
    return new KAnonymityPolicy(newK, quasiIdentifiers, maxSuppressionRate);
  }
}
