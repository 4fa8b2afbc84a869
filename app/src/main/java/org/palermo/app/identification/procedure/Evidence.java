package org.palermo.app.identification.procedure;

/**
 * What a decision maker considered, from a fixed vocabulary so that a reviewer sees at a glance
 * whether the person's own account and the support provider's view were weighed (issue 13 §2; UK
 * NRM statutory guidance, "Competent Authority decision-making"; OSCE ODIHR NRM Handbook 2022).
 */
public enum Evidence {
  /** The first responder's account and referral. */
  FIRST_RESPONDER_REFERRAL,
  /** The person's own account. */
  PERSONS_ACCOUNT,
  /** A support provider's report. */
  SUPPORT_PROVIDER_REPORT,
  /** Medical evidence. */
  MEDICAL,
  /** Psychological evidence. */
  PSYCHOLOGICAL,
  /** Information from other agencies. */
  OTHER_AGENCIES,
  /** Documentary evidence. */
  DOCUMENTARY,
  /** Something else, described in words. */
  OTHER
}
