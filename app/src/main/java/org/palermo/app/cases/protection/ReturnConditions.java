package org.palermo.app.cases.protection;

import java.util.List;
import java.util.function.Predicate;

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
  public enum Refusal implements org.palermo.app.platform.RefusalReason {
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

    @Override
    public String messageKey() {
      return "referral.problem." + code();
    }
  }

  /**
   * What the rules look at, built by name ({@link #of}): a risk answer is read only when there is
   * an assessment ({@link Builder#riskAssessed}); what is not given is {@code false} (and, for the
   * two answers of a voluntary return, not given).
   */
  public static final class Facts {
    private final ReturnKind kind;
    private final boolean riskAssessed;
    private final boolean riskToLifeOrFreedom;
    private final boolean riskOfTorture;
    private final boolean riskOfSeriousHarm;
    private final boolean riskOfRetrafficking;
    private final Boolean freeChoice;
    private final Boolean informedDecision;
    private final boolean child;
    private final boolean unaccompanied;
    private final boolean guardianInOffice;
    private final boolean bestInterestsAssessed;
    private final boolean bestInterestsReturn;

    private Facts(Builder b) {
      this.kind = b.kind;
      this.riskAssessed = b.riskAssessed;
      this.riskToLifeOrFreedom = b.riskToLifeOrFreedom;
      this.riskOfTorture = b.riskOfTorture;
      this.riskOfSeriousHarm = b.riskOfSeriousHarm;
      this.riskOfRetrafficking = b.riskOfRetrafficking;
      this.freeChoice = b.freeChoice;
      this.informedDecision = b.informedDecision;
      this.child = b.child;
      this.unaccompanied = b.unaccompanied;
      this.guardianInOffice = b.guardianInOffice;
      this.bestInterestsAssessed = b.bestInterestsAssessed;
      this.bestInterestsReturn = b.bestInterestsReturn;
    }

    /** The facts of a return of this kind, to be completed by name. */
    public static Builder of(ReturnKind kind) {
      return new Builder(kind);
    }

    public ReturnKind kind() {
      return kind;
    }

    public boolean riskAssessed() {
      return riskAssessed;
    }

    boolean nonRefoulementRisk() {
      return riskToLifeOrFreedom || riskOfTorture || riskOfSeriousHarm;
    }

    public boolean riskOfRetrafficking() {
      return riskOfRetrafficking;
    }

    /** Free choice and an informed decision, both recorded as given. */
    public boolean voluntary() {
      return Boolean.TRUE.equals(freeChoice) && Boolean.TRUE.equals(informedDecision);
    }

    public boolean child() {
      return child;
    }

    public boolean unaccompanied() {
      return unaccompanied;
    }

    public boolean guardianInOffice() {
      return guardianInOffice;
    }

    public boolean bestInterestsAssessed() {
      return bestInterestsAssessed;
    }

    /** The latest best-interests determination decides return and family reunification. */
    public boolean bestInterestsReturn() {
      return bestInterestsReturn;
    }

    @Override
    public String toString() {
      return "Facts[kind=" + kind + ", riskAssessed=" + riskAssessed + ", child=" + child + "]";
    }
  }

  /** Builds {@link Facts} by name. */
  public static final class Builder {
    private final ReturnKind kind;
    private boolean riskAssessed;
    private boolean riskToLifeOrFreedom;
    private boolean riskOfTorture;
    private boolean riskOfSeriousHarm;
    private boolean riskOfRetrafficking;
    private Boolean freeChoice;
    private Boolean informedDecision;
    private boolean child;
    private boolean unaccompanied;
    private boolean guardianInOffice;
    private boolean bestInterestsAssessed;
    private boolean bestInterestsReturn;

    private Builder(ReturnKind kind) {
      this.kind = java.util.Objects.requireNonNull(kind, "kind");
    }

    /**
     * The risk assessment for the destination, with its four answers (1951 Convention art. 33; CAT
     * art. 3; Palermo Protocol art. 8(2) and 14; CoE Convention art. 16(2)).
     */
    public Builder riskAssessed(
        boolean toLifeOrFreedom,
        boolean ofTorture,
        boolean ofSeriousHarm,
        boolean ofRetrafficking) {
      this.riskAssessed = true;
      this.riskToLifeOrFreedom = toLifeOrFreedom;
      this.riskOfTorture = ofTorture;
      this.riskOfSeriousHarm = ofSeriousHarm;
      this.riskOfRetrafficking = ofRetrafficking;
      return this;
    }

    /** Free choice (Palermo Protocol art. 8(2); IOM AVRR definition); null when not recorded. */
    public Builder freeChoice(Boolean given) {
      this.freeChoice = given;
      return this;
    }

    /** An informed decision (IOM AVRR definition); null when not recorded. */
    public Builder informedDecision(Boolean given) {
      this.informedDecision = given;
      return this;
    }

    /** The person is a child (CRC art. 1; CRC art. 3(1)). */
    public Builder child(boolean child) {
      this.child = child;
      return this;
    }

    /** Unaccompanied or separated (CRC GC 6 §§ 7–8). */
    public Builder unaccompanied(boolean unaccompanied) {
      this.unaccompanied = unaccompanied;
      return this;
    }

    /** A guardian is in office (CRC GC 6 §§ 21, 33; CoE Convention art. 10(4)). */
    public Builder guardianInOffice(boolean inOffice) {
      this.guardianInOffice = inOffice;
      return this;
    }

    /** A best-interests assessment was made (CRC GC 6 §§ 20, 79). */
    public Builder bestInterestsAssessed(boolean assessed) {
      this.bestInterestsAssessed = assessed;
      return this;
    }

    /**
     * The latest best-interests determination decides return and family reunification (CRC GC 6 §§
     * 84–88; CoE Convention art. 16(7)).
     */
    public Builder bestInterestsReturn(boolean decidesReturn) {
      this.bestInterestsReturn = decidesReturn;
      return this;
    }

    public Facts build() {
      return new Facts(this);
    }
  }

  /** One condition: the refusal (with its provision) it gives when the facts fail it. */
  private record Rule(Refusal refusal, Predicate<Facts> fails) {}

  /** The conditions, in the order their reasons are given. */
  private static final List<Rule> RULES =
      List.of(
          // 1951 Convention art. 33; Palermo Protocol art. 8(2); CoE Convention art. 16(2)
          new Rule(Refusal.NO_RISK_ASSESSMENT, f -> !f.riskAssessed()),
          // 1951 Convention art. 33; CAT art. 3; Palermo Protocol art. 14
          new Rule(Refusal.NON_REFOULEMENT, f -> f.riskAssessed() && f.nonRefoulementRisk()),
          // Palermo Protocol art. 8(2); CoE Convention art. 16(2), (5)
          new Rule(Refusal.NOT_SAFE, f -> f.riskAssessed() && f.riskOfRetrafficking()),
          // Palermo Protocol art. 8(2) (preferably voluntary); IOM AVRR definition
          new Rule(
              Refusal.NOT_VOLUNTARY,
              f -> f.kind() == ReturnKind.ASSISTED_VOLUNTARY && !f.voluntary()),
          // CRC GC 6 §§ 21, 33; CoE Convention art. 10(4)
          new Rule(
              Refusal.NO_GUARDIAN, f -> f.child() && f.unaccompanied() && !f.guardianInOffice()),
          // CRC art. 3(1); CRC GC 6 §§ 20, 79
          new Rule(
              Refusal.NO_BEST_INTERESTS_ASSESSMENT,
              f -> f.child() && f.unaccompanied() && !f.bestInterestsAssessed()),
          // CRC art. 3(1); CRC GC 6 §§ 84–88; CoE Convention art. 16(7)
          new Rule(
              Refusal.NO_BEST_INTERESTS_DETERMINATION, f -> f.child() && !f.bestInterestsReturn()));

  /** Every condition the return fails; empty when it may be recorded. */
  public static List<Refusal> check(Facts f) {
    return RULES.stream().filter(r -> r.fails().test(f)).map(Rule::refusal).toList();
  }
}
