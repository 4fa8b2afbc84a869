package org.palermo.linkage.synth;

/**
 * Two generated files to match, with the truth: a left and a right record are a true match when
 * they have the same entity.
 */
public record TwoFiles(SyntheticPopulation left, SyntheticPopulation right) {
  /** True when the left and the right record are of the same person. */
  public boolean match(String leftId, String rightId) {
    String e = left.entityOf().get(leftId);
    return e != null && e.equals(right.entityOf().get(rightId));
  }

  /** The number of true matching pairs (persons with a record in both files). */
  public long truePairCount() {
    java.util.Set<String> leftEntities = new java.util.HashSet<>(left.entityOf().values());
    return right.entityOf().values().stream().filter(leftEntities::contains).count();
  }
}
