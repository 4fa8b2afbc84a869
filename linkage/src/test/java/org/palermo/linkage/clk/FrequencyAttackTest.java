package org.palermo.linkage.clk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.palermo.linkage.Field;
import org.palermo.linkage.LinkageRecord;
import org.palermo.linkage.synth.PopulationGenerator;
import org.palermo.linkage.synth.SyntheticPopulation;

/**
 * A frequency-alignment attack (Kuzu, Kantarcioglu, Durham, Malin 2011, "A constraint satisfaction
 * cryptanalysis of Bloom filters in private record linkage", in its simplest form): the attacker
 * holds the encodings and a public list of name frequencies; it ranks the encodings by how often
 * each occurs and takes the i-th most frequent encoding to be the i-th most frequent name. Against
 * filters of the family name alone, unhardened, it re-identifies the most frequent names (the
 * control: the test can fail); against the record-level, balanced CLK that {@code palermo link
 * encode} writes it re-identifies none.
 */
class FrequencyAttackTest {
  private static final byte[] SECRET =
      "a secret the attacker does not hold".getBytes(StandardCharsets.UTF_8);
  private static final int TOP = 10;

  /** The data holder's records: a realistic name distribution (Latin script, no duplicates). */
  private static final SyntheticPopulation HELD =
      new PopulationGenerator(41).duplicateShare(0).nativeScriptShare(0).generate(20_000);

  /** What the attacker knows: the family names by frequency, from another (public) sample. */
  private static final List<String> PUBLIC_RANKING =
      ranking(
          new PopulationGenerator(42)
              .duplicateShare(0)
              .nativeScriptShare(0)
              .generate(20_000)
              .records(),
          r -> r.get(Field.FAMILY_NAME));

  @Test
  void theAttackReidentifiesTheMostFrequentNamesInPlainNameFilters() {
    ClkEncoder plain = new ClkEncoder(SECRET, 2, 1024, Hardening.NONE, Map.of("name", 12));
    int hits =
        attack(
            r ->
                plain.encode(
                    new LinkageRecord(r.id(), Map.of(Field.FAMILY_NAME, r.get(Field.FAMILY_NAME)))),
            1024,
            12);
    assertThat(hits)
        .as("names of the top %d re-identified in plain filters", TOP)
        .isGreaterThanOrEqualTo(6);
  }

  @Test
  void theAttackFailsOnTheHardenedRecordLevelEncodings() {
    ClkEncoder hardened = new ClkEncoder(SECRET);
    assertThat(hardened.parameters().hardening()).isEqualTo(Hardening.BALANCED);
    // the attacker knows the parameters of the file header: 2048 bits, k = 12 for names
    int hits = attack(hardened::encode, 2048, 12);
    assertThat(hits)
        .as("names of the top %d re-identified in hardened CLKs", TOP)
        .isLessThanOrEqualTo(1);
  }

  @Test
  void everyHardenedEncodingHasTheSameWeightSoTheWeightBetraysNoNameLength() {
    ClkEncoder hardened = new ClkEncoder(SECRET);
    ClkEncoder plain =
        new ClkEncoder(SECRET, 2, 1024, Hardening.NONE, ClkParameters.defaultWeights());
    var weightsHardened =
        HELD.records().stream().limit(500).map(r -> weight(hardened.encode(r))).distinct().toList();
    var weightsPlain =
        HELD.records().stream().limit(500).map(r -> weight(plain.encode(r))).distinct().toList();
    assertThat(weightsHardened).containsExactly(1024);
    assertThat(weightsPlain.size()).isGreaterThan(20);
  }

  /**
   * Runs the attack. The attacker ranks the encodings by frequency; for each of the {@value #TOP}
   * most frequent it estimates from the number of bits set (and the k of the file header) how many
   * distinct bigrams the name has, and guesses the most frequent public name of that many bigrams
   * not yet guessed. A hit when most records of that encoding have the guessed name. Returns the
   * number of hits.
   */
  private static int attack(Function<LinkageRecord, long[]> encode, int length, int k) {
    Map<String, List<LinkageRecord>> byEncoding = new HashMap<>();
    Map<String, Integer> weights = new HashMap<>();
    for (LinkageRecord r : HELD.records()) {
      long[] bits = encode.apply(r);
      String key = Bits.toBase64(bits);
      byEncoding.computeIfAbsent(key, x -> new ArrayList<>()).add(r);
      weights.put(key, weight(bits));
    }
    List<String> top =
        byEncoding.keySet().stream()
            .sorted(
                Comparator.comparingInt((String e) -> byEncoding.get(e).size())
                    .reversed()
                    .thenComparing(Comparator.naturalOrder()))
            .limit(TOP)
            .toList();
    Set<String> guessed = new HashSet<>();
    int hits = 0;
    for (String encoding : top) {
      double w = weights.get(encoding);
      long bigrams = Math.round(Math.log(1 - w / length) / (k * Math.log(1 - 1.0 / length)));
      String guess =
          PUBLIC_RANKING.stream()
              .filter(n -> !guessed.contains(n) && bigrams(n) == bigrams)
              .findFirst()
              .orElse(null);
      if (guess == null) {
        continue;
      }
      guessed.add(guess);
      List<LinkageRecord> group = byEncoding.get(encoding);
      long right = group.stream().filter(r -> guess.equals(r.get(Field.FAMILY_NAME))).count();
      if (right * 2 > group.size()) {
        hits++;
      }
    }
    return hits;
  }

  private static int bigrams(String name) {
    String s = "_" + ClkEncoder.latin(name) + "_";
    Set<String> grams = new HashSet<>();
    for (int i = 0; i + 2 <= s.length(); i++) {
      grams.add(s.substring(i, i + 2));
    }
    return grams.size();
  }

  private static List<String> ranking(
      List<LinkageRecord> records, Function<LinkageRecord, String> value) {
    return records.stream()
        .collect(Collectors.groupingBy(value, Collectors.counting()))
        .entrySet()
        .stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(Map.Entry::getKey)
        .toList();
  }

  private static int weight(long[] bits) {
    int n = 0;
    for (long w : bits) {
      n += Long.bitCount(w);
    }
    return n;
  }
}
