package org.palermo.app.statistics;

import static org.palermo.app.access.SubjectTable.Key.CASE_ID;
import static org.palermo.app.access.SubjectTable.Withheld.BOOKKEEPING;

import java.util.List;
import org.palermo.app.access.SubjectRecords;
import org.palermo.app.access.SubjectTable;
import org.springframework.stereotype.Component;

/**
 * The statistics read model's rows of the person's cases (pseudonymous, but still about them), as
 * the data subject receives them.
 */
@Component
class StatisticsSubjectRecords implements SubjectRecords {
  @Override
  public List<SubjectTable> subjectTables() {
    return List.of(
        SubjectTable.of(
                "statistics_victim",
                CASE_ID,
                "case_id",
                "registered_on",
                "registration_year",
                "gender",
                "age_at_registration",
                "minor_at_registration",
                "age_at_exploitation",
                "minor_at_exploitation",
                "citizenship",
                "country_of_exploitation",
                "exploitation_types",
                "migration_status",
                "protection_status",
                "trafficking_status",
                "owner_agency_type",
                "synthetic",
                "received_at")
            .withholding(BOOKKEEPING, "person_version", "owner_version"),
        SubjectTable.of("statistics_trafficking_status", CASE_ID, "case_id", "status", "at"),
        SubjectTable.of("statistics_erased_case", CASE_ID, "case_id")
            .withholding(BOOKKEEPING, "erased_at"),
        SubjectTable.of(
                "statistics_decision",
                CASE_ID,
                "decision_id",
                "case_id",
                "kind",
                "outcome",
                "decided_by_org",
                "referred_at",
                "decided_at",
                "late",
                "agency_id",
                "agency_type")
            .withholding(BOOKKEEPING, "applied_at"),
        SubjectTable.of(
                "statistics_referral_step",
                CASE_ID,
                "referral_id",
                "case_id",
                "status",
                "at",
                "from_agency_id",
                "from_agency_type",
                "to_agency_id",
                "to_agency_type",
                "service_type",
                "due_at")
            .withholding(BOOKKEEPING, "applied_at"),
        SubjectTable.of(
                "statistics_service",
                CASE_ID,
                "delivery_key",
                "case_id",
                "service_type",
                "delivered_on",
                "provider_agency_id",
                "provider_agency_type")
            .withholding(BOOKKEEPING, "applied_at"));
  }
}
