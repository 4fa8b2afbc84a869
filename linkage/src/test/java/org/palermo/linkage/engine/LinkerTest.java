package org.palermo.linkage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.palermo.linkage.Field;
import org.palermo.linkage.LinkageRecord;
import org.palermo.linkage.Pair;
import org.palermo.linkage.synth.PopulationGenerator;
import org.palermo.linkage.synth.SyntheticPopulation;
import org.palermo.linkage.synth.TwoFiles;

/**
 * The engine on generated data with known truth (the synthetic-population generator): blocking
 * recall, precision, recall, F1.
 */
class LinkerTest {
  /** A moderately corrupted population: 3,000 persons, 40% with one to three duplicates. */
  static final SyntheticPopulation DATA = new PopulationGenerator(16).generate(3000);

  static Set<String> truth(SyntheticPopulation population) {
    Set<String> truth = new HashSet<>();
    for (List<String> ids : population.duplicateGroups().values()) {
      for (int i = 0; i < ids.size(); i++) {
        for (int j = i + 1; j < ids.size(); j++) {
          truth.add(key(ids.get(i), ids.get(j)));
        }
      }
    }
    return truth;
  }

  static String key(String a, String b) {
    return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
  }

  static final Set<String> TRUTH = truth(DATA);

  @Test
  void blocking_keeps_almost_every_true_pair() {
    Prepared[] prepared = new Prepared[DATA.records().size()];
    for (int i = 0; i < prepared.length; i++) {
      prepared[i] = new Prepared(DATA.records().get(i), 0);
    }
    Blocking blocking = new Blocking(prepared, false, Blocking.DEFAULT_MAX_BLOCK);
    Set<String> found = java.util.concurrent.ConcurrentHashMap.newKeySet();
    AtomicLong candidates = new AtomicLong();
    blocking.forEachCandidate(
        (i, j) -> {
          candidates.incrementAndGet();
          String k = key(prepared[i].id, prepared[j].id);
          assertThat(found.add(k)).as("each candidate once").isTrue();
        });
    long kept = TRUTH.stream().filter(found::contains).count();
    double recall = kept / (double) TRUTH.size();
    assertThat(recall).as("blocking recall").isGreaterThanOrEqualTo(0.97);
    long all = (long) prepared.length * (prepared.length - 1) / 2;
    assertThat(candidates.get()).as("far fewer than all pairs").isLessThan(all / 20);
    assertThat(blocking.count()).isEqualTo(candidates.get());
  }

  @Test
  void dedupe_precision_and_recall_on_a_corrupted_population() {
    Linker linker = Linker.dedupe(DATA.records());
    List<Pair> pairs = linker.pairs(Linker.DEFAULT_THRESHOLD);
    Quality q = Quality.of(pairs, TRUTH);
    System.out.printf(
        "dedupe: %d records, %d true pairs, %d candidates, precision %.3f recall %.3f F1 %.3f%n",
        DATA.records().size(), TRUTH.size(), linker.candidatePairs(), q.precision, q.recall, q.f1);
    assertThat(q.precision).isGreaterThanOrEqualTo(0.85);
    assertThat(q.recall).isGreaterThanOrEqualTo(0.9);
    assertThat(q.f1).isGreaterThanOrEqualTo(0.9);
    for (Pair p : pairs) {
      assertThat(p.leftId()).isLessThan(p.rightId());
      assertThat(p.probability()).isBetween(Linker.DEFAULT_THRESHOLD, 1.0);
    }
  }

  @Test
  void match_across_two_files_puts_the_left_id_first() {
    TwoFiles files = new PopulationGenerator(61).twoFiles(3000, 0.5);
    List<Pair> pairs =
        Linker.match(files.left().records(), files.right().records())
            .pairs(Linker.DEFAULT_THRESHOLD);
    long tp = pairs.stream().filter(p -> files.match(p.leftId(), p.rightId())).count();
    double precision = tp / (double) pairs.size();
    double recall = tp / (double) files.truePairCount();
    double f1 = 2 * precision * recall / (precision + recall);
    System.out.printf("match: precision %.3f recall %.3f F1 %.3f%n", precision, recall, f1);
    assertThat(precision).isGreaterThanOrEqualTo(0.85);
    assertThat(recall).isGreaterThanOrEqualTo(0.9);
    assertThat(f1).isGreaterThanOrEqualTo(0.9);
    assertThat(pairs).allSatisfy(p -> assertThat(p.leftId()).startsWith("a"));
  }

  @Test
  void a_common_name_weighs_less_than_a_rare_one() {
    List<LinkageRecord> records = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      records.add(
          rec("c" + i, "Mohammed", "Name" + i, "19" + (50 + i % 50) + "-01-0" + (1 + i % 9)));
    }
    records.add(rec("r1", "Zebulon", "Okafor", "1990-05-05"));
    records.add(rec("r2", "Zebulon", "Diallo", "1970-06-06"));
    Linker linker = Linker.dedupe(records);
    Explanation common = linker.explain("c1", "c2");
    Explanation rare = linker.explain("r1", "r2");
    double commonWeight = common.terms().get(Comparison.GIVEN_NAME.ordinal()).weight();
    double rareWeight = rare.terms().get(Comparison.GIVEN_NAME.ordinal()).weight();
    assertThat(common.terms().get(Comparison.GIVEN_NAME.ordinal()).level()).isZero();
    assertThat(rareWeight).isGreaterThan(commonWeight + 5);
    assertThat(rare.terms().get(Comparison.GIVEN_NAME.ordinal()).frequencyAdjusted()).isTrue();
  }

  @Test
  void the_explanation_names_levels_scripts_and_weights() {
    List<LinkageRecord> records = new ArrayList<>(DATA.records());
    records.add(rec("a", "محمد", "حداد", "1985-04-09"));
    records.add(rec("b", "Mohammed", "Haddad", "1985-09-04"));
    Linker linker = Linker.dedupe(records);
    Explanation e = linker.explain("a", "b");
    String text = e.toString();
    assertThat(text)
        .contains("family name same sound (Arabic ↔ Latin) +")
        .contains("given name same sound (Arabic ↔ Latin) +")
        .contains("birth date day/month swapped +")
        .contains("match probability");
    assertThat(text).doesNotContain("citizenship");
    assertThat(e.terms()).hasSize(Comparison.values().length);
    assertThat(e.probability()).isGreaterThan(0.5);
  }

  @Test
  void clusters_are_connected_components() {
    List<List<String>> clusters =
        Clusters.of(
            List.of(new Pair("a", "b", 0.95), new Pair("c", "b", 0.97), new Pair("x", "y", 0.99)));
    assertThat(clusters).containsExactly(List.of("a", "b", "c"), List.of("x", "y"));
    Linker linker = Linker.dedupe(DATA.records());
    List<List<String>> persons = Clusters.of(linker.pairs(Linker.DEFAULT_THRESHOLD));
    long pure =
        persons.stream()
            .filter(c -> c.stream().map(DATA.entityOf()::get).distinct().count() == 1)
            .count();
    assertThat(pure / (double) persons.size()).as("clusters of one person").isGreaterThan(0.8);
  }

  static LinkageRecord rec(String id, String given, String family, String birth) {
    return new LinkageRecord(
        id, Map.of(Field.GIVEN_NAME, given, Field.FAMILY_NAME, family, Field.BIRTH_DATE, birth));
  }

  record Quality(double precision, double recall, double f1) {
    static Quality of(List<Pair> pairs, Set<String> truth) {
      long tp = pairs.stream().filter(p -> truth.contains(key(p.leftId(), p.rightId()))).count();
      double precision = pairs.isEmpty() ? 0 : tp / (double) pairs.size();
      double recall = tp / (double) truth.size();
      return new Quality(precision, recall, 2 * precision * recall / (precision + recall));
    }
  }
}
