package org.palermo.law.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.palermo.law.Facts;
import org.palermo.law.engine.Classifier;

/**
 * A released rule set is frozen: {@code Classifier.forVersion(v)} gives, for every input of the
 * version's golden file, exactly the answer written there when the version was released (every
 * field, reason texts included). A golden file is never edited; a rule change gets a new version.
 */
class GoldenVignetteTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"palermo-rules/1.0.0", "palermo-rules/1.1.0"})
  void aReleasedRuleSetReproducesEveryAnswerOfItsGoldenFile(String version) throws IOException {
    List<String> lines = golden(version);
    assertThat(lines).hasSizeGreaterThan(500);
    Classifier classifier = Classifier.forVersion(version);
    int checked = 0;
    for (String line : lines) {
      Facts facts = GoldenJson.readFacts(line);
      assertThat(GoldenJson.line(facts, classifier.classify(facts)))
          .as("%s, vignette %s", version, facts.id())
          .isEqualTo(line);
      checked++;
    }
    assertThat(checked).isEqualTo(lines.size());
  }

  private static List<String> golden(String version) throws IOException {
    String resource =
        "org/palermo/law/golden/" + version.replace("palermo-rules/", "palermo-rules-") + ".jsonl";
    try (InputStream in = GoldenVignetteTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().filter(l -> !l.isBlank()).toList();
    }
  }
}
