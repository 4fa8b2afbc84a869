package org.palermo.law.smuggling;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.palermo.law.AggravatingCircumstance;
import org.palermo.law.Citations;
import org.palermo.law.Facts;
import org.palermo.law.Finding;
import org.palermo.law.Reason;
import org.palermo.law.ReasonCode;
import org.palermo.law.SmugglingAssessment;
import org.palermo.law.rule.Codes;
import org.palermo.law.rule.Rule;
import org.palermo.law.rule.Truth;
import org.palermo.law.rule.Verdict;

/**
 * Smuggling of migrants, Smuggling Protocol art. 3(a)–(b) and 6(1)(a): a third party procured the
 * irregular entry, across a border, of a person who is neither a national nor a permanent resident
 * of that State, for a financial or other material benefit. Adds the aggravating circumstances of
 * art. 6(3) and the non-criminalisation rule of art. 5.
 */
public final class SmugglingDefinition {
  public static final String CODE = "SOM";

  private final boolean revised;
  private final Rule definition;
  private final Map<AggravatingCircumstance, Rule> aggravations = new LinkedHashMap<>();
  private final NonCriminalisation nonCriminalisation;

  /** The definition of palermo-rules/1.0.0. */
  public SmugglingDefinition() {
    this(false);
  }

  /**
   * With {@code revised} (palermo-rules/1.1.0): contradictory border facts stay unknown; an
   * exploitative purpose no longer aggravates by itself, since art. 6(3)(b) needs the smuggling
   * conduct to have involved the treatment (recorded as {@code inhumanOrDegradingTreatment}); art.
   * 5 is never "false"; a self-smuggled asylum seeker is pointed to 1951 Convention art. 31(1).
   */
  public SmugglingDefinition(boolean revised) {
    this.revised = revised;
    this.definition =
        Rule.all(
            CODE,
            Citations.SOM_3A,
            new ProcurementByAnother(),
            new BorderCrossing(revised),
            new IrregularEntry(),
            new NonNationalStatus(),
            new MaterialBenefit());
    this.nonCriminalisation = new NonCriminalisation(revised);
    aggravations.put(
        AggravatingCircumstance.LIFE_OR_SAFETY_ENDANGERED, new LifeOrSafetyEndangered());
    aggravations.put(
        AggravatingCircumstance.INHUMAN_OR_DEGRADING_TREATMENT,
        revised
            ? Rule.any(
                "SOM_AGG_INHUMAN_OR_DEGRADING",
                Citations.SOM_6_3B,
                new DegradingTreatmentReported())
            : Rule.any(
                "SOM_AGG_INHUMAN_OR_DEGRADING",
                Citations.SOM_6_3B,
                new DegradingTreatmentReported(),
                new ExploitationOfMigrant()));
  }

  /** The combined rule of art. 3(a). */
  public Rule definition() {
    return definition;
  }

  /** The rule of each aggravating circumstance of art. 6(3). */
  public Map<AggravatingCircumstance, Rule> aggravations() {
    return Map.copyOf(aggravations);
  }

  /** Assesses {@code facts}. */
  public SmugglingAssessment assess(Facts facts) {
    Verdict verdict = definition.evaluate(facts);
    Finding finding = verdict.truth().finding();
    List<Reason> reasons = new ArrayList<>(verdict.allReasons());
    reasons.add(conclusion(verdict));
    Set<AggravatingCircumstance> aggravating = EnumSet.noneOf(AggravatingCircumstance.class);
    List<Reason> aggravationReasons = new ArrayList<>(2);
    for (Map.Entry<AggravatingCircumstance, Rule> entry : aggravations.entrySet()) {
      Verdict aggravation = entry.getValue().evaluate(facts);
      if (aggravation.truth() == Truth.TRUE) {
        aggravating.add(entry.getKey());
        aggravationReasons.addAll(aggravation.allReasons());
      }
    }
    if (finding == Finding.INDICATED) {
      reasons.addAll(aggravationReasons);
    } else {
      if (finding == Finding.UNDETERMINED && !aggravating.isEmpty()) {
        reasons.add(Reason.of(ReasonCode.SOM_AGGRAVATION_IF_ESTABLISHED, Codes.join(aggravating)));
      }
      aggravating.clear();
    }
    if (revised
        && finding != Finding.NOT_INDICATED
        && facts.purposes() != null
        && !facts.purposes().isEmpty()
        && !aggravating.contains(AggravatingCircumstance.INHUMAN_OR_DEGRADING_TREATMENT)) {
      reasons.add(Reason.of(ReasonCode.SOM_EXPLOITATION_NOT_LINKED, Codes.join(facts.purposes())));
    }
    reasons.addAll(nonCriminalisation.reasons(finding));
    if (revised && NonCriminalisation.selfSmuggledAsylumSeeker(facts)) {
      reasons.add(Reason.of(ReasonCode.SOM_REFUGEE_NON_PENALISATION));
    }
    return new SmugglingAssessment(
        finding,
        aggravating,
        nonCriminalisation.applies(finding),
        reasons,
        Codes.citations(reasons));
  }

  private static Reason conclusion(Verdict verdict) {
    return switch (verdict.truth()) {
      case TRUE -> Reason.of(ReasonCode.SOM_INDICATED);
      case FALSE -> Reason.of(ReasonCode.SOM_NOT_INDICATED, elements(verdict, Truth.FALSE));
      case UNKNOWN -> Reason.of(ReasonCode.SOM_UNDETERMINED, elements(verdict, Truth.UNKNOWN));
    };
  }

  /** Element names of the parts with {@code truth}, without the {@code SOM_} prefix. */
  private static String elements(Verdict verdict, Truth truth) {
    List<String> names = new ArrayList<>();
    for (String code : verdict.partsWith(truth)) {
      names.add(code.substring(CODE.length() + 1));
    }
    return Codes.join(names);
  }
}
