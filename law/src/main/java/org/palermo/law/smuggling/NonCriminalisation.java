package org.palermo.law.smuggling;

import java.util.List;
import org.palermo.law.Citations;
import org.palermo.law.Facts;
import org.palermo.law.Finding;
import org.palermo.law.Reason;
import org.palermo.law.ReasonCode;

/**
 * Smuggling Protocol art. 5: migrants do not become liable to prosecution under the Protocol for
 * having been the object of smuggling. Under palermo-rules/1.0.0: true when smuggling is indicated,
 * false when it is not, null while undetermined. From 1.1.0 never false, since art. 5 creates no
 * liability for the migrant in any case: true when smuggling is indicated, null when it is not
 * engaged (not indicated) or undetermined.
 */
public final class NonCriminalisation {
  public static final String CODE = "SOM_NON_CRIMINALISATION";
  public static final String CITATION = Citations.SOM_5;

  private final boolean revised;

  public NonCriminalisation() {
    this(false);
  }

  public NonCriminalisation(boolean revised) {
    this.revised = revised;
  }

  /** Whether art. 5 protects the person, given the smuggling finding. */
  public Boolean applies(Finding smuggling) {
    return switch (smuggling) {
      case INDICATED -> Boolean.TRUE;
      case NOT_INDICATED -> revised ? null : Boolean.FALSE;
      case UNDETERMINED -> null;
    };
  }

  /** The reason to give for {@code smuggling}, if any. */
  public List<Reason> reasons(Finding smuggling) {
    return switch (smuggling) {
      case INDICATED -> List.of(Reason.of(ReasonCode.SOM_NON_CRIMINALISATION));
      case NOT_INDICATED ->
          revised ? List.of(Reason.of(ReasonCode.SOM_NON_CRIMINALISATION_NOT_ENGAGED)) : List.of();
      case UNDETERMINED -> List.of(Reason.of(ReasonCode.SOM_NON_CRIMINALISATION_IF_ESTABLISHED));
    };
  }

  /**
   * A person who reports entering irregularly without anyone procuring the entry, and who seeks
   * international protection: 1951 Refugee Convention art. 31(1) bars penalties for illegal entry.
   */
  public static boolean selfSmuggledAsylumSeeker(Facts facts) {
    return Boolean.FALSE.equals(facts.entryProcuredByAnother())
        && Boolean.TRUE.equals(facts.entryIrregular())
        && Boolean.TRUE.equals(facts.seekingInternationalProtection());
  }
}
