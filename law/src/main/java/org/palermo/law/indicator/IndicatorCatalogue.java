package org.palermo.law.indicator;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A versioned, immutable catalogue of indicator lists and their indicators. {@link #standard()} is
 * the one shipped with this module.
 */
public final class IndicatorCatalogue {
  /** Classpath folder of the shipped catalogue. */
  public static final String STANDARD_DIR = "org/palermo/law/indicator";

  private final String version;
  private final List<IndicatorList> lists;
  private final Map<String, Indicator> indicators;

  IndicatorCatalogue(String version, List<IndicatorList> lists, Map<String, Indicator> indicators) {
    this.version = version;
    this.lists = List.copyOf(lists);
    this.indicators = Collections.unmodifiableMap(indicators);
  }

  /** The catalogue shipped in this module (loaded once). */
  public static IndicatorCatalogue standard() {
    return Standard.CATALOGUE;
  }

  /**
   * The shipped catalogue of {@code version}: the current one, or a frozen earlier one kept in
   * {@code STANDARD_DIR/<number>} so that its rule set stays reproducible.
   */
  public static IndicatorCatalogue forVersion(String version) {
    if (standard().version().equals(version)) {
      return standard();
    }
    if (!version.startsWith("palermo-indicators/")) {
      throw new IllegalArgumentException("unknown catalogue " + version);
    }
    return CatalogueLoader.fromClasspath(
        STANDARD_DIR + "/" + version.substring("palermo-indicators/".length()));
  }

  /** The version string, e.g. {@code palermo-indicators/1.0.0}. */
  public String version() {
    return version;
  }

  /** All lists in file order. */
  public List<IndicatorList> lists() {
    return lists;
  }

  /** The list with {@code id}. */
  public Optional<IndicatorList> list(String id) {
    return lists.stream().filter(l -> l.id().equals(id)).findFirst();
  }

  /** The indicator with {@code code}. */
  public Optional<Indicator> indicator(String code) {
    return Optional.ofNullable(indicators.get(code));
  }

  /** Whether {@code code} is in the catalogue. */
  public boolean contains(String code) {
    return indicators.containsKey(code);
  }

  /** All indicators in file order. */
  public Collection<Indicator> indicators() {
    return indicators.values();
  }

  /** The indicators of list {@code listId}, in file order. */
  public List<Indicator> indicators(String listId) {
    return indicators.values().stream()
        .filter(i -> i.list().equals(listId))
        .collect(Collectors.toUnmodifiableList());
  }

  private static final class Standard {
    static final IndicatorCatalogue CATALOGUE = CatalogueLoader.fromClasspath(STANDARD_DIR);
  }
}
