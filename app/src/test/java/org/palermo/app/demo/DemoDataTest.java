package org.palermo.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo data can never be taken for real: its places are in the ISO 3166 codes reserved for
 * private use and say they are synthetic, its providers say they are demo providers, and its names
 * are written in the scripts that the name search (blind tokens) must handle.
 */
class DemoDataTest {

  @Test
  void every_place_is_fictional_and_every_provider_says_it_is_a_demo() {
    List<DemoRoute.Stop> stops = new ArrayList<>();
    for (DemoRoute.Provider provider : DemoRoute.PROVIDERS) {
      assertThat(provider.name()).startsWith("Demo ");
      assertThat(provider.services()).isNotEmpty();
      stops.add(provider.stop());
    }
    for (DemoRoute.Stop stop : stops) {
      // ISO 3166-1 reserves XA to XZ for user assignment: no real country has these codes.
      assertThat(stop.country()).matches("X[A-Z]");
      assertThat(stop.city()).endsWith("(synthetic)");
      assertThat(stop.lat()).isBetween(-90.0, 90.0);
      assertThat(stop.lon()).isBetween(-180.0, 180.0);
    }
  }

  static final Map<String, UnicodeScript> SCRIPT_OF_SET =
      Map.of(
          "Latin", UnicodeScript.LATIN,
          "Arabic", UnicodeScript.ARABIC,
          "Persian", UnicodeScript.ARABIC,
          "Cyrillic", UnicodeScript.CYRILLIC,
          "Ethiopic", UnicodeScript.ETHIOPIC,
          "Devanagari", UnicodeScript.DEVANAGARI);

  @Test
  void each_name_set_is_written_in_its_own_script_and_carries_languages() {
    assertThat(DemoNames.SETS).extracting(DemoNames.NameSet::script).doesNotHaveDuplicates();
    assertThat(DemoNames.SETS.stream().map(set -> SCRIPT_OF_SET.get(set.script())).distinct())
        .as("names in several scripts, right-to-left ones among them")
        .hasSizeGreaterThanOrEqualTo(5)
        .contains(UnicodeScript.ARABIC, UnicodeScript.LATIN);
    for (DemoNames.NameSet set : DemoNames.SETS) {
      UnicodeScript script = SCRIPT_OF_SET.get(set.script());
      assertThat(script).as("known script " + set.script()).isNotNull();
      assertThat(set.female()).isNotEmpty();
      assertThat(set.male()).isNotEmpty();
      assertThat(set.family()).isNotEmpty();
      assertThat(set.languages()).isNotEmpty().allMatch(code -> code.matches("[a-z]{3}"));
      List<String> names = new ArrayList<>(set.female());
      names.addAll(set.male());
      names.addAll(set.family());
      for (String name : names) {
        name.codePoints()
            .filter(Character::isLetter)
            .forEach(
                c ->
                    assertThat(UnicodeScript.of(c))
                        .as("%s in %s", name, set.script())
                        .isEqualTo(script));
      }
    }
  }
}
