package org.palermo.app.referral;

/**
 * Where a referral stands: pending → accepted, or declined with a reason → completed; revocable.
 */
public enum ReferralStatus {
  PENDING,
  ACCEPTED,
  DECLINED,
  COMPLETED,
  REVOKED
}
