package org.palermo.law.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.palermo.law.Act;
import org.palermo.law.Facts;
import org.palermo.law.Means;
import org.palermo.law.Purpose;
import org.palermo.law.Reason;
import org.palermo.law.ReasonCode;
import org.palermo.law.indicator.ElementEvidence;
import org.palermo.law.indicator.Indicator;
import org.palermo.law.indicator.IndicatorCatalogue;
import org.palermo.law.rule.Codes;

/**
 * Fills act, means and purpose from the indicators given (Trafficking Protocol art. 3(a)). Evidence
 * only adds what an indicator shows; a missing indicator never turns an element to "no".
 */
final class IndicatorEvidence {
  private final IndicatorCatalogue catalogue;

  IndicatorEvidence(IndicatorCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** Facts with indicator evidence merged in, and the reasons saying so. */
  record Merged(Facts facts, List<Reason> reasons) {}

  Merged merge(Facts facts) {
    Set<String> codes = facts.indicators();
    if (codes == null || codes.isEmpty()) {
      return new Merged(facts, List.of());
    }
    Found<Act> acts = new Found<>(EnumSet.noneOf(Act.class));
    Found<Means> means = new Found<>(EnumSet.noneOf(Means.class));
    Found<Purpose> purposes = new Found<>(EnumSet.noneOf(Purpose.class));
    for (String code : codes) {
      Indicator indicator = catalogue.indicator(code).orElse(null);
      if (indicator == null) {
        continue;
      }
      ElementEvidence evidence = indicator.evidences();
      acts.add(code, evidence.acts());
      means.add(code, evidence.means());
      purposes.add(code, evidence.purposes());
    }
    if (acts.codes.isEmpty() && means.codes.isEmpty() && purposes.codes.isEmpty()) {
      return new Merged(facts, List.of());
    }
    List<Reason> reasons = new ArrayList<>(3);
    acts.explain("ACT", reasons);
    means.explain("MEANS", reasons);
    purposes.explain("PURPOSE", reasons);
    Facts merged =
        facts.toBuilder()
            .acts(acts.union(facts.acts()))
            .means(means.union(facts.means()))
            .purposes(purposes.union(facts.purposes()))
            .build();
    return new Merged(merged, reasons);
  }

  private static final class Found<E extends Enum<E>> {
    final EnumSet<E> values;
    final List<String> codes = new ArrayList<>(2);

    Found(EnumSet<E> values) {
      this.values = values;
    }

    void add(String code, Set<E> evidence) {
      if (!evidence.isEmpty()) {
        values.addAll(evidence);
        codes.add(code);
      }
    }

    Set<E> union(Set<E> given) {
      if (codes.isEmpty()) {
        return given;
      }
      EnumSet<E> out = values.clone();
      if (given != null) {
        out.addAll(given);
      }
      return out;
    }

    void explain(String element, List<Reason> reasons) {
      if (!codes.isEmpty()) {
        reasons.add(
            Reason.of(
                ReasonCode.TIP_EVIDENCE_FROM_INDICATORS,
                element,
                Codes.join(values),
                Codes.join(codes)));
      }
    }
  }
}
