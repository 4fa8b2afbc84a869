package org.palermo.app.cases.protection;

import org.palermo.app.platform.crypto.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The free text of {@code cases.protection} sealed under the case's data key (V17; issue 5 §4): the
 * guardian's name (it identifies a third person and, with the case, the child), the summary of a
 * best-interests assessment or determination, the sources of a return risk assessment
 * (non-refoulement) and the reintegration follow-ups. Left plain: codes, dates and answers to the
 * risk questions (the return rule reads them), the appointing authority and the guardian's
 * organisation (institutions, not persons), and who conducted a BIA/BID (staff, like recorded_by).
 */
@Configuration(proxyBeanMethods = false)
class ProtectionSealedColumns {
  @Bean
  SealedColumn childGuardianName() {
    return SealedColumn.ofCase("child_guardian", "guardian_name");
  }

  @Bean
  SealedColumn childBestInterestsSummary() {
    return SealedColumn.ofCase("child_best_interests", "summary");
  }

  @Bean
  SealedColumn returnRiskSources() {
    return SealedColumn.ofCase("return_risk_assessment", "sources");
  }

  @Bean
  SealedColumn reintegrationFollowUpDescription() {
    return SealedColumn.ofCase("reintegration_followup", "description");
  }

  @Bean
  SealedColumn personLinkName() {
    return SealedColumn.ofCase("person_link", "name");
  }

  @Bean
  SealedColumn criminalProceedingOffence() {
    return SealedColumn.ofCase("proceeding_against_person", "offence");
  }

  @Bean
  SealedColumn missingChildCircumstances() {
    return SealedColumn.ofCase("missing_child_alert", "circumstances");
  }

  // V20_6 (issue 13 §3): how the guardian is reached, and family tracing.
  @Bean
  SealedColumn childGuardianContact() {
    return SealedColumn.ofCase("child_guardian", "contact");
  }

  @Bean
  SealedColumn familyTracingSought() {
    return SealedColumn.ofCase("family_tracing", "sought");
  }

  @Bean
  SealedColumn familyTracingNotes() {
    return SealedColumn.ofCase("family_tracing", "notes");
  }

  @Bean
  SealedColumn familyTracingChildViews() {
    return SealedColumn.ofCase("family_tracing_safety_check", "child_views");
  }

  @Bean
  SealedColumn familyTracingBestInterests() {
    return SealedColumn.ofCase("family_tracing_safety_check", "best_interests");
  }
}
