package org.palermo.app.access;

/** How a user stands to one case; with role and agency type it decides access. */
public enum Relationship {
  /** The user's agency owns the case. */
  OWNER,
  /** The user's agency supervises the owner (a supervisor in the owning agency). */
  SUPERVISOR,
  /** The user's agency is the recipient of a pending or accepted referral for the case. */
  REFERRAL_RECIPIENT,
  /** A consented disclosure to the user's agency is in force for the case. */
  DISCLOSURE_RECIPIENT,
  /** The user broke the glass for this case and the time has not run out. */
  BREAK_THE_GLASS
}
