package org.palermo.law.trafficking;

import java.util.ArrayList;
import java.util.List;
import org.palermo.law.Citations;
import org.palermo.law.ElementStatus;
import org.palermo.law.Elements;
import org.palermo.law.Facts;
import org.palermo.law.Purpose;
import org.palermo.law.Reason;
import org.palermo.law.ReasonCode;
import org.palermo.law.TraffickingAssessment;
import org.palermo.law.rule.Codes;
import org.palermo.law.rule.Rule;
import org.palermo.law.rule.Truth;
import org.palermo.law.rule.Verdict;

/**
 * Trafficking in persons, Trafficking Protocol art. 3(a)–(d): all of act, purpose and either a
 * means or a child victim. Consent (art. 3(b)) and the absence of a border only add explanations.
 */
public final class TraffickingDefinition {
  public static final String CODE = "TIP";
  public static final String MEANS_OR_CHILD = "TIP_MEANS_OR_CHILD";

  private final boolean revised;
  private final Rule definition;
  private final List<Rule> notes = List.of(new ConsentIrrelevance(), new NoBorderRequired());

  /** The definition of palermo-rules/1.0.0. */
  public TraffickingDefinition() {
    this(false);
  }

  /**
   * With {@code revised} (palermo-rules/1.1.0): a presumed child is a child (CETS 197 art. 10(3))
   * and a non-punishment reason is given where it applies (CETS 197 art. 26; Directive 2011/36/EU
   * art. 8).
   */
  public TraffickingDefinition(boolean revised) {
    this.revised = revised;
    this.definition =
        Rule.all(
            CODE,
            Citations.TIP_3A,
            new ActElement(),
            Rule.any(
                MEANS_OR_CHILD, Citations.TIP_3C, new ChildException(revised), new MeansElement()),
            new PurposeElement());
  }

  /** The combined rule: act, means-or-child, purpose. */
  public Rule definition() {
    return definition;
  }

  /** Assesses {@code facts}; {@code evidence} explains facts that came from indicators. */
  public TraffickingAssessment assess(Facts facts, List<Reason> evidence) {
    Verdict verdict = definition.evaluate(facts);
    Elements elements =
        new Elements(
            status(verdict.part(ActElement.CODE).truth()),
            meansStatus(verdict),
            status(verdict.part(PurposeElement.CODE).truth()));
    List<Reason> reasons = new ArrayList<>(evidence.size() + 8);
    reasons.addAll(evidence);
    reasons.addAll(verdict.allReasons());
    for (Rule note : notes) {
      reasons.addAll(note.evaluate(facts).allReasons());
    }
    reasons.add(conclusion(verdict.truth(), elements));
    // CETS 197 art. 26; Directive 2011/36/EU art. 8 protect a victim of trafficking: the reason is
    // given only when trafficking is indicated or at least one of its elements is reported met, not
    // on an irregular entry alone when nothing about trafficking is known (for a smuggled migrant
    // the applicable protections are Smuggling Protocol art. 5 and 1951 Convention art. 31).
    boolean anElementMet =
        elements.act() == ElementStatus.MET
            || elements.means() == ElementStatus.MET
            || elements.purpose() == ElementStatus.MET;
    if (revised
        && (verdict.truth() == Truth.TRUE || (verdict.truth() == Truth.UNKNOWN && anElementMet))) {
      String grounds = nonPunishmentGrounds(facts);
      if (!grounds.isEmpty()) {
        reasons.add(Reason.of(ReasonCode.TIP_NON_PUNISHMENT, grounds));
      }
    }
    return new TraffickingAssessment(
        verdict.truth().finding(), elements, reasons, Codes.citations(reasons));
  }

  /**
   * CETS 197 art. 26 and Directive 2011/36/EU art. 8: offences a victim was compelled to commit,
   * here a purpose of forced criminality or an irregular entry or stay, reported, where trafficking
   * is indicated or at least one of its elements is reported met.
   */
  private static String nonPunishmentGrounds(Facts facts) {
    List<String> grounds = new ArrayList<>(2);
    if (facts.purposes() != null && facts.purposes().contains(Purpose.FORCED_CRIMINALITY)) {
      grounds.add(Purpose.FORCED_CRIMINALITY.name());
    }
    if (Boolean.TRUE.equals(facts.entryIrregular())) {
      grounds.add("IRREGULAR_ENTRY_OR_STAY");
    }
    return Codes.join(grounds);
  }

  private static ElementStatus status(Truth truth) {
    return switch (truth) {
      case TRUE -> ElementStatus.MET;
      case FALSE -> ElementStatus.NOT_MET;
      case UNKNOWN -> ElementStatus.UNKNOWN;
    };
  }

  /** Not required for a child; otherwise the means element, unknown while age is unknown. */
  private static ElementStatus meansStatus(Verdict verdict) {
    Truth child = verdict.part(ChildException.CODE).truth();
    Truth means = verdict.part(MeansElement.CODE).truth();
    if (child == Truth.TRUE) {
      return ElementStatus.NOT_REQUIRED;
    }
    if (means == Truth.TRUE) {
      return ElementStatus.MET;
    }
    return means == Truth.FALSE && child == Truth.FALSE
        ? ElementStatus.NOT_MET
        : ElementStatus.UNKNOWN;
  }

  private static Reason conclusion(Truth truth, Elements elements) {
    return switch (truth) {
      case TRUE -> Reason.of(ReasonCode.TIP_INDICATED);
      case FALSE -> Reason.of(ReasonCode.TIP_NOT_INDICATED, names(elements, ElementStatus.NOT_MET));
      case UNKNOWN ->
          Reason.of(ReasonCode.TIP_UNDETERMINED, names(elements, ElementStatus.UNKNOWN));
    };
  }

  private static String names(Elements elements, ElementStatus status) {
    List<String> names = new ArrayList<>(3);
    if (elements.act() == status) {
      names.add("ACT");
    }
    if (elements.means() == status) {
      names.add("MEANS");
    }
    if (elements.purpose() == status) {
      names.add("PURPOSE");
    }
    return Codes.join(names);
  }
}
