package org.palermo.app.cases.protection;

import java.util.ArrayList;
import java.util.List;

/**
 * The conditions a return must meet before it may be recorded, each a named rule that gives its
 * reason and article. Plain Java: no Spring, no database.
 */
public final class ReturnConditions {
  private ReturnConditions() {}

  /** How the person goes back. */
  public enum ReturnKind {
    /**
     * Assisted voluntary return (and reintegration): needs free choice and an informed decision.
     */
    ASSISTED_VOLUNTARY,
    /** Any other return (escorted, independent): still needs the risk assessment. */
    OTHER
  }

  /** Why a return cannot be recorded, with the provision that requires it. */
  public enum Refusal {
    /**
     * No risk assessment for this destination: 1951 Convention art. 33; CoE Convention art. 16(2).
     */
    NO_RISK_ASSESSMENT(
        "1951 Convention art. 33; Palermo Protocol art. 8(2); CoE Convention art. 16(2)"),
    /** A risk to life or freedom, of torture or of other serious harm on return. */
    NON_REFOULEMENT("1951 Convention art. 33; CAT art. 3; Palermo Protocol art. 14"),
    /** A risk of being trafficked again: return must have due regard for safety. */
    NOT_SAFE("Palermo Protocol art. 8(2); CoE Convention art. 16(2), (5)"),
    /** An assisted voluntary return without free choice and an informed decision. */
    NOT_VOLUNTARY("Palermo Protocol art. 8(2) (preferably voluntary); IOM AVRR definition"),
    /** An unaccompanied or separated child without a guardian in office. */
    NO_GUARDIAN("CRC GC 6 §§ 21, 33; CoE Convention art. 10(4)"),
    /** An unaccompanied or separated child without a best-interests assessment. */
    NO_BEST_INTERESTS_ASSESSMENT("CRC art. 3(1); CRC GC 6 §§ 20, 79"),
    /** A child without a best-interests determination that return is in their best interests. */
    NO_BEST_INTERESTS_DETERMINATION("CRC art. 3(1); CRC GC 6 §§ 84–88; CoE Convention art. 16(7)");

    private final String provision;

    Refusal(String provision) {
      this.provision = provision;
    }

    public String provision() {
      return provision;
    }
  }

  /**
   * What the rules look at. Risk answers are {@code null} only when there is no assessment.
   *
   * @param bestInterestsReturn the latest best-interests determination decides return and family
   *     reunification
   */
  public record Facts(
      ReturnKind kind,
      boolean riskAssessed,
      boolean riskToLifeOrFreedom,
      boolean riskOfTorture,
      boolean riskOfSeriousHarm,
      boolean riskOfRetrafficking,
      Boolean freeChoice,
      Boolean informedDecision,
      boolean child,
      boolean unaccompanied,
      boolean guardianInOffice,
      boolean bestInterestsAssessed,
      boolean bestInterestsReturn) {}

  /** Every condition the return fails; empty when it may be recorded. */
  public static List<Refusal> check(Facts f) {
    List<Refusal> out = new ArrayList<>();
    if (!f.riskAssessed()) {
      out.add(Refusal.NO_RISK_ASSESSMENT);
    } else {
      if (f.riskToLifeOrFreedom() || f.riskOfTorture() || f.riskOfSeriousHarm()) {
        out.add(Refusal.NON_REFOULEMENT);
      }
      if (f.riskOfRetrafficking()) {
        out.add(Refusal.NOT_SAFE);
      }
    }
    if (f.kind() == ReturnKind.ASSISTED_VOLUNTARY
        && !(Boolean.TRUE.equals(f.freeChoice()) && Boolean.TRUE.equals(f.informedDecision()))) {
      out.add(Refusal.NOT_VOLUNTARY);
    }
    if (f.child()) {
      if (f.unaccompanied() && !f.guardianInOffice()) {
        out.add(Refusal.NO_GUARDIAN);
      }
      if (f.unaccompanied() && !f.bestInterestsAssessed()) {
        out.add(Refusal.NO_BEST_INTERESTS_ASSESSMENT);
      }
      if (!f.bestInterestsReturn()) {
        out.add(Refusal.NO_BEST_INTERESTS_DETERMINATION);
      }
    }
    return List.copyOf(out);
  }
}
