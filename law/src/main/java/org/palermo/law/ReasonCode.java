package org.palermo.law;

/**
 * Stable codes of the reasons the engine gives, each with the article it cites. The English text of
 * code {@code X} is the message key {@code reason.X} in {@code org/palermo/law/messages}.
 */
public enum ReasonCode {
  TIP_EVIDENCE_FROM_INDICATORS(Citations.TIP_3A),
  TIP_ACT_PRESENT(Citations.TIP_3A),
  TIP_ACT_ABSENT(Citations.TIP_3A),
  TIP_ACT_UNKNOWN(Citations.TIP_3A),
  TIP_CHILD_AT_FIRST_ACT(Citations.TIP_3C_3D),
  TIP_CHILD_BY_CURRENT_AGE(Citations.TIP_3C_3D),
  TIP_ADULT_AT_FIRST_ACT(Citations.TIP_3D),
  TIP_AGE_AT_FIRST_ACT_UNKNOWN(Citations.TIP_3D),
  TIP_MEANS_PRESENT(Citations.TIP_3A),
  TIP_MEANS_ABSENT(Citations.TIP_3A),
  TIP_MEANS_UNKNOWN(Citations.TIP_3A),
  TIP_PURPOSE_PRESENT(Citations.TIP_3A),
  TIP_PURPOSE_MAPPED(Citations.TIP_3A),
  TIP_PURPOSE_OPEN_LIST(Citations.TIP_3A),
  TIP_PURPOSE_ABSENT(Citations.TIP_3A),
  TIP_PURPOSE_UNKNOWN(Citations.TIP_3A),
  TIP_CONSENT_IRRELEVANT_MEANS(Citations.TIP_3B),
  TIP_CONSENT_IRRELEVANT_CHILD(Citations.TIP_3C),
  TIP_CONSENT_NOT_WEIGHED(Citations.TIP_3B),
  TIP_NO_BORDER_REQUIRED(Citations.TIP_3A),
  TIP_INDICATED(Citations.TIP_3A),
  TIP_NOT_INDICATED(Citations.TIP_3A),
  TIP_UNDETERMINED(Citations.TIP_3A),
  SOM_PROCURED_BY_ANOTHER(Citations.SOM_3A),
  SOM_NOT_PROCURED(Citations.SOM_3A),
  SOM_PROCUREMENT_UNKNOWN(Citations.SOM_3A),
  SOM_BORDER_CROSSED(Citations.SOM_3B),
  SOM_NO_BORDER_CROSSED(Citations.SOM_3B),
  SOM_BORDER_UNKNOWN(Citations.SOM_3B),
  SOM_ENTRY_IRREGULAR(Citations.SOM_3B),
  SOM_ENTRY_REGULAR(Citations.SOM_3B),
  SOM_ENTRY_UNKNOWN(Citations.SOM_3B),
  SOM_NOT_NATIONAL_OR_RESIDENT(Citations.SOM_3A),
  SOM_NATIONAL_OR_RESIDENT(Citations.SOM_3A),
  SOM_NATIONALITY_UNKNOWN(Citations.SOM_3A),
  SOM_BENEFIT_SOUGHT(Citations.SOM_3A_6_1A),
  SOM_NO_BENEFIT(Citations.SOM_3A_6_1A),
  SOM_BENEFIT_UNKNOWN(Citations.SOM_3A_6_1A),
  SOM_INDICATED(Citations.SOM_3A),
  SOM_NOT_INDICATED(Citations.SOM_3A),
  SOM_UNDETERMINED(Citations.SOM_3A),
  SOM_AGGRAVATED_LIFE_OR_SAFETY(Citations.SOM_6_3A),
  SOM_AGGRAVATED_DEGRADING_TREATMENT(Citations.SOM_6_3B),
  SOM_AGGRAVATED_EXPLOITATION(Citations.SOM_6_3B),
  SOM_AGGRAVATION_IF_ESTABLISHED(Citations.SOM_6_3),
  SOM_NON_CRIMINALISATION(Citations.SOM_5),
  SOM_NON_CRIMINALISATION_IF_ESTABLISHED(Citations.SOM_5),
  // palermo-rules/1.1.0
  TIP_PRESUMED_CHILD(Citations.PRESUMED_CHILD),
  TIP_NON_PUNISHMENT(Citations.NON_PUNISHMENT),
  SOM_BORDER_CONTRADICTORY(Citations.SOM_3B),
  SOM_EXPLOITATION_NOT_LINKED(Citations.SOM_6_3B),
  SOM_NON_CRIMINALISATION_NOT_ENGAGED(Citations.SOM_5),
  SOM_REFUGEE_NON_PENALISATION(Citations.REFUGEE_31_1),
  NEED_CHILD(Citations.CHILD_PROTECTION),
  NEED_PRESUMED_CHILD(Citations.PRESUMED_CHILD),
  NEED_GUARDIAN_UNACCOMPANIED(Citations.GUARDIAN_UNACCOMPANIED),
  NEED_GUARDIAN_PARENT_EXPLOITER(Citations.GUARDIAN_PARENT),
  NEED_INTERNATIONAL_PROTECTION(Citations.INTERNATIONAL_PROTECTION),
  NEED_FROM_INDICATORS(Citations.INDICATOR_NEEDS),
  NEED_ASSISTANCE_BASELINE(Citations.ASSISTANCE_12_1),
  NEED_SOM_ENDANGERED(Citations.SOM_16_3);

  private final String citation;
  private final String messageKey;

  ReasonCode(String citation) {
    this.citation = citation;
    this.messageKey = "reason." + name();
  }

  /** The article this reason rests on. */
  public String citation() {
    return citation;
  }

  /** The message key of this reason's text. */
  public String messageKey() {
    return messageKey;
  }
}
