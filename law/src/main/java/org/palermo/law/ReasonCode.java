package org.palermo.law;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

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
  NEED_SOM_ENDANGERED(Citations.SOM_16_3),
  // palermo-rules/1.1.0: the wording reports what the facts given say, never states a fact as
  // proven (issue #13 §5). Each replaces, under 1.1.0, the 1.0.0 code named in REPORTING_FORM.
  TIP_ACT_REPORTED(Citations.TIP_3A),
  TIP_CHILD_AT_FIRST_ACT_REPORTED(Citations.TIP_3C_3D),
  TIP_CHILD_BY_REPORTED_AGE(Citations.TIP_3C_3D),
  TIP_ADULT_AT_FIRST_ACT_REPORTED(Citations.TIP_3D),
  TIP_MEANS_REPORTED(Citations.TIP_3A),
  TIP_PURPOSE_REPORTED(Citations.TIP_3A),
  TIP_CONSENT_IRRELEVANT_MEANS_REPORTED(Citations.TIP_3B),
  TIP_CONSENT_IRRELEVANT_CHILD_REPORTED(Citations.TIP_3C),
  TIP_NO_BORDER_REPORTED(Citations.TIP_3A),
  TIP_INDICATED_BY_REPORTS(Citations.TIP_3A),
  SOM_PROCUREMENT_REPORTED(Citations.SOM_3A),
  SOM_NO_PROCUREMENT_REPORTED(Citations.SOM_3A),
  SOM_BORDER_CROSSING_REPORTED(Citations.SOM_3B),
  SOM_NO_BORDER_CROSSING_REPORTED(Citations.SOM_3B),
  SOM_IRREGULAR_ENTRY_REPORTED(Citations.SOM_3B),
  SOM_REGULAR_ENTRY_REPORTED(Citations.SOM_3B),
  SOM_NOT_NATIONAL_OR_RESIDENT_REPORTED(Citations.SOM_3A),
  SOM_NATIONAL_OR_RESIDENT_REPORTED(Citations.SOM_3A),
  SOM_BENEFIT_REPORTED(Citations.SOM_3A_6_1A),
  SOM_NO_BENEFIT_REPORTED(Citations.SOM_3A_6_1A),
  SOM_INDICATED_BY_REPORTS(Citations.SOM_3A),
  SOM_AGGRAVATED_LIFE_OR_SAFETY_REPORTED(Citations.SOM_6_3A),
  SOM_AGGRAVATED_DEGRADING_TREATMENT_REPORTED(Citations.SOM_6_3B),
  SOM_NON_CRIMINALISATION_INDICATED(Citations.SOM_5),
  // palermo-rules/1.1.0: a legal reviewer's findings (issue #13 §5)
  NEED_GUARDIAN_CHILD_VICTIM(Citations.GUARDIAN_CHILD_VICTIM),
  NEED_ASSISTANCE_PENDING_IDENTIFICATION(Citations.ASSISTANCE_PENDING_IDENTIFICATION),
  NEED_SOM_DEGRADING_TREATMENT(Citations.SOM_16_1_3);

  /**
   * The 1.0.0 codes whose texts state a reported fact as proven ("an act of trafficking took
   * place", "the person crossed a border"), each with the code palermo-rules/1.1.0 gives instead:
   * the same step of the rules, its text reporting what the facts given say. The 1.0.0 codes keep
   * their texts, so 1.0.0 answers stay as they were.
   */
  private static final Map<ReasonCode, ReasonCode> REPORTING_FORM = reportingForms();

  /** Codes palermo-rules/1.1.0 never gives: the reworded ones and 1.0.0-only rules. */
  private static final Set<ReasonCode> ONLY_1_0_0 = only100();

  private final String citation;
  private final String messageKey;

  ReasonCode(String citation) {
    this.citation = citation;
    this.messageKey = "reason." + name();
  }

  private static Map<ReasonCode, ReasonCode> reportingForms() {
    Map<ReasonCode, ReasonCode> m = new EnumMap<>(ReasonCode.class);
    m.put(TIP_ACT_PRESENT, TIP_ACT_REPORTED);
    m.put(TIP_CHILD_AT_FIRST_ACT, TIP_CHILD_AT_FIRST_ACT_REPORTED);
    m.put(TIP_CHILD_BY_CURRENT_AGE, TIP_CHILD_BY_REPORTED_AGE);
    m.put(TIP_ADULT_AT_FIRST_ACT, TIP_ADULT_AT_FIRST_ACT_REPORTED);
    m.put(TIP_MEANS_PRESENT, TIP_MEANS_REPORTED);
    m.put(TIP_PURPOSE_PRESENT, TIP_PURPOSE_REPORTED);
    m.put(TIP_CONSENT_IRRELEVANT_MEANS, TIP_CONSENT_IRRELEVANT_MEANS_REPORTED);
    m.put(TIP_CONSENT_IRRELEVANT_CHILD, TIP_CONSENT_IRRELEVANT_CHILD_REPORTED);
    m.put(TIP_NO_BORDER_REQUIRED, TIP_NO_BORDER_REPORTED);
    m.put(TIP_INDICATED, TIP_INDICATED_BY_REPORTS);
    m.put(SOM_PROCURED_BY_ANOTHER, SOM_PROCUREMENT_REPORTED);
    m.put(SOM_NOT_PROCURED, SOM_NO_PROCUREMENT_REPORTED);
    m.put(SOM_BORDER_CROSSED, SOM_BORDER_CROSSING_REPORTED);
    m.put(SOM_NO_BORDER_CROSSED, SOM_NO_BORDER_CROSSING_REPORTED);
    m.put(SOM_ENTRY_IRREGULAR, SOM_IRREGULAR_ENTRY_REPORTED);
    m.put(SOM_ENTRY_REGULAR, SOM_REGULAR_ENTRY_REPORTED);
    m.put(SOM_NOT_NATIONAL_OR_RESIDENT, SOM_NOT_NATIONAL_OR_RESIDENT_REPORTED);
    m.put(SOM_NATIONAL_OR_RESIDENT, SOM_NATIONAL_OR_RESIDENT_REPORTED);
    m.put(SOM_BENEFIT_SOUGHT, SOM_BENEFIT_REPORTED);
    m.put(SOM_NO_BENEFIT, SOM_NO_BENEFIT_REPORTED);
    m.put(SOM_INDICATED, SOM_INDICATED_BY_REPORTS);
    m.put(SOM_AGGRAVATED_LIFE_OR_SAFETY, SOM_AGGRAVATED_LIFE_OR_SAFETY_REPORTED);
    m.put(SOM_AGGRAVATED_DEGRADING_TREATMENT, SOM_AGGRAVATED_DEGRADING_TREATMENT_REPORTED);
    m.put(SOM_NON_CRIMINALISATION, SOM_NON_CRIMINALISATION_INDICATED);
    return Collections.unmodifiableMap(m);
  }

  private static Set<ReasonCode> only100() {
    Set<ReasonCode> s = EnumSet.noneOf(ReasonCode.class);
    s.addAll(REPORTING_FORM.keySet());
    // 1.1.0 no longer lets an exploitative purpose aggravate smuggling (SOM art. 6(3)(b)).
    s.add(SOM_AGGRAVATED_EXPLOITATION);
    return Collections.unmodifiableSet(s);
  }

  /**
   * The code palermo-rules/1.1.0 gives for this step: its reporting form when this 1.0.0 code
   * states a fact as proven, otherwise this code.
   */
  public ReasonCode reportingForm() {
    return REPORTING_FORM.getOrDefault(this, this);
  }

  /** Whether palermo-rules/1.1.0 can give this code (false for the 1.0.0-only codes). */
  public boolean usedFrom110() {
    return !ONLY_1_0_0.contains(this);
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
