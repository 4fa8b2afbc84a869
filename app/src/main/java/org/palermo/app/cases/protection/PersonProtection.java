package org.palermo.app.cases.protection;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The one protection status of a person: everything that protects them from removal or return, each
 * a small named rule that gives its reason, its article and, where it has one, its last day.
 * Computed for the person (over all their cases and identification procedures), not for one
 * screening or one case. Every path that records a removal, a return or an assisted voluntary
 * return asks {@link ReturnGate}, which asks this. Plain Java: no Spring, no database.
 */
public final class PersonProtection {
  private PersonProtection() {}

  /** What is about to happen to the person. */
  public enum Action {
    /** A removal or any return that is not an assisted voluntary return (enforced, escorted). */
    REMOVAL,
    /** An assisted voluntary return (and reintegration). */
    ASSISTED_VOLUNTARY_RETURN
  }

  /**
   * Why the person is protected, with the provision. {@code barsVoluntary}: whether it also bars an
   * assisted voluntary return, not only a removal.
   */
  public enum Reason implements org.palermo.app.platform.RefusalReason {
    /** Referred for identification, the reasonable-grounds decision pending. */
    IDENTIFICATION_PENDING("CETS 197 art. 10(2); Directive 2011/36/EU art. 11(2)", true),
    /** Reasonable grounds found, the conclusive-grounds decision pending. */
    CONCLUSIVE_DECISION_PENDING("CETS 197 art. 10(2)", true),
    /** The recovery and reflection period runs (at least 30 days). */
    REFLECTION_PERIOD("CETS 197 art. 13(1), (3); Directive 2011/36/EU art. 11(6)", true),
    /** Identified as a victim by a positive conclusive-grounds decision: return only voluntary. */
    IDENTIFIED_VICTIM("CETS 197 art. 16(2); TIP Protocol art. 8(2)", false),
    /** A residence permit in force. */
    RESIDENCE_PERMIT("CETS 197 art. 14(1)", false),
    /** An asylum claim pending: non-refoulement. */
    ASYLUM_CLAIM_PENDING(
        "1951 Convention art. 33; TIP Protocol art. 14(1); SOM Protocol art. 19(1)", true),
    /**
     * A recognised refugee: no expulsion save under art. 32, no forced return (non-refoulement); a
     * voluntary return only with a free and informed choice.
     */
    RECOGNISED_REFUGEE(
        "1951 Convention art. 32, 33(1); TIP Protocol art. 14(1); SOM Protocol art. 19(1)", false),
    /** A beneficiary of complementary (subsidiary) protection: protected from refoulement. */
    COMPLEMENTARY_PROTECTION(
        "Directive 2011/95/EU art. 21; TIP Protocol art. 14(1); SOM Protocol art. 19(1)", false),
    /** A stateless person lawfully in the territory: no expulsion. */
    STATELESS_PERSON(
        "1954 Convention art. 31; TIP Protocol art. 14(1); SOM Protocol art. 19(1)", false),
    /**
     * A possible victim of trafficking (indicated, reasonable grounds or identified, as derived)
     * whose identification is not completed, even when they were not referred: no removal until it
     * is (CETS 197 art. 10(2); Directive 2011/36/EU art. 11(2)).
     */
    POSSIBLE_VICTIM_NOT_IDENTIFIED("CETS 197 art. 10(2); Directive 2011/36/EU art. 11(2)", false),
    /**
     * An age assessment concluded adulthood, and the person may still challenge it: protected as a
     * presumed child.
     */
    AGE_CHALLENGE_WINDOW(
        "CRC GC 6 § 31(i); CETS 197 art. 10(3); Directive 2011/36/EU art. 13(2)", false),
    /** Criminal proceedings pending in which the person is a victim or a witness. */
    CRIMINAL_PROCEEDINGS_PENDING("TIP Protocol art. 8(2); CETS 197 art. 16(2)", false),
    /** A negative decision may still be reconsidered or reviewed. */
    REVIEW_WINDOW_OPEN("CETS 197 art. 10(2); ECHR art. 13", true),
    /** No return risk assessment (for the destination, when one is known). */
    NO_RISK_ASSESSMENT(
        "1951 Convention art. 33; TIP Protocol art. 8(2); CETS 197 art. 16(2)", true),
    /** The last return risk assessment is older than its validity. */
    RISK_ASSESSMENT_EXPIRED(
        "1951 Convention art. 33; TIP Protocol art. 8(2); CETS 197 art. 16(2)", true);

    private final String article;
    private final boolean barsVoluntary;

    Reason(String article, boolean barsVoluntary) {
      this.article = article;
      this.barsVoluntary = barsVoluntary;
    }

    public String article() {
      return article;
    }

    public boolean barsVoluntary() {
      return barsVoluntary;
    }

    @Override
    public String messageKey() {
      return "screening.problem." + code();
    }
  }

  /** Where one identification procedure of the person stands. */
  public enum Stage {
    AWAITING_REASONABLE_GROUNDS,
    AWAITING_CONCLUSIVE_GROUNDS,
    CONCLUDED
  }

  /**
   * One identification procedure of the person, as the identification module reports it.
   *
   * @param reflectionStarts first day of the recovery and reflection period, or null
   * @param reflectionEnds its last day (included), or null
   * @param negativeOn the day of a negative decision, or null
   * @param identified whether a positive conclusive-grounds decision was taken
   */
  public record Procedure(
      Stage stage,
      LocalDate reflectionStarts,
      LocalDate reflectionEnds,
      LocalDate negativeOn,
      boolean identified) {
    public Procedure {
      Objects.requireNonNull(stage, "stage");
    }
  }

  /** A permit or period recorded on a case of the person. */
  public record Permit(Residence.PermitKind kind, LocalDate validFrom, LocalDate validTo) {}

  /** Settings: how long a risk assessment and a review window last. */
  public record Settings(int riskAssessmentValidDays, int reviewWindowDays, int ageChallengeDays) {
    public Settings {
      if (riskAssessmentValidDays < 1 || reviewWindowDays < 0 || ageChallengeDays < 0) {
        throw new IllegalArgumentException("validity of at least one day");
      }
    }

    /** With the default 30-day window to challenge an age assessment. */
    public Settings(int riskAssessmentValidDays, int reviewWindowDays) {
      this(riskAssessmentValidDays, reviewWindowDays, 30);
    }
  }

  /**
   * Everything the rules look at.
   *
   * @param asylumClaimPending the person's recorded protection status is "asylum seeker"
   * @param criminalProceedingsPending open criminal proceedings with the person as victim or
   *     witness
   * @param riskAssessedOn the day of the last return risk assessment (for the destination, when one
   *     is known), or null
   * @param internationalProtection refugee, complementary protection or stateless, or NONE
   * @param possibleVictim the person's derived trafficking status is detected (indicated,
   *     reasonable grounds or identified), whether or not they were referred
   * @param adultAssessedOn the day of the person's latest conclusive age assessment when it found
   *     them an adult, or null
   */
  public record Facts(
      LocalDate today,
      List<Procedure> procedures,
      List<Permit> permits,
      boolean asylumClaimPending,
      boolean criminalProceedingsPending,
      LocalDate riskAssessedOn,
      InternationalProtection internationalProtection,
      boolean possibleVictim,
      LocalDate adultAssessedOn) {
    public Facts {
      Objects.requireNonNull(today, "today");
      procedures = List.copyOf(procedures);
      permits = List.copyOf(permits);
      internationalProtection =
          internationalProtection == null ? InternationalProtection.NONE : internationalProtection;
    }

    /** Without international protection granted and without a derived trafficking status. */
    public Facts(
        LocalDate today,
        List<Procedure> procedures,
        List<Permit> permits,
        boolean asylumClaimPending,
        boolean criminalProceedingsPending,
        LocalDate riskAssessedOn) {
      this(
          today,
          procedures,
          permits,
          asylumClaimPending,
          criminalProceedingsPending,
          riskAssessedOn,
          InternationalProtection.NONE,
          false,
          null);
    }
  }

  /** International protection granted (or statelessness recognised), as recorded for the person. */
  public enum InternationalProtection {
    NONE,
    REFUGEE,
    COMPLEMENTARY_PROTECTION,
    STATELESS
  }

  /** One protection: why, under which article, until when (null when open-ended). */
  public record Ground(Reason reason, String article, LocalDate until) {}

  /** The status: every ground that protects the person today. */
  public record Status(LocalDate today, List<Ground> grounds, LocalDate riskAssessedOn) {
    public Status {
      grounds = List.copyOf(grounds);
    }

    /** Whether anything protects the person. */
    public boolean protects() {
      return !grounds.isEmpty();
    }

    /** The grounds that bar {@code action}, most important first; empty when it may go ahead. */
    public List<Ground> barring(Action action) {
      return grounds.stream()
          .filter(g -> action == Action.REMOVAL || g.reason().barsVoluntary())
          .toList();
    }
  }

  /** Applies every rule. */
  public static Status of(Facts f, Settings s) {
    List<Ground> out = new ArrayList<>();
    identification(f, out);
    reflection(f, out);
    reviewWindow(f, s, out);
    identified(f, out);
    possibleVictim(out, f);
    residence(f, out);
    asylum(f, out);
    internationalProtection(f, out);
    ageChallenge(f, s, out);
    proceedings(f, out);
    riskAssessment(f, s, out);
    return new Status(f.today(), out, f.riskAssessedOn());
  }

  /** Identification under way: no removal until it is decided (CETS 197 art. 10(2)). */
  static void identification(Facts f, List<Ground> out) {
    if (f.procedures().stream().anyMatch(p -> p.stage() == Stage.AWAITING_REASONABLE_GROUNDS)) {
      out.add(ground(Reason.IDENTIFICATION_PENDING, null));
    }
    if (f.procedures().stream().anyMatch(p -> p.stage() == Stage.AWAITING_CONCLUSIVE_GROUNDS)) {
      out.add(ground(Reason.CONCLUSIVE_DECISION_PENDING, null));
    }
  }

  /**
   * The recovery and reflection period: no expulsion order may be enforced during it (CETS 197 art.
   * 13(1), (3)), whether it came from a positive reasonable-grounds decision or was recorded on the
   * case.
   */
  static void reflection(Facts f, List<Ground> out) {
    List<LocalDate> ends = new ArrayList<>();
    for (Procedure p : f.procedures()) {
      if (within(f.today(), p.reflectionStarts(), p.reflectionEnds())) {
        ends.add(p.reflectionEnds());
      }
    }
    for (Permit p : f.permits()) {
      if (p.kind() == Residence.PermitKind.REFLECTION_PERIOD
          && within(f.today(), p.validFrom(), p.validTo())) {
        ends.add(p.validTo());
      }
    }
    ends.stream()
        .max(Comparator.naturalOrder())
        .ifPresent(e -> out.add(ground(Reason.REFLECTION_PERIOD, e)));
  }

  /** A negative decision can be reconsidered: no removal while it still may be asked. */
  static void reviewWindow(Facts f, Settings s, List<Ground> out) {
    f.procedures().stream()
        .filter(p -> p.stage() == Stage.CONCLUDED && !p.identified() && p.negativeOn() != null)
        .map(p -> p.negativeOn().plusDays(s.reviewWindowDays()))
        .filter(end -> !f.today().isAfter(end))
        .max(Comparator.naturalOrder())
        .ifPresent(end -> out.add(ground(Reason.REVIEW_WINDOW_OPEN, end)));
  }

  /** An identified victim returns only voluntarily and with due regard for safety (art. 16(2)). */
  static void identified(Facts f, List<Ground> out) {
    if (f.procedures().stream().anyMatch(Procedure::identified)) {
      out.add(ground(Reason.IDENTIFIED_VICTIM, null));
    }
  }

  /**
   * A possible victim whose identification is not completed is not removed, even when they were not
   * (or not yet) referred for formal identification (CETS 197 art. 10(2); Directive 2011/36/EU art.
   * 11(2)). Not added when a procedure of the person already protects them as pending or
   * identified.
   */
  static void possibleVictim(List<Ground> out, Facts f) {
    boolean covered =
        out.stream()
            .anyMatch(
                g ->
                    g.reason() == Reason.IDENTIFICATION_PENDING
                        || g.reason() == Reason.CONCLUSIVE_DECISION_PENDING
                        || g.reason() == Reason.IDENTIFIED_VICTIM);
    if (f.possibleVictim() && !covered) {
      out.add(ground(Reason.POSSIBLE_VICTIM_NOT_IDENTIFIED, null));
    }
  }

  /**
   * Non-refoulement of a recognised refugee (1951 Convention art. 32, 33(1)), a beneficiary of
   * complementary protection (Directive 2011/95/EU art. 21) and a stateless person (1954 Convention
   * art. 31), preserved by TIP Protocol art. 14(1) and SOM Protocol art. 19(1): every forced
   * removal or return is refused; an assisted voluntary return with a free and informed choice goes
   * to the return conditions.
   */
  static void internationalProtection(Facts f, List<Ground> out) {
    switch (f.internationalProtection()) {
      case REFUGEE -> out.add(ground(Reason.RECOGNISED_REFUGEE, null));
      case COMPLEMENTARY_PROTECTION -> out.add(ground(Reason.COMPLEMENTARY_PROTECTION, null));
      case STATELESS -> out.add(ground(Reason.STATELESS_PERSON, null));
      case NONE -> {}
    }
  }

  /**
   * After an age assessment concluded adulthood the person may challenge it; until the window
   * closes they stay protected as a presumed child (CRC GC 6 § 31(i); CETS 197 art. 10(3);
   * Directive 2011/36/EU art. 13(2)).
   */
  static void ageChallenge(Facts f, Settings s, List<Ground> out) {
    if (f.adultAssessedOn() == null) {
      return;
    }
    LocalDate end = f.adultAssessedOn().plusDays(s.ageChallengeDays());
    if (!f.today().isAfter(end)) {
      out.add(ground(Reason.AGE_CHALLENGE_WINDOW, end));
    }
  }

  /** A residence permit in force (CETS 197 art. 14), other than a reflection period. */
  static void residence(Facts f, List<Ground> out) {
    f.permits().stream()
        .filter(p -> p.kind() != Residence.PermitKind.REFLECTION_PERIOD)
        .filter(p -> p.kind() != Residence.PermitKind.ASYLUM_SEEKER)
        .filter(p -> within(f.today(), p.validFrom(), p.validTo()))
        .map(Permit::validTo)
        .max(Comparator.naturalOrder())
        .ifPresent(end -> out.add(ground(Reason.RESIDENCE_PERMIT, end)));
  }

  /** Non-refoulement while an asylum claim is pending (1951 Convention art. 33). */
  static void asylum(Facts f, List<Ground> out) {
    boolean permit =
        f.permits().stream()
            .anyMatch(
                p ->
                    p.kind() == Residence.PermitKind.ASYLUM_SEEKER
                        && within(f.today(), p.validFrom(), p.validTo()));
    if (f.asylumClaimPending() || permit) {
      out.add(ground(Reason.ASYLUM_CLAIM_PENDING, null));
    }
  }

  /** Return with due regard for pending proceedings (TIP art. 8(2); CETS 197 art. 16(2)). */
  static void proceedings(Facts f, List<Ground> out) {
    if (f.criminalProceedingsPending()) {
      out.add(ground(Reason.CRIMINAL_PROCEEDINGS_PENDING, null));
    }
  }

  /**
   * A return needs a documented, current risk assessment, which records the person's own account:
   * it is current for so many days only (1951 Convention art. 33; CETS 197 art. 16(2)).
   */
  static void riskAssessment(Facts f, Settings s, List<Ground> out) {
    LocalDate on = f.riskAssessedOn();
    if (on == null) {
      out.add(ground(Reason.NO_RISK_ASSESSMENT, null));
    } else if (ChronoUnit.DAYS.between(on, f.today()) >= s.riskAssessmentValidDays()) {
      out.add(ground(Reason.RISK_ASSESSMENT_EXPIRED, on.plusDays(s.riskAssessmentValidDays() - 1)));
    }
  }

  private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
    return from != null && to != null && !day.isBefore(from) && !day.isAfter(to);
  }

  private static Ground ground(Reason r, LocalDate until) {
    return new Ground(r, r.article(), until);
  }
}
