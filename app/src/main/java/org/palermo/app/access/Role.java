package org.palermo.app.access;

/** What a user does in Palermo (ARCHITECTURE.md, "Who uses it"). A user may hold several. */
public enum Role {
  /** Runs the instance: users, agencies, settings. Sees no case data through this role. */
  ADMIN,
  /** Border, first-arrival, labour-inspection or consular officer: screening and referral. */
  FRONTLINE_OFFICER,
  /** Runs cases: assessment, support plan, services, referrals, return and reintegration. */
  CASEWORKER,
  /** Approves caseworkers' steps where approval is configured. */
  CASE_SUPERVISOR,
  /** Child cases: guardianship, best-interests assessment, child-specific referral. */
  CHILD_PROTECTION_OFFICER,
  /** Formal identification decisions within deadlines. */
  COMPETENT_AUTHORITY_OFFICER,
  /** Indicators and the performance of the referral mechanism. */
  NATIONAL_COORDINATOR,
  /** Disaggregated statistics and privacy-safe releases. */
  STATISTICIAN,
  /** Cross-case links and networks; never victims' assistance data without consent. */
  INVESTIGATOR,
  /** Data-protection oversight: access requests, erasure, audit review. */
  DATA_PROTECTION_OFFICER;

  /** The Spring Security authority for this role. */
  public String authority() {
    return "ROLE_" + name();
  }
}
