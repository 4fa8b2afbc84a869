package org.palermo.app.cases.domain;

/**
 * Whether the person cooperates with criminal-justice authorities. Informational only: no rule,
 * transition, service, referral or residence step reads it, because assistance may not be made
 * conditional on cooperation (Trafficking Protocol art. 6; CoE Convention art. 12(6); EU Directive
 * 2011/36/EU art. 11(3); SECURITY.md rule 3). It belongs to the legal-proceedings field group.
 */
public enum Cooperation {
  NOT_ASKED,
  COOPERATING,
  DECLINED
}
