package org.palermo.app.referral;

import static org.palermo.app.access.SubjectTable.Key.CASE_ID;
import static org.palermo.app.access.SubjectTable.Withheld.BOOKKEEPING;
import static org.palermo.app.access.SubjectTable.Withheld.EMPTIED_BY_SEALING;

import java.util.List;
import org.palermo.app.access.SubjectRecords;
import org.palermo.app.access.SubjectTable;
import org.springframework.stereotype.Component;

/** The referrals of the person's cases and their messages, as the data subject receives them. */
@Component
class ReferralSubjectRecords implements SubjectRecords {
  @Override
  public List<SubjectTable> subjectTables() {
    return List.of(
        SubjectTable.of(
                "referral",
                CASE_ID,
                "id",
                "case_id",
                "from_agency_id",
                "to_agency_id",
                "service_id",
                "service_type",
                "need",
                "transfer",
                "child",
                "note_sealed",
                "status",
                "basis",
                "consent_given_by",
                "consent_at",
                "consent_informed_how",
                "consent_interpreter",
                "scope",
                "best_interests_id",
                "best_interests_consideration_sealed",
                "override_reason_sealed",
                "created_by",
                "created_at",
                "due_at",
                "answered_at",
                "decline_code",
                "decline_text_sealed",
                "closed_at",
                // until when the recipient keeps the person's view after completion (GDPR art.
                // 15(1)(d): how long the data is kept, and by whom)
                "kept_until")
            .withholding(
                EMPTIED_BY_SEALING,
                "note",
                "override_reason",
                "decline_text",
                "best_interests_consideration")
            .withholding(BOOKKEEPING, "version"),
        // The messages between sender and recipient (issue #14 item 14), the text opened.
        SubjectTable.of(
            "referral_message",
            CASE_ID,
            "id",
            "referral_id",
            "case_id",
            "author_id",
            "author_agency_id",
            "created_at",
            "text_sealed"));
  }
}
