package org.palermo.law;

/**
 * Whether the person is a child: {@code YES} (reported under 18), {@code NO} (reported 18 or over,
 * no dispute, not reported as an unaccompanied or separated child), or {@code PRESUMED}: reported
 * as an unaccompanied or separated child whose age is unknown or contradicts it, or whose age is
 * disputed, whatever age an officer estimated. A presumed child is treated as a child by every rule
 * until an age assessment concludes otherwise (CETS 197 art. 10(3); Directive 2011/36/EU art.
 * 13(2)). Unknown is {@code null}.
 */
public enum ChildStatus {
  YES,
  NO,
  PRESUMED;

  /** The age of majority: {@link Majority#AGE} (CRC art. 1; Trafficking Protocol art. 3(d)). */
  public static final int ADULTHOOD = Majority.AGE;

  /** The status of {@code facts} under palermo-rules/1.1.0; null when unknown. */
  public static ChildStatus of(Facts facts) {
    boolean reportedChild =
        Boolean.TRUE.equals(facts.unaccompaniedChild())
            || Boolean.TRUE.equals(facts.separatedChild());
    if (Boolean.TRUE.equals(facts.ageDisputed())) {
      return PRESUMED;
    }
    Integer age = facts.age();
    if (age != null) {
      if (age < ADULTHOOD) {
        return YES;
      }
      return reportedChild ? PRESUMED : NO;
    }
    return reportedChild ? PRESUMED : null;
  }

  /** The status by current age alone, as palermo-rules/1.0.0 gave it (never presumed). */
  public static ChildStatus byAge(Facts facts) {
    return facts.age() == null ? null : facts.age() < ADULTHOOD ? YES : NO;
  }

  /** A child or a presumed child. */
  public boolean treatedAsChild() {
    return this != NO;
  }
}
