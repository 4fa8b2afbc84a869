package org.palermo.app.cases.domain;

import java.time.Instant;

/**
 * Where the person's cooperation with criminal-justice authorities stands, recorded per case with
 * its history ({@code cooperation_record}). Informational only: no rule, transition, service,
 * referral, shelter place or residence step reads it, because assistance may not be made
 * conditional on cooperation (Trafficking Protocol arts. 6-7; CoE Convention art. 12(6); EU
 * Directive 2011/36/EU art. 11(3); SECURITY.md rule 3). It belongs to the legal-proceedings field
 * group.
 */
public enum Cooperation {
  NOT_ASKED,
  UNDECIDED,
  AGREED,
  DECLINED;

  /** One statement on the record: the value, who recorded it and when. */
  public record Statement(Cooperation status, String recordedBy, Instant recordedAt) {}
}
