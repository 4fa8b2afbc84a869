package org.palermo.app.cases.care;

import org.palermo.app.platform.crypto.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The free text of {@code cases.care} sealed under the case's data key (V17; issue 5 §4): what a
 * caseworker writes about the person. Structured columns (levels, ratings, types, dates, service
 * types) stay plain; {@code care_service.provider_name} stays plain too: it names an organisation,
 * not the person, and the directory's provider names are public.
 */
@Configuration(proxyBeanMethods = false)
class CareSealedColumns {
  @Bean
  SealedColumn careNoteBody() {
    return SealedColumn.ofCase("care_note", "body");
  }

  @Bean
  SealedColumn careAssessmentSummary() {
    return SealedColumn.ofCase("care_assessment", "summary");
  }

  @Bean
  SealedColumn careAssessmentFactorNote() {
    return new SealedColumn(
        "care_assessment_factor",
        "note",
        "(SELECT a.case_id FROM care_assessment a WHERE a.id = t.assessment_id)",
        "t.assessment_id::text || ':' || t.factor");
  }

  @Bean
  SealedColumn carePlanObjective() {
    return SealedColumn.ofCase("care_plan_objective", "objective");
  }

  @Bean
  SealedColumn carePlanActionPlan() {
    return SealedColumn.ofCase("care_plan_objective", "action_plan");
  }

  @Bean
  SealedColumn careServiceNote() {
    return SealedColumn.ofCase("care_service", "note");
  }
}
