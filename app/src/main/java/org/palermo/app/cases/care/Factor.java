package org.palermo.app.cases.care;

import java.util.Arrays;
import java.util.List;

/**
 * The factors rated at each level, after the IOM determinants-of-migrant-vulnerability model and
 * the example questions of the HTCDS 2.0 "Assessment and Planning" sections (nationality, age,
 * household income, violence in the household, access to law enforcement, education services…).
 */
public enum Factor {
  AGE_SEX_AND_GENDER(AssessmentLevel.INDIVIDUAL),
  NATIONALITY_AND_ETHNICITY(AssessmentLevel.INDIVIDUAL),
  PHYSICAL_HEALTH(AssessmentLevel.INDIVIDUAL),
  MENTAL_HEALTH(AssessmentLevel.INDIVIDUAL),
  HISTORY_OF_ABUSE(AssessmentLevel.INDIVIDUAL),
  EDUCATION_AND_SKILLS(AssessmentLevel.INDIVIDUAL),
  LEGAL_STATUS_AND_DOCUMENTS(AssessmentLevel.INDIVIDUAL),
  INCOME_AND_DEBT(AssessmentLevel.INDIVIDUAL),
  HOUSEHOLD_INCOME(AssessmentLevel.HOUSEHOLD),
  HOUSEHOLD_VIOLENCE(AssessmentLevel.HOUSEHOLD),
  HOUSEHOLD_DISCRIMINATION(AssessmentLevel.HOUSEHOLD),
  FAMILY_ROLE_IN_RECRUITMENT(AssessmentLevel.HOUSEHOLD),
  FAMILY_SUPPORT(AssessmentLevel.HOUSEHOLD),
  LAW_ENFORCEMENT_ACCESS(AssessmentLevel.COMMUNITY),
  LOCAL_GOVERNANCE(AssessmentLevel.COMMUNITY),
  EDUCATION_SERVICES(AssessmentLevel.COMMUNITY),
  ECONOMIC_OPPORTUNITIES(AssessmentLevel.COMMUNITY),
  SOCIAL_NETWORKS_AND_STIGMA(AssessmentLevel.COMMUNITY),
  CONFLICT_AND_INSECURITY(AssessmentLevel.STRUCTURAL),
  RULE_OF_LAW_AND_CORRUPTION(AssessmentLevel.STRUCTURAL),
  MIGRATION_POLICY(AssessmentLevel.STRUCTURAL),
  LABOUR_PROTECTION(AssessmentLevel.STRUCTURAL),
  SOCIAL_PROTECTION(AssessmentLevel.STRUCTURAL);

  private final AssessmentLevel level;

  Factor(AssessmentLevel level) {
    this.level = level;
  }

  public AssessmentLevel level() {
    return level;
  }

  /** The factors of one level, in catalogue order. */
  public static List<Factor> of(AssessmentLevel level) {
    return Arrays.stream(values()).filter(f -> f.level == level).toList();
  }
}
