package org.palermo.law;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The smuggling finding (Smuggling Protocol art. 3), its aggravating circumstances (art. 6(3)),
 * whether the art. 5 non-criminalisation rule protects the person (null while undetermined), the
 * reasons and the distinct articles cited.
 */
public record SmugglingAssessment(
    Finding finding,
    Set<AggravatingCircumstance> aggravating,
    Boolean nonCriminalisation,
    List<Reason> reasons,
    List<String> citations) {

  public SmugglingAssessment {
    aggravating =
        Collections.unmodifiableSet(
            aggravating.isEmpty()
                ? EnumSet.noneOf(AggravatingCircumstance.class)
                : EnumSet.copyOf(aggravating));
    reasons = List.copyOf(reasons);
    citations = List.copyOf(citations);
  }
}
