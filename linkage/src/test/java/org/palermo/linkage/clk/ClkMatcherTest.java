package org.palermo.linkage.clk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.palermo.linkage.Pair;
import org.palermo.linkage.clk.ClkMatcher.Encoded;
import org.palermo.linkage.synth.PopulationGenerator;
import org.palermo.linkage.synth.SyntheticPopulation;
import org.palermo.linkage.synth.TwoFiles;

class ClkMatcherTest {
  private static final byte[] SECRET =
      "agreement 2026-17 between IT and ER".getBytes(StandardCharsets.UTF_8);

  static List<Encoded> encode(ClkEncoder encoder, SyntheticPopulation pop) {
    return pop.records().stream().map(r -> new Encoded(r.id(), encoder.encode(r))).toList();
  }

  @Test
  void matchingEncodedFilesFindsThePersonsOfBothWithHighPrecisionAndRecall() {
    TwoFiles files = new PopulationGenerator(2026).twoFiles(4_000, 0.5);
    ClkEncoder encoder = new ClkEncoder(SECRET);
    List<Pair> pairs =
        new ClkMatcher(ClkMatcher.DEFAULT_THRESHOLD)
            .match(
                encode(encoder, files.left()),
                encode(encoder, files.right()),
                encoder.parameters().encodedLength());
    long right = pairs.stream().filter(p -> files.match(p.leftId(), p.rightId())).count();
    double precision = (double) right / pairs.size();
    double recall = (double) right / files.truePairCount();
    System.out.printf(
        "CLK precision %.4f recall %.4f pairs %d true %d%n",
        precision, recall, pairs.size(), files.truePairCount());
    // measured 0.95 and 0.80 (seed 2026, default weights and threshold)
    assertThat(precision).isGreaterThan(0.93);
    assertThat(recall).isGreaterThan(0.75);
    assertThat(pairs)
        .allSatisfy(p -> assertThat(p.probability()).isBetween(ClkMatcher.DEFAULT_THRESHOLD, 1.0));
    assertThat(pairs.stream().map(Pair::leftId).distinct().count()).isEqualTo(pairs.size());
    assertThat(pairs.stream().map(Pair::rightId).distinct().count()).isEqualTo(pairs.size());
  }

  @Test
  void aThresholdOutsideTheUnitIntervalIsRefused() {
    assertThatThrownBy(() -> new ClkMatcher(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ClkMatcher(1.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
