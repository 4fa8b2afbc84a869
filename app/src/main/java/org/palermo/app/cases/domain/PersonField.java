package org.palermo.app.cases.domain;

import org.palermo.app.access.FieldGroup;

/**
 * Every field of a person's record and the {@link FieldGroup} it belongs to (SECURITY.md rule 2):
 * the access policy decides per group, so a field is returned, shown or exported only when its
 * group may be read. docs/cases.md lists the same mapping.
 */
public enum PersonField {
  NAMES(FieldGroup.IDENTITY),
  BIRTH_DATE(FieldGroup.IDENTITY),
  AGE_DISPUTED(FieldGroup.IDENTITY),
  SEX(FieldGroup.IDENTITY),
  GENDER(FieldGroup.IDENTITY),
  CITIZENSHIPS(FieldGroup.IDENTITY),
  LANGUAGES(FieldGroup.IDENTITY),
  MIGRATION_STATUS(FieldGroup.LEGAL_PROCEEDINGS),
  PROTECTION_STATUS(FieldGroup.LEGAL_PROCEEDINGS),
  TRAFFICKING_STATUS(FieldGroup.CASE_NARRATIVE),
  CONTROL_METHODS(FieldGroup.CASE_NARRATIVE),
  EXPLOITATION_TYPES(FieldGroup.CASE_NARRATIVE),
  INDUSTRY(FieldGroup.CASE_NARRATIVE),
  RECRUITMENT_METHODS(FieldGroup.CASE_NARRATIVE),
  RECRUITMENT_PLACE(FieldGroup.LOCATION),
  JOURNEY(FieldGroup.LOCATION),
  PURPOSE_AND_LEGAL_BASIS(FieldGroup.IDENTITY);

  private final FieldGroup group;

  PersonField(FieldGroup group) {
    this.group = group;
  }

  public FieldGroup group() {
    return group;
  }
}
