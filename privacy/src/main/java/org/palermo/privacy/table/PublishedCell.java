package org.palermo.privacy.table;

/** A cell or total of a released table: either a (rounded) count or a suppression marker. */
public sealed interface PublishedCell permits PublishedCell.Count, PublishedCell.Suppressed {

  /** Why a cell was withheld. */
  enum Reason {
    /** Its own count lies between 1 and the threshold minus 1. */
    PRIMARY,
    /** Withheld so that a primary cell cannot be worked out from the totals. */
    COMPLEMENTARY
  }

  /**
   * A published count.
   *
   * @param value the rounded count
   */
  record Count(long value) implements PublishedCell {}

  /**
   * A withheld cell; its true value is not kept.
   *
   * @param reason why it was withheld
   */
  record Suppressed(Reason reason) implements PublishedCell {}
}
