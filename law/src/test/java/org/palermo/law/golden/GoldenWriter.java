package org.palermo.law.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.palermo.law.Facts;
import org.palermo.law.engine.Classifier;

/**
 * Writes a golden vignette file once, when a rule set is released: {@code GoldenWriter VERSION
 * FILE}. A golden file is never rewritten afterwards; {@code GoldenVignetteTest} checks that the
 * version still gives every answer in it.
 */
public final class GoldenWriter {
  private GoldenWriter() {}

  public static void main(String[] args) throws IOException {
    Classifier classifier = Classifier.forVersion(args[0]);
    List<String> codes =
        classifier.catalogue().indicators().stream()
            .map(org.palermo.law.indicator.Indicator::code)
            .sorted()
            .toList();
    List<String> lines = new ArrayList<>();
    for (Facts f : GoldenInputs.all(codes, new SplittableRandom(20261207L))) {
      lines.add(GoldenJson.line(f, classifier.classify(f)));
    }
    Files.write(Path.of(args[1]), lines, StandardCharsets.UTF_8);
  }
}
