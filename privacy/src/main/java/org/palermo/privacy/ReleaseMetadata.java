package org.palermo.privacy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the JSON sidecar of a release says about it. Fields that do not apply to a kind are {@code
 * null} (k for tables; ε and δ except for {@code dp-table}); {@code parameters} carries the kind's
 * details, such as the threshold, the generalisation levels or the noise scale.
 *
 * @param kind the release kind
 * @param dataset the dataset released from
 * @param quasiIdentifiers CTDC columns treated as quasi-identifiers (microdata only, else empty)
 * @param k the k of k-anonymity (microdata only)
 * @param suppression what was withheld
 * @param epsilon ε spent (dp-table only)
 * @param delta δ spent (dp-table only)
 * @param engineVersion the engine and rule-set version
 * @param releasedAt when, from the injected clock
 * @param releasedBy who made the release
 * @param parameters kind-specific details, in a stable order
 */
public record ReleaseMetadata(
    ReleaseKind kind,
    String dataset,
    List<String> quasiIdentifiers,
    Integer k,
    SuppressionCounts suppression,
    BigDecimal epsilon,
    BigDecimal delta,
    String engineVersion,
    Instant releasedAt,
    String releasedBy,
    Map<String, String> parameters) {

  /** The version of the engines and their rules, written into every sidecar. */
  public static final String ENGINE_VERSION = "palermo-privacy/1.0";

  public ReleaseMetadata {
    if (kind == null || releasedAt == null || engineVersion == null || suppression == null) {
      throw new IllegalArgumentException("kind, time, engine version and suppression are required");
    }
    if (releasedBy == null || releasedBy.isBlank()) {
      throw new IllegalArgumentException("releasedBy must name who made the release");
    }
    quasiIdentifiers = List.copyOf(quasiIdentifiers);
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** The sidecar as JSON text. */
  public String toJson() {
    return SidecarJson.write(this);
  }
}
