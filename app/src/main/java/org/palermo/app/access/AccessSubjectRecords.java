package org.palermo.app.access;

import static org.palermo.app.access.SubjectTable.Key.CASE_ID;
import static org.palermo.app.access.SubjectTable.Key.PERSON_ID;
import static org.palermo.app.access.SubjectTable.Withheld.GIVEN_ELSEWHERE;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Who was given the person's data and why (disclosures, break-the-glass, legal holds, erasure
 * requests, notifications), as the data subject receives it. The audit trail's index of who saw the
 * person ({@code audit_subject}) is given as the export's {@code seenBy} section: the audit module
 * cannot depend on this one, so its row is declared here.
 */
@Component
class AccessSubjectRecords implements SubjectRecords {
  @Override
  public List<SubjectTable> subjectTables() {
    return List.of(
        SubjectTable.of(
            "disclosure",
            CASE_ID,
            "id",
            "case_id",
            "to_agency_id",
            "field_groups",
            "purpose",
            "purpose_detail",
            "consent_reference",
            "disclosed_by",
            "disclosed_at",
            "expires_at",
            "revoked_by",
            "revoked_at",
            "revoke_consent_reference"),
        SubjectTable.of(
            "break_glass",
            CASE_ID,
            "id",
            "case_id",
            "user_id",
            "agency_id",
            "reason",
            "started_at",
            "expires_at"),
        SubjectTable.of(
            "legal_hold",
            CASE_ID,
            "id",
            "case_id",
            "reason",
            "placed_by",
            "placed_at",
            "released_by",
            "released_at"),
        SubjectTable.of(
            "erasure_request",
            CASE_ID,
            "id",
            "case_id",
            "requested_by",
            "requested_at",
            "reason",
            "status",
            "decided_by",
            "decided_at",
            "decision_note"),
        SubjectTable.of(
            "notification",
            CASE_ID,
            "id",
            "case_id",
            "agency_id",
            "addressee_id",
            "kind",
            "detail",
            "created_at",
            "read_at"),
        SubjectTable.withheldTable(
            "audit_subject", PERSON_ID, GIVEN_ELSEWHERE, "person_id", "audit_seq"));
  }
}
