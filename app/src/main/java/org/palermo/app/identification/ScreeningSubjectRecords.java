package org.palermo.app.identification;

import static org.palermo.app.access.SubjectTable.Key.CASE_ID;
import static org.palermo.app.access.SubjectTable.Withheld.BOOKKEEPING;

import java.util.List;
import org.palermo.app.access.SubjectRecords;
import org.palermo.app.access.SubjectTable;
import org.springframework.stereotype.Component;

/** The screenings linked to the person's cases, as the data subject receives them. */
@Component
class ScreeningSubjectRecords implements SubjectRecords {
  @Override
  public List<SubjectTable> subjectTables() {
    return List.of(
        SubjectTable.of(
                "screening",
                CASE_ID,
                "id",
                "case_id",
                "owner_agency_id",
                "created_by",
                "created_at",
                "updated_by",
                "updated_at",
                "legal_basis",
                "consent_given",
                "interview_language",
                "interpreter_present",
                "answers",
                "step",
                "status",
                "completed_at")
            .withholding(BOOKKEEPING, "version"));
  }
}
