package org.palermo.privacy.kanon;

import java.util.List;
import org.palermo.privacy.ctdc.CtdcFlag;
import org.palermo.privacy.ctdc.CtdcLayout;
import org.palermo.privacy.ctdc.FlagGroup;

/**
 * The quasi-identifiers of a CTDC microdata release, each with its generalisation hierarchy from
 * the exact value (level 0) to fully suppressed (the last level, written {@code -99}).
 */
public enum QuasiIdentifier {
  /** {@code gender}: value, then *. */
  GENDER(List.of("gender"), List.of("gender", "*")),
  /** {@code ageBroad}: nine CTDC bands, four wider bands, minor/adult, then *. */
  AGE_BROAD(List.of("ageBroad"), List.of("CTDC band", "wide band", "0--17 / 18+", "*")),
  /** {@code majorityStatus}: Adult/Minor, then *. */
  MAJORITY_STATUS(List.of("majorityStatus"), List.of("Adult / Minor", "*")),
  /** {@code citizenship}: ISO 3166-1 alpha-2, UN M49 sub-region, UN M49 region, then *. */
  CITIZENSHIP(List.of("citizenship"), countryLevels()),
  /** {@code CountryOfExploitation}: as {@link #CITIZENSHIP}. */
  COUNTRY_OF_EXPLOITATION(List.of("CountryOfExploitation"), countryLevels()),
  /** {@code yearOfRegistration}: year, 5-year period, 10-year period, then *. */
  YEAR_OF_REGISTRATION(
      List.of("yearOfRegistration"), List.of("year", "5-year period", "10-year period", "*")),
  /**
   * The eight exploitation-type flags taken together: exact flags, then the three GLOTIP forms
   * (sexual exploitation, forced labour, other purposes), then *.
   */
  EXPLOITATION_TYPE(exploitationColumns(), List.of("flags", "sexual / labour / other", "*"));

  private final List<String> columns;
  private final List<String> levelNames;

  QuasiIdentifier(List<String> columns, List<String> levelNames) {
    this.columns = columns;
    this.levelNames = levelNames;
  }

  /** The CTDC columns this quasi-identifier covers. */
  public List<String> columns() {
    return columns;
  }

  /** The number of levels in its hierarchy, the exact value and * included. */
  public int levels() {
    return levelNames.size();
  }

  /** The name of each level, from exact to *. */
  public List<String> levelNames() {
    return levelNames;
  }

  private static List<String> countryLevels() {
    return List.of("ISO 3166-1 alpha-2", "UN M49 sub-region", "UN M49 region", "*");
  }

  private static List<String> exploitationColumns() {
    return CtdcFlag.of(FlagGroup.EXPLOITATION).stream()
        .map(CtdcFlag::column)
        .filter(c -> CtdcLayout.header().contains(c))
        .toList();
  }
}
