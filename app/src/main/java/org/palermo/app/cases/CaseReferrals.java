package org.palermo.app.cases;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The referrals of a case as the printable case summary lists them. The referral module depends on
 * cases, not the reverse, so it answers through this interface (as cases answers {@code
 * access.RelationshipSource}); with no referral module every case has none. Callers ask the access
 * policy first: these are {@link org.palermo.app.access.FieldGroup#CASE_NARRATIVE} data.
 */
public interface CaseReferrals {

  /**
   * One referral: the service type and status as codes (labelled {@code referral.serviceType.*} and
   * {@code referral.status.*}), the recipient agency's name, and when it was sent, answered
   * (accepted or declined) and closed. No free text: the note and reasons stay in the referral.
   */
  record Line(
      UUID id,
      String serviceType,
      String toAgency,
      String status,
      boolean transfer,
      Instant sentAt,
      Instant answeredAt,
      Instant closedAt) {}

  /** The case's referrals, newest first. */
  List<Line> ofCase(UUID caseId);

  /**
   * The agencies the case is referred to by a referral still pending or accepted: who is told when
   * the child goes missing (CRC GC 6 § 31; CoE Convention art. 10(4)). Unaudited: no personal data.
   */
  Set<UUID> openRecipients(UUID caseId);
}
