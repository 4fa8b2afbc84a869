package org.palermo.law.indicator;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.palermo.law.Act;
import org.palermo.law.Means;
import org.palermo.law.Purpose;

/** The Protocol elements (act, means, purpose values) that an indicator is evidence of. */
public record ElementEvidence(Set<Act> acts, Set<Means> means, Set<Purpose> purposes) {

  public ElementEvidence {
    acts = Collections.unmodifiableSet(copy(acts, Act.class));
    means = Collections.unmodifiableSet(copy(means, Means.class));
    purposes = Collections.unmodifiableSet(copy(purposes, Purpose.class));
  }

  private static <E extends Enum<E>> EnumSet<E> copy(Set<E> values, Class<E> type) {
    EnumSet<E> out = EnumSet.noneOf(type);
    out.addAll(values);
    return out;
  }

  /** Whether the indicator evidences no element. */
  public boolean isEmpty() {
    return acts.isEmpty() && means.isEmpty() && purposes.isEmpty();
  }
}
