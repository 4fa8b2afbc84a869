package org.palermo.app.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The competent authority's identification decisions on a case, as the printable case summary lists
 * them (issue #14 item 19). The identification module depends on cases, not the reverse, so it
 * answers through this interface (as referral answers {@link CaseReferrals}); with no
 * identification module a case has none. Callers ask the access policy first: these are {@link
 * org.palermo.app.access.FieldGroup#LEGAL_PROCEEDINGS} data.
 */
public interface CaseIdentificationDecisions {

  /**
   * One issued decision: the day it took effect, its kind ({@code REASONABLE_GROUNDS} or {@code
   * CONCLUSIVE_GROUNDS}, labelled {@code identification.kind.*}), its finding (labelled {@code
   * identification.status.*}), the authority that took it and whether a later decision on
   * reconsideration superseded it. No free text: the grounds stay in the decision and its letter.
   */
  record Line(
      UUID id,
      LocalDate issuedOn,
      String kind,
      String status,
      String authority,
      boolean superseded) {}

  /** The case's issued decisions, newest first. */
  List<Line> ofCase(UUID caseId);
}
