package org.palermo.app.identification.procedure;

import java.time.LocalDate;

/**
 * The time limits of formal identification.
 *
 * @param reasonableGroundsWorkingDays working days from referral to the reasonable-grounds decision
 * @param reflectionDays calendar days of the recovery and reflection period after a positive
 *     reasonable-grounds decision; the period covers the decision day and ends with the last of
 *     these days
 * @param conclusiveGroundsWorkingDays working days after the period ends for the conclusive
 *     decision
 * @param reconsiderationWorkingDays working days from the day a request for reconsideration is
 *     received to the new decision
 * @param positiveConclusiveDuringReflection whether a <em>positive</em> conclusive decision may be
 *     taken before the recovery and reflection period ends (a negative one never may: CETS 197 art.
 *     13(1)); false unless the national setting says so
 */
public record DeadlinePolicy(
    int reasonableGroundsWorkingDays,
    int reflectionDays,
    int conclusiveGroundsWorkingDays,
    int reconsiderationWorkingDays,
    boolean positiveConclusiveDuringReflection) {

  public static final DeadlinePolicy DEFAULT = new DeadlinePolicy(5, 30, 20, 20, false);

  /** The time limits with the default reconsideration deadline and no early positive decision. */
  public DeadlinePolicy(
      int reasonableGroundsWorkingDays, int reflectionDays, int conclusiveGroundsWorkingDays) {
    this(reasonableGroundsWorkingDays, reflectionDays, conclusiveGroundsWorkingDays, 20, false);
  }

  /** The shortest recovery and reflection period a state may set: CETS 197 art. 13(1). */
  public static final int MINIMUM_REFLECTION_DAYS = 30;

  public DeadlinePolicy {
    if (reasonableGroundsWorkingDays < 1
        || conclusiveGroundsWorkingDays < 1
        || reconsiderationWorkingDays < 1) {
      throw new IllegalArgumentException("every identification time limit must be at least 1 day");
    }
    if (reflectionDays < MINIMUM_REFLECTION_DAYS) {
      throw new IllegalArgumentException(
          "the recovery and reflection period is at least 30 days (CETS 197 art. 13(1))");
    }
  }

  public LocalDate reasonableGroundsDue(LocalDate referredOn) {
    return WorkingDays.add(referredOn, reasonableGroundsWorkingDays);
  }

  /** The last day of the recovery and reflection period that starts on {@code decidedOn}. */
  public LocalDate reflectionEnds(LocalDate decidedOn) {
    return decidedOn.plusDays(reflectionDays);
  }

  public LocalDate conclusiveGroundsDue(LocalDate reflectionEnds) {
    return WorkingDays.add(reflectionEnds, conclusiveGroundsWorkingDays);
  }

  /** The deadline of the decision on a request for reconsideration received on {@code day}. */
  public LocalDate reconsiderationDue(LocalDate receivedOn) {
    return WorkingDays.add(receivedOn, reconsiderationWorkingDays);
  }
}
