package org.palermo.app.cases;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The person's trafficking status (HTCDS 2.0 {@code vic_TraffickingStatus}), owned by {@code cases}
 * and never typed by anyone: it is derived from the screenings' classification and the competent
 * authority's identification decisions (issue 13 §1, issue 12 §2). Each value says where the person
 * stands and maps to the HTCDS value it can honestly be exported as ({@link #htcds()}):
 *
 * <ul>
 *   <li>a screening that indicates trafficking, or a positive reasonable-grounds (RG) decision
 *       ("suspects but cannot prove", UK NRM statutory guidance §14.50; CETS 197 art. 10(2)), is a
 *       {@code PossibleVictimOfTrafficking};
 *   <li>a positive conclusive-grounds (CG) decision ("on the balance of probabilities", CETS 197
 *       art. 10(1)) is an {@code ActualVictimOfTrafficking};
 *   <li>only a negative CG decision is {@code NotAVictimOfTrafficking}. A negative RG decision
 *       means that the threshold of suspicion was not met on what was known, not that the person is
 *       not a victim, so it has no HTCDS value (exported empty); nor has a screening that indicates
 *       nothing, is undetermined or indicates smuggling only (a screening decides nothing).
 * </ul>
 *
 * <p>A decision outranks a screening; among decisions the latest counts (a CG before an RG of the
 * same day). A decision that is withdrawn (a reconsideration reopening the procedure) stops
 * counting, so the status falls back to what stood before it: pending again.
 */
public enum TraffickingStatus {
  /** No screening classified and no decision taken. */
  NOT_ASSESSED(null),
  /** A screening found no indication of trafficking (nor of smuggling). */
  NOT_INDICATED(null),
  /** A screening found smuggling of migrants indicated and trafficking not indicated. */
  SMUGGLING_ONLY(null),
  /** A screening could not determine whether trafficking took place. */
  UNDETERMINED(null),
  /** A screening indicates trafficking; no decision yet. */
  INDICATED("PossibleVictimOfTrafficking"),
  /** A positive reasonable-grounds decision; the conclusive-grounds decision is pending. */
  REASONABLE_GROUNDS("PossibleVictimOfTrafficking"),
  /** A negative reasonable-grounds decision: the threshold of suspicion was not met. */
  REASONABLE_GROUNDS_NOT_MET(null),
  /** A positive conclusive-grounds decision: identified as a victim of trafficking. */
  IDENTIFIED("ActualVictimOfTrafficking"),
  /** A negative conclusive-grounds decision: not identified as a victim of trafficking. */
  NOT_IDENTIFIED("NotAVictimOfTrafficking");

  private final String htcds;

  TraffickingStatus(String htcds) {
    this.htcds = htcds;
  }

  /** The HTCDS 2.0 {@code vic_TraffickingStatus} value, {@code null} when none applies. */
  public String htcds() {
    return htcds;
  }

  /**
   * A detected victim of trafficking (SDG 16.2.2; issue 13 §6): indicated or identified. The
   * non-punishment flag (CETS 197 art. 26) rests on the same set.
   */
  public boolean detected() {
    return this == INDICATED || this == REASONABLE_GROUNDS || this == IDENTIFIED;
  }

  /** What a piece of evidence is: a classified screening or a formal decision. */
  public enum Source {
    SCREENING,
    REASONABLE_GROUNDS,
    CONCLUSIVE_GROUNDS;

    boolean decision() {
      return this != SCREENING;
    }
  }

  /** What one screening says on its own, from the engine's two findings. */
  public static TraffickingStatus ofScreening(String traffickingFinding, String smugglingFinding) {
    return switch (traffickingFinding) {
      case "INDICATED" -> INDICATED;
      case "UNDETERMINED" -> UNDETERMINED;
      default -> "INDICATED".equals(smugglingFinding) ? SMUGGLING_ONLY : NOT_INDICATED;
    };
  }

  /** What one decision says on its own. */
  public static TraffickingStatus ofDecision(Source kind, boolean positive) {
    return switch (kind) {
      case REASONABLE_GROUNDS -> positive ? REASONABLE_GROUNDS : REASONABLE_GROUNDS_NOT_MET;
      case CONCLUSIVE_GROUNDS -> positive ? IDENTIFIED : NOT_IDENTIFIED;
      case SCREENING -> throw new IllegalArgumentException("a screening is not a decision");
    };
  }

  /** One piece of evidence: its source, what it says on its own, and when. */
  public record Evidence(Source source, TraffickingStatus says, java.time.Instant at) {}

  /**
   * The status the evidence (withdrawn evidence already left out) adds up to: the latest decision,
   * else the latest screening; {@link #NOT_ASSESSED} with no evidence.
   */
  public static Optional<Evidence> derive(List<Evidence> evidence) {
    Comparator<Evidence> order =
        Comparator.comparing((Evidence e) -> e.source().decision())
            .thenComparing(Evidence::at)
            .thenComparing(Evidence::source);
    return evidence.stream().max(order);
  }
}
