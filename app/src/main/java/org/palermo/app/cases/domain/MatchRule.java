package org.palermo.app.cases.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Search-before-create: whether an existing record is a likely match for a person about to be
 * registered. All three tests must pass:
 *
 * <ul>
 *   <li><b>name</b>: the name keys ({@code Names.matchTokens}: transliterated to Latin, vowels and
 *       doubled letters dropped) share at least one token, and at least half the tokens of the
 *       shorter name (so "محمد" matches "Mohammed");
 *   <li><b>date of birth</b>: when both are known, equal if both are exact, or within one year when
 *       either is estimated; an unknown date does not exclude;
 *   <li><b>citizenship</b>: when both are known they share one; an unknown one does not exclude.
 * </ul>
 *
 * The score orders the matches: name overlap, plus one for a known date that agrees, plus one for a
 * shared citizenship. This is not record linkage, only a prompt to look before creating.
 */
public final class MatchRule {
  private MatchRule() {}

  /** How well a candidate matches; empty reasons mean no match. */
  public record Verdict(boolean match, double score, List<String> reasons) {}

  public static Verdict judge(
      Collection<String> tokens,
      LocalDate birth,
      boolean estimated,
      Collection<String> citizenships,
      Collection<String> candidateTokens,
      LocalDate candidateBirth,
      boolean candidateEstimated,
      Collection<String> candidateCitizenships) {
    Set<String> a = new HashSet<>(tokens);
    Set<String> b = new HashSet<>(candidateTokens);
    Set<String> common = new HashSet<>(a);
    common.retainAll(b);
    int shorter = Math.min(a.size(), b.size());
    if (common.isEmpty() || common.size() * 2 < shorter) {
      return new Verdict(false, 0, List.of());
    }
    if (!birthDatesCompatible(birth, estimated, candidateBirth, candidateEstimated)) {
      return new Verdict(false, 0, List.of());
    }
    boolean bothCitizenships = !citizenships.isEmpty() && !candidateCitizenships.isEmpty();
    boolean sharedCitizenship =
        bothCitizenships && citizenships.stream().anyMatch(candidateCitizenships::contains);
    if (bothCitizenships && !sharedCitizenship) {
      return new Verdict(false, 0, List.of());
    }
    double score = (double) common.size() / Math.max(a.size(), b.size());
    List<String> reasons = new java.util.ArrayList<>(List.of("NAME"));
    if (birth != null && candidateBirth != null) {
      score += 1;
      reasons.add("BIRTH_DATE");
    }
    if (sharedCitizenship) {
      score += 1;
      reasons.add("CITIZENSHIP");
    }
    return new Verdict(true, score, List.copyOf(reasons));
  }

  /**
   * Exact dates must be equal; when either is estimated they may differ by up to one year; an
   * unknown date is compatible with anything.
   */
  public static boolean birthDatesCompatible(
      LocalDate a, boolean aEstimated, LocalDate b, boolean bEstimated) {
    if (a == null || b == null) {
      return true;
    }
    if (!aEstimated && !bEstimated) {
      return a.equals(b);
    }
    return !b.isBefore(a.minusYears(1)) && !b.isAfter(a.plusYears(1));
  }
}
