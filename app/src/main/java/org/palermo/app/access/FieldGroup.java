package org.palermo.app.access;

/**
 * The groups a person's data is divided into for need-to-know decisions (SECURITY.md rule 2). Each
 * role gets read and write per group; a referral recipient sees only {@link
 * AccessPolicy#REFERRAL_VIEW}.
 */
public enum FieldGroup {
  /** Names, date of birth, sex and gender, citizenships, languages, identity documents. */
  IDENTITY,
  /**
   * How to reach the person: telephone, e-mail, messaging app and handle, the address or current
   * location to reach them at, the preferred method and safe times, whether contact is safe (the
   * {@code person_contact} record, issue #14 item 13), next of kin.
   */
  CONTACT,
  /** Where the person stays (shelter, address) and journey places. */
  LOCATION,
  /** Medical and psychosocial information. */
  HEALTH,
  /** Case notes, assessments, support plan, services, attachments, the victim context. */
  CASE_NARRATIVE,
  /** Identification decisions, residence permits, return, criminal proceedings. */
  LEGAL_PROCEEDINGS,
  /** Attributes only used in aggregate: age band, sex, citizenship, forms of exploitation. */
  STATISTICS_ONLY
}
