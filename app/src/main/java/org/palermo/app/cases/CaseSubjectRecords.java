package org.palermo.app.cases;

import static org.palermo.app.access.SubjectTable.Key.CASE_ID;
import static org.palermo.app.access.SubjectTable.Key.PERSON;
import static org.palermo.app.access.SubjectTable.Key.PERSON_ID;
import static org.palermo.app.access.SubjectTable.Withheld.BOOKKEEPING;
import static org.palermo.app.access.SubjectTable.Withheld.EMPTIED_BY_SEALING;
import static org.palermo.app.access.SubjectTable.Withheld.ENCRYPTED_FILE;
import static org.palermo.app.access.SubjectTable.Withheld.KEY_MATERIAL;
import static org.palermo.app.access.SubjectTable.Withheld.THIRD_PARTY;

import java.util.List;
import org.palermo.app.access.SubjectRecords;
import org.palermo.app.access.SubjectTable;
import org.springframework.stereotype.Component;

/** The person, their cases and everything recorded on them, as the data subject receives it. */
@Component
class CaseSubjectRecords implements SubjectRecords {
  @Override
  public List<SubjectTable> subjectTables() {
    return List.of(
        SubjectTable.of(
                "person",
                PERSON,
                "id",
                "given_name",
                "family_name",
                "birth_date_sealed",
                "birth_date_estimated",
                "age_disputed",
                "minor",
                "sex",
                "gender",
                "citizenships",
                "languages",
                "legal_basis",
                "purpose_sealed",
                "migration_status",
                "protection_status",
                "control_methods",
                "exploitation_types",
                "industry",
                "recruitment_methods",
                "recruitment_city_sealed",
                "recruitment_country",
                "cooperation",
                "owner_agency_id",
                "synthetic",
                "created_at",
                "updated_at",
                "anonymised_at")
            .withholding(
                EMPTIED_BY_SEALING, "name_latin", "birth_date", "purpose", "recruitment_city")
            .withholding(BOOKKEEPING, "version", "at_rest"),
        SubjectTable.withheldTable(
            "person_name_token", PERSON_ID, KEY_MATERIAL, "person_id", "token"),
        SubjectTable.of(
                "journey_event",
                PERSON_ID,
                "id",
                "person_id",
                "position",
                "type",
                "city",
                "country",
                "occurred_on",
                "description_sealed")
            .withholding(EMPTIED_BY_SEALING, "description"),
        SubjectTable.of(
            "age_assessment",
            PERSON_ID,
            "id",
            "person_id",
            "case_id",
            "assessed_on",
            "assessed_by",
            "method",
            "multidisciplinary",
            "benefit_of_doubt",
            "informed_of_challenge",
            "outcome",
            "recorded_by",
            "recorded_at"),
        SubjectTable.of(
                "case_file",
                PERSON_ID,
                "id",
                "reference",
                "person_id",
                "owner_agency_id",
                "status",
                "opened_at",
                "closed_at",
                "assigned_to",
                "pending_transition",
                "pending_by",
                "pending_at",
                "updated_at",
                "consent_scope")
            .withholding(BOOKKEEPING, "version"),
        SubjectTable.withheldTable(
            "case_name_token", CASE_ID, KEY_MATERIAL, "owner_agency_id", "token", "case_id"),
        SubjectTable.of(
            "case_cooperation", CASE_ID, "case_id", "status", "recorded_by", "recorded_at"),
        SubjectTable.of("case_focal_point", CASE_ID, "case_id", "user_id", "added_at"),
        SubjectTable.of(
            "case_task",
            CASE_ID,
            "id",
            "case_id",
            "title",
            "due_on",
            "assignee",
            "created_by",
            "created_at",
            "completed_at",
            "completed_by"),
        SubjectTable.of(
            "case_timeline", CASE_ID, "id", "case_id", "at", "actor", "agency", "kind", "detail"),
        SubjectTable.of(
                "care_assessment",
                CASE_ID,
                "id",
                "case_id",
                "level",
                "assessed_on",
                "summary_sealed",
                "recorded_by",
                "recorded_agency",
                "recorded_at")
            .withholding(EMPTIED_BY_SEALING, "summary"),
        SubjectTable.of(
                "care_attachment",
                CASE_ID,
                "id",
                "case_id",
                "content_type",
                "size_bytes",
                "file_name",
                "uploaded_by",
                "uploaded_agency",
                "uploaded_at")
            .withholding(KEY_MATERIAL, "wrapped_key", "key_id")
            .withholding(ENCRYPTED_FILE, "content"),
        SubjectTable.of(
                "care_note",
                CASE_ID,
                "id",
                "case_id",
                "health",
                "author",
                "author_agency",
                "written_at",
                "body_sealed")
            .withholding(EMPTIED_BY_SEALING, "body"),
        SubjectTable.of(
                "care_plan_objective",
                CASE_ID,
                "id",
                "case_id",
                "type",
                "objective_sealed",
                "action_plan_sealed",
                "planned_end",
                "actual_end",
                "status",
                "recorded_by",
                "recorded_agency",
                "recorded_at")
            .withholding(EMPTIED_BY_SEALING, "objective", "action_plan")
            .withholding(BOOKKEEPING, "version"),
        SubjectTable.of(
                "care_service",
                CASE_ID,
                "id",
                "case_id",
                "service_type",
                "delivered_on",
                "provider_agency_id",
                "provider_name",
                "objective_id",
                "note_sealed",
                "recorded_by",
                "recorded_agency",
                "recorded_at")
            .withholding(EMPTIED_BY_SEALING, "note"),
        SubjectTable.of(
                "child_best_interests",
                CASE_ID,
                "id",
                "case_id",
                "kind",
                "done_on",
                "conducted_by",
                "guardian_id",
                "child_heard",
                "outcome",
                "summary_sealed",
                "recorded_by",
                "recorded_at")
            .withholding(EMPTIED_BY_SEALING, "summary"),
        SubjectTable.of(
                "child_guardian",
                CASE_ID,
                "id",
                "case_id",
                "guardian_name_sealed",
                "organisation",
                "authority",
                "guardian_agency_id",
                "guardian_user_id",
                "contact_sealed",
                "appointed_on",
                "ended_on",
                "recorded_by",
                "recorded_at")
            .withholding(EMPTIED_BY_SEALING, "guardian_name", "contact"),
        SubjectTable.of(
            "child_protection_task", CASE_ID, "task_id", "case_id", "purpose", "alert_id"),
        SubjectTable.of(
            "missing_child_guardian_notice",
            CASE_ID,
            "alert_id",
            "case_id",
            "guardian_id",
            "channel",
            "task_id",
            "informed_by",
            "informed_how",
            "informed_at",
            "recorded_by",
            "recorded_at"),
        SubjectTable.of(
                "family_tracing",
                CASE_ID,
                "id",
                "case_id",
                "sought_sealed",
                "relationship",
                "through",
                "status",
                "notes_sealed",
                "requested_on",
                "recorded_by",
                "recorded_at",
                "updated_at")
            .withholding(EMPTIED_BY_SEALING, "sought", "notes"),
        SubjectTable.of(
                "family_tracing_safety_check",
                CASE_ID,
                "id",
                "tracing_id",
                "case_id",
                "checked_on",
                "checked_by",
                "risk_to_child",
                "risk_to_family",
                "linked_to_suspected_exploiter",
                "child_views_sealed",
                "best_interests_sealed",
                "recorded_by",
                "recorded_at")
            .withholding(EMPTIED_BY_SEALING, "child_views", "best_interests"),
        SubjectTable.of(
            "asylum_decision",
            CASE_ID,
            "id",
            "case_id",
            "outcome",
            "decided_on",
            "authority",
            "final",
            "recorded_by",
            "recorded_at"),
        SubjectTable.of(
            "criminal_proceeding",
            CASE_ID,
            "id",
            "case_id",
            "role",
            "opened_on",
            "closed_on",
            "recorded_by",
            "recorded_at"),
        SubjectTable.of(
                "proceeding_against_person",
                CASE_ID,
                "id",
                "case_id",
                "offence_sealed",
                "stage",
                "authority",
                "reported_by",
                "consent",
                "recorded_by",
                "recorded_at")
            .withholding(EMPTIED_BY_SEALING, "offence"),
        SubjectTable.of(
            "non_punishment_notice",
            CASE_ID,
            "id",
            "case_id",
            "addressed_to",
            "language",
            "consent_by",
            "consent_at",
            "produced_by",
            "produced_at"),
        SubjectTable.of(
                "missing_child_alert",
                CASE_ID,
                "id",
                "case_id",
                "missing_since",
                "circumstances_sealed",
                "reported_by",
                "reported_at",
                "found_at")
            .withholding(EMPTIED_BY_SEALING, "circumstances"),
        SubjectTable.of(
            "person_identification",
            CASE_ID,
            "procedure_id",
            "case_id",
            "stage",
            "reflection_starts",
            "reflection_ends",
            "negative_on",
            "identified",
            "updated_at"),
        SubjectTable.of(
                "person_link",
                CASE_ID,
                "id",
                "case_id",
                "kind",
                "parent_or_caregiver",
                "recorded_by",
                "recorded_at")
            .withholding(THIRD_PARTY, "name_sealed", "linked_case_id")
            .withholding(EMPTIED_BY_SEALING, "name"),
        SubjectTable.of(
                "reintegration_followup",
                CASE_ID,
                "id",
                "case_id",
                "description_sealed",
                "due_on",
                "done_on",
                "recorded_by",
                "recorded_at")
            .withholding(EMPTIED_BY_SEALING, "description"),
        SubjectTable.of(
            "residence_permit",
            CASE_ID,
            "id",
            "case_id",
            "kind",
            "valid_from",
            "valid_to",
            "recorded_by",
            "recorded_at"),
        SubjectTable.of(
                "return_risk_assessment",
                CASE_ID,
                "id",
                "case_id",
                "destination_country",
                "assessed_on",
                "risk_to_life_or_freedom",
                "risk_of_torture",
                "risk_of_serious_harm",
                "risk_of_retrafficking",
                "sources_sealed",
                "recorded_by",
                "recorded_at")
            .withholding(EMPTIED_BY_SEALING, "sources"),
        SubjectTable.of(
            "case_return",
            CASE_ID,
            "id",
            "case_id",
            "kind",
            "destination_country",
            "return_on",
            "risk_assessment_id",
            "free_choice",
            "informed_decision",
            "best_interests_id",
            "recorded_by",
            "recorded_at"));
  }
}
