package org.palermo.app.referral;

import org.palermo.app.platform.RefusalReason;

/**
 * Why {@link ReferralPolicy} refuses a referral: the problem's {@code reason} (issue #12 §4); the
 * pages translate {@code referral.problem.<code>}. Each rule and its article is in {@link
 * ReferralPolicy}.
 */
public enum ReferralRefusal implements RefusalReason {
  /** A referral goes to another agency. */
  SAME_AGENCY,
  /** Never to an enforcement agency (SECURITY.md rule 4). */
  RECIPIENT_ENFORCEMENT,
  /** Never to the consulate of a protected person (1951 Convention art. 33). */
  RECIPIENT_CONSULAR,
  SCOPE_INVALID,
  NOTE_TOO_LONG,
  CONSIDERATION_TOO_LONG,
  /** Only a user with the override permission may refer without consent. */
  OVERRIDE_NOT_ALLOWED,
  OVERRIDE_REASON_TOO_LONG,
  /** A child's emergency referral records how the best interests were considered (CRC art. 3). */
  BEST_INTERESTS_CONSIDERATION_REQUIRED,
  /** A child's non-emergency referral needs the best-interests determination (CRC art. 3(1)). */
  BEST_INTERESTS_REQUIRED,
  /** The person's recorded consent (CoE Convention art. 11; SECURITY.md rule 4). */
  CONSENT_REQUIRED,
  /** A message on a referral says something (issue #14 item 14). */
  MESSAGE_REQUIRED,
  /** A message on a referral is at most {@link ReferralMessages#MAX_LENGTH} characters. */
  MESSAGE_TOO_LONG,
  /**
   * Messages go only while the referral links the two agencies: pending, accepted, or completed and
   * still kept by the recipient ({@link ReferralPolicy#messagesOpen}).
   */
  MESSAGES_CLOSED;

  @Override
  public String messageKey() {
    return "referral.problem." + code();
  }
}
