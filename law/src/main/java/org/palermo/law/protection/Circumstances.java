package org.palermo.law.protection;

import java.util.Set;
import org.palermo.law.Facts;

/**
 * The part of the facts that protection needs may depend on: age, child status, the wish for
 * international protection and indicators. Legal facts (acts, means, purposes, entry) are left out
 * on purpose.
 */
public record Circumstances(
    Integer age,
    Boolean unaccompaniedChild,
    Boolean separatedChild,
    Boolean seekingInternationalProtection,
    Set<String> indicators) {

  public Circumstances {
    indicators = indicators == null ? Set.of() : Set.copyOf(indicators);
  }

  /** The circumstances within {@code facts}. */
  public static Circumstances of(Facts facts) {
    return new Circumstances(
        facts.age(),
        facts.unaccompaniedChild(),
        facts.separatedChild(),
        facts.seekingInternationalProtection(),
        facts.indicators());
  }
}
