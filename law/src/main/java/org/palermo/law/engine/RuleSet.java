package org.palermo.law.engine;

import java.util.Map;
import org.palermo.law.smuggling.SmugglingDefinition;
import org.palermo.law.trafficking.TraffickingDefinition;

/**
 * A versioned set of rules: the trafficking and smuggling definitions and the indicator catalogue
 * version they go with. Every assessment names its rule set so it can be reproduced later; change
 * the version whenever a rule, a reason or the catalogue changes. A released version is frozen: its
 * golden vignette file (law/src/test/resources/org/palermo/law/golden) must keep passing.
 */
public final class RuleSet {
  public static final String V1_0_0 = "palermo-rules/1.0.0";

  /**
   * Indicators evidence only what they evidence; presumption of minority; art. 5 never false;
   * non-punishment; needs that follow the person; warnings for contradictory facts (issue #13 §5).
   */
  public static final String V1_1_0 = "palermo-rules/1.1.0";

  private static final Map<String, RuleSet> KNOWN =
      Map.of(
          V1_0_0, new RuleSet(V1_0_0, "palermo-indicators/1.0.0", false),
          V1_1_0, new RuleSet(V1_1_0, "palermo-indicators/1.1.0", true));

  private final String version;
  private final String catalogueVersion;
  private final boolean revised;
  private final TraffickingDefinition trafficking;
  private final SmugglingDefinition smuggling;

  private RuleSet(String version, String catalogueVersion, boolean revised) {
    this.version = version;
    this.catalogueVersion = catalogueVersion;
    this.revised = revised;
    this.trafficking = new TraffickingDefinition(revised);
    this.smuggling = new SmugglingDefinition(revised);
  }

  /** The rule set new assessments use. */
  public static RuleSet current() {
    return KNOWN.get(V1_1_0);
  }

  /** The rule set named {@code version}, to reproduce an earlier assessment. */
  public static RuleSet forVersion(String version) {
    RuleSet ruleSet = KNOWN.get(version);
    if (ruleSet == null) {
      throw new IllegalArgumentException(
          "unknown rule set " + version + "; known: " + KNOWN.keySet());
    }
    return ruleSet;
  }

  /** E.g. {@code palermo-rules/1.1.0}. */
  public String version() {
    return version;
  }

  /** The indicator catalogue version these rules were written for. */
  public String catalogueVersion() {
    return catalogueVersion;
  }

  /** Whether these are the rules of 1.1.0 or later (false for 1.0.0). */
  public boolean revised() {
    return revised;
  }

  public TraffickingDefinition trafficking() {
    return trafficking;
  }

  public SmugglingDefinition smuggling() {
    return smuggling;
  }
}
