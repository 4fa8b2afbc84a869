package org.palermo.law.smuggling;

import java.util.List;
import org.palermo.law.Citations;
import org.palermo.law.Finding;
import org.palermo.law.Reason;
import org.palermo.law.ReasonCode;

/**
 * Smuggling Protocol art. 5: migrants do not become liable to prosecution under the Protocol for
 * having been the object of smuggling. True when smuggling is indicated, false when it is not, null
 * while undetermined.
 */
public final class NonCriminalisation {
  public static final String CODE = "SOM_NON_CRIMINALISATION";
  public static final String CITATION = Citations.SOM_5;

  /** Whether art. 5 protects the person, given the smuggling finding. */
  public Boolean applies(Finding smuggling) {
    return switch (smuggling) {
      case INDICATED -> Boolean.TRUE;
      case NOT_INDICATED -> Boolean.FALSE;
      case UNDETERMINED -> null;
    };
  }

  /** The reason to give for {@code smuggling}, if any. */
  public List<Reason> reasons(Finding smuggling) {
    return switch (smuggling) {
      case INDICATED -> List.of(Reason.of(ReasonCode.SOM_NON_CRIMINALISATION));
      case NOT_INDICATED -> List.of();
      case UNDETERMINED -> List.of(Reason.of(ReasonCode.SOM_NON_CRIMINALISATION_IF_ESTABLISHED));
    };
  }
}
