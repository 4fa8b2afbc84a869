package org.palermo.law.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.palermo.law.Assessment;
import org.palermo.law.ChildStatus;
import org.palermo.law.DelphiAssessment;
import org.palermo.law.Facts;
import org.palermo.law.Finding;
import org.palermo.law.InvalidFactsException;
import org.palermo.law.Problem;
import org.palermo.law.ProtectionNeed;
import org.palermo.law.Reason;
import org.palermo.law.SmugglingAssessment;
import org.palermo.law.TraffickingAssessment;
import org.palermo.law.delphi.DelphiScorer;
import org.palermo.law.indicator.ElementEvidence;
import org.palermo.law.indicator.IndicatorCatalogue;
import org.palermo.law.protection.Circumstances;
import org.palermo.law.protection.ProtectionNeeds;
import org.palermo.law.smuggling.BorderCrossing;
import org.palermo.law.trafficking.ChildException;

/**
 * The classification engine: turns {@link Facts} into an {@link Assessment} with independent
 * trafficking and smuggling findings, Delphi indicator scoring and protection needs. Stateless and
 * thread-safe; the same facts always give the same assessment under the same rule set.
 */
public final class Classifier {
  static final int MAX_AGE = 130;

  private final RuleSet ruleSet;
  private final IndicatorCatalogue catalogue;
  private final IndicatorEvidence evidence;
  private final DelphiScorer delphi;
  private final ProtectionNeeds protection;

  /** A classifier for {@code ruleSet}, with the catalogue version that rule set names. */
  public Classifier(RuleSet ruleSet, IndicatorCatalogue catalogue) {
    if (!ruleSet.catalogueVersion().equals(catalogue.version())) {
      throw new IllegalArgumentException(
          ruleSet.version()
              + " needs catalogue "
              + ruleSet.catalogueVersion()
              + ", not "
              + catalogue.version());
    }
    this.ruleSet = ruleSet;
    this.catalogue = catalogue;
    this.evidence = new IndicatorEvidence(catalogue);
    this.delphi = new DelphiScorer(catalogue);
    this.protection = new ProtectionNeeds(catalogue);
  }

  /** The current rule set with the shipped catalogue. */
  public static Classifier standard() {
    return Holder.STANDARD;
  }

  /**
   * The classifier of rule set {@code version} with the catalogue that version names, to reproduce
   * an assessment made under it.
   */
  public static Classifier forVersion(String version) {
    RuleSet ruleSet = RuleSet.forVersion(version);
    if (ruleSet == RuleSet.current()) {
      return standard();
    }
    return Holder.OTHERS.computeIfAbsent(
        version,
        v -> new Classifier(ruleSet, IndicatorCatalogue.forVersion(ruleSet.catalogueVersion())));
  }

  public RuleSet ruleSet() {
    return ruleSet;
  }

  public IndicatorCatalogue catalogue() {
    return catalogue;
  }

  /** Every problem that stops {@code facts} from being classified; empty when they are valid. */
  public List<Problem> validate(Facts facts) {
    List<Problem> problems = new ArrayList<>(0);
    checkAge(facts.age(), "age", problems);
    checkAge(facts.ageAtFirstAct(), "ageAtFirstAct", problems);
    if (facts.age() != null
        && facts.ageAtFirstAct() != null
        && facts.ageAtFirstAct() > facts.age()) {
      problems.add(
          new Problem(
              Problem.AGE_AT_FIRST_ACT_AFTER_AGE,
              "ageAtFirstAct",
              "ageAtFirstAct " + facts.ageAtFirstAct() + " is above age " + facts.age()));
    }
    if (facts.indicators() != null) {
      for (String code : facts.indicators()) {
        if (!catalogue.contains(code)) {
          problems.add(
              new Problem(
                  Problem.UNKNOWN_INDICATOR,
                  "indicators",
                  "unknown indicator code '" + code + "' (catalogue " + catalogue.version() + ")"));
        }
      }
    }
    return problems;
  }

  /**
   * Classifies {@code facts}.
   *
   * @throws InvalidFactsException when {@link #validate} finds problems
   */
  public Assessment classify(Facts facts) {
    List<Problem> problems = validate(facts);
    if (!problems.isEmpty()) {
      throw new InvalidFactsException(problems);
    }
    IndicatorEvidence.Merged merged = evidence.merge(facts);
    TraffickingAssessment trafficking =
        ruleSet.trafficking().assess(merged.facts(), merged.reasons());
    SmugglingAssessment smuggling = ruleSet.smuggling().assess(merged.facts());
    Set<String> indicators = facts.indicators();
    DelphiAssessment scored =
        indicators == null || indicators.isEmpty() ? null : delphi.score(indicators);
    if (!ruleSet.revised()) {
      Set<ProtectionNeed> needs = protection.derive(Circumstances.of(facts));
      return new Assessment(
          facts.id(),
          ruleSet.version(),
          ChildStatus.byAge(facts),
          trafficking,
          smuggling,
          scored,
          needs,
          ProtectionNeeds.referralsFor(needs),
          List.of(),
          List.of());
    }
    trafficking = reported(trafficking);
    smuggling = reported(smuggling);
    ChildStatus child = ChildStatus.of(facts);
    ProtectionNeeds.Derived needs =
        protection.deriveForPerson(
            Circumstances.of(facts),
            child,
            ChildException.presumptionGround(facts),
            facts.exploiterIsParentOrCaregiver(),
            facts.lifeOrSafetyEndangered(),
            facts.inhumanOrDegradingTreatment(),
            trafficking.finding() == Finding.INDICATED,
            trafficking.finding() == Finding.UNDETERMINED
                ? metElements(trafficking.elements())
                : null);
    return new Assessment(
        facts.id(),
        ruleSet.version(),
        child,
        trafficking,
        smuggling,
        scored,
        needs.needs(),
        ProtectionNeeds.referralsFor(needs.needs()),
        needs.reasons(),
        warnings(facts, child));
  }

  /** The trafficking elements reported met, as element names joined ("ACT,PURPOSE"). */
  private static String metElements(org.palermo.law.Elements elements) {
    List<String> met = new ArrayList<>(3);
    if (elements.act() == org.palermo.law.ElementStatus.MET) {
      met.add("ACT");
    }
    if (elements.means() == org.palermo.law.ElementStatus.MET) {
      met.add("MEANS");
    }
    if (elements.purpose() == org.palermo.law.ElementStatus.MET) {
      met.add("PURPOSE");
    }
    return org.palermo.law.rule.Codes.join(met);
  }

  /**
   * Facts that are classified but need the officer's attention (palermo-rules/1.1.0): they
   * contradict each other, or a child indicator list was used for a person reported as an adult.
   */
  public List<Problem> warnings(Facts facts, ChildStatus child) {
    List<Problem> warnings = new ArrayList<>(0);
    if (BorderCrossing.contradictory(facts)) {
      warnings.add(
          new Problem(
              Problem.CONTRADICTORY_FACTS,
              "crossedInternationalBorder",
              "no international border crossing is reported, yet an irregular entry is"
                  + " (entryIrregular); the border element stays unknown"));
    }
    boolean reportedChild =
        Boolean.TRUE.equals(facts.unaccompaniedChild())
            || Boolean.TRUE.equals(facts.separatedChild());
    if (reportedChild && facts.age() != null && facts.age() >= ChildStatus.ADULTHOOD) {
      warnings.add(
          new Problem(
              Problem.CONTRADICTORY_FACTS,
              "age",
              "age "
                  + facts.age()
                  + " contradicts a report of an unaccompanied or separated child; the person"
                  + " is presumed a child until an age assessment concludes otherwise"));
    }
    contradictedByIndicators(facts, "acts", facts.acts(), e -> e.acts(), warnings);
    contradictedByIndicators(facts, "means", facts.means(), e -> e.means(), warnings);
    contradictedByIndicators(facts, "purposes", facts.purposes(), e -> e.purposes(), warnings);
    if (child == ChildStatus.NO && facts.indicators() != null) {
      List<String> childCodes = new ArrayList<>();
      for (String code : facts.indicators()) {
        if (code.startsWith("CL-") || code.startsWith("CS-")) {
          childCodes.add(code);
        }
      }
      if (!childCodes.isEmpty()) {
        warnings.add(
            new Problem(
                Problem.CHILD_LIST_FOR_ADULT,
                "indicators",
                "child-list indicators "
                    + String.join(", ", childCodes)
                    + " were given for a person reported as an adult; use the adult lists, or"
                    + " record the age as disputed"));
      }
    }
    return warnings;
  }

  /**
   * Trafficking Protocol art. 3(a): an element answered "none" ({@code []}) while an indicator
   * given evidences it is a contradiction. The indicator evidence is still counted (evidence only
   * adds), so the officer is told, never left with a silent answer (issue #13 §5).
   */
  private void contradictedByIndicators(
      Facts facts,
      String field,
      Set<?> answered,
      Function<ElementEvidence, Set<?>> evidenced,
      List<Problem> warnings) {
    if (answered == null || !answered.isEmpty() || facts.indicators() == null) {
      return;
    }
    List<String> codes = new ArrayList<>();
    for (String code : facts.indicators()) {
      catalogue
          .indicator(code)
          .filter(i -> !evidenced.apply(i.evidences()).isEmpty())
          .ifPresent(i -> codes.add(code));
    }
    if (!codes.isEmpty()) {
      codes.sort(null);
      warnings.add(
          new Problem(
              Problem.CONTRADICTORY_FACTS,
              field,
              field
                  + " is reported as none, yet the indicators "
                  + String.join(", ", codes)
                  + " evidence one; the indicator evidence is counted"));
    }
  }

  /**
   * The trafficking finding worded as palermo-rules/1.1.0 words it: reasons report what the facts
   * given say ("an act is reported"), never state it as proven (issue #13 §5).
   */
  private static TraffickingAssessment reported(TraffickingAssessment tip) {
    return new TraffickingAssessment(
        tip.finding(), tip.elements(), reported(tip.reasons()), tip.citations());
  }

  private static SmugglingAssessment reported(SmugglingAssessment som) {
    return new SmugglingAssessment(
        som.finding(),
        som.aggravating(),
        som.nonCriminalisation(),
        reported(som.reasons()),
        som.citations());
  }

  private static List<Reason> reported(List<Reason> reasons) {
    List<Reason> out = new ArrayList<>(reasons.size());
    for (Reason reason : reasons) {
      out.add(reason.reportingForm());
    }
    return out;
  }

  /** Classifies each of {@code facts}, in order. */
  public List<Assessment> classifyAll(List<Facts> facts) {
    List<Assessment> out = new ArrayList<>(facts.size());
    for (Facts f : facts) {
      out.add(classify(f));
    }
    return out;
  }

  private static void checkAge(Integer age, String field, List<Problem> problems) {
    if (age != null && (age < 0 || age > MAX_AGE)) {
      problems.add(
          new Problem(
              Problem.AGE_OUT_OF_RANGE, field, field + " " + age + " is outside 0–" + MAX_AGE));
    }
  }

  private static final class Holder {
    static final Classifier STANDARD =
        new Classifier(RuleSet.current(), IndicatorCatalogue.standard());
    static final Map<String, Classifier> OTHERS = new ConcurrentHashMap<>();
  }
}
