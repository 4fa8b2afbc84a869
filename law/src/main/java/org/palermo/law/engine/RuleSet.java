package org.palermo.law.engine;

import java.util.Map;
import org.palermo.law.smuggling.SmugglingDefinition;
import org.palermo.law.trafficking.TraffickingDefinition;

/**
 * A versioned set of rules: the trafficking and smuggling definitions and the indicator catalogue
 * version they go with. Every assessment names its rule set so it can be reproduced later; change
 * the version whenever a rule, a reason or the catalogue changes.
 */
public final class RuleSet {
  public static final String V1_0_0 = "palermo-rules/1.0.0";

  private static final Map<String, RuleSet> KNOWN =
      Map.of(V1_0_0, new RuleSet(V1_0_0, "palermo-indicators/1.0.0"));

  private final String version;
  private final String catalogueVersion;
  private final TraffickingDefinition trafficking = new TraffickingDefinition();
  private final SmugglingDefinition smuggling = new SmugglingDefinition();

  private RuleSet(String version, String catalogueVersion) {
    this.version = version;
    this.catalogueVersion = catalogueVersion;
  }

  /** The rule set new assessments use. */
  public static RuleSet current() {
    return KNOWN.get(V1_0_0);
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

  /** E.g. {@code palermo-rules/1.0.0}. */
  public String version() {
    return version;
  }

  /** The indicator catalogue version these rules were written for. */
  public String catalogueVersion() {
    return catalogueVersion;
  }

  public TraffickingDefinition trafficking() {
    return trafficking;
  }

  public SmugglingDefinition smuggling() {
    return smuggling;
  }
}
