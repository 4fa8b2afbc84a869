package org.palermo.linkage.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.palermo.linkage.Field;
import org.palermo.linkage.LinkageRecord;
import org.palermo.linkage.io.LinkageCsv;

class PopulationGeneratorTest {

  @Test
  void theSameSeedGivesTheSameRecordsAndAnotherSeedOthers() {
    SyntheticPopulation a = new PopulationGenerator(7).generate(500);
    SyntheticPopulation b = new PopulationGenerator(7).generate(500);
    SyntheticPopulation c = new PopulationGenerator(8).generate(500);
    assertThat(a.records()).isEqualTo(b.records());
    assertThat(a.entityOf()).isEqualTo(b.entityOf());
    assertThat(a.records()).isNotEqualTo(c.records());
  }

  @Test
  void duplicatesAreKnownAndDifferFromTheirOriginal() {
    SyntheticPopulation pop = new PopulationGenerator(1).generate(2_000);
    Map<String, List<String>> groups = pop.duplicateGroups();
    Map<String, LinkageRecord> byId = pop.byId();
    // 40 % of persons have 1 to 3 duplicates
    assertThat(groups.size()).isBetween(700, 900);
    assertThat(pop.records().size()).isBetween(2_000 + 1_200, 2_000 + 2_400);
    assertThat(pop.truePairCount()).isGreaterThan(groups.size());
    long identical = 0;
    for (List<String> ids : groups.values()) {
      LinkageRecord first = byId.get(ids.get(0));
      LinkageRecord second = byId.get(ids.get(1));
      assertThat(pop.sameEntity(first.id(), second.id())).isTrue();
      if (first.values().equals(second.values())) {
        identical++;
      }
    }
    assertThat(identical).isLessThan(groups.size() / 10);
    String someone = pop.records().get(0).id();
    String other =
        pop.records().stream()
            .map(LinkageRecord::id)
            .filter(id -> !pop.entityOf().get(id).equals(pop.entityOf().get(someone)))
            .findFirst()
            .orElseThrow();
    assertThat(pop.sameEntity(someone, other)).isFalse();
    assertThat(pop.sameEntity("nobody", other)).isFalse();
  }

  @Test
  void namesHaveALongTailAndSeveralScripts() {
    SyntheticPopulation pop = new PopulationGenerator(3).duplicateShare(0).generate(20_000);
    Map<String, Long> family =
        pop.records().stream()
            .map(r -> r.get(Field.FAMILY_NAME))
            .collect(Collectors.groupingBy(n -> n, Collectors.counting()));
    List<Long> counts = family.values().stream().sorted((x, y) -> Long.compare(y, x)).toList();
    assertThat(family.size()).isGreaterThan(150);
    // the most frequent name is many times more frequent than the median one
    assertThat(counts.get(0)).isGreaterThan(8 * counts.get(counts.size() / 2));
    Set<Character.UnicodeScript> scripts =
        pop.records().stream()
            .map(r -> Character.UnicodeScript.of(r.get(Field.GIVEN_NAME).codePointAt(0)))
            .collect(Collectors.toSet());
    assertThat(scripts)
        .contains(
            Character.UnicodeScript.LATIN,
            Character.UnicodeScript.ARABIC,
            Character.UnicodeScript.CYRILLIC,
            Character.UnicodeScript.ETHIOPIC,
            Character.UnicodeScript.DEVANAGARI);
    assertThat(pop.records())
        .allSatisfy(
            r -> {
              assertThat(r.get(Field.SEX)).isIn(null, "M", "F");
              if (r.get(Field.CITIZENSHIP) != null) {
                assertThat(r.get(Field.CITIZENSHIP)).matches("[A-Z]{2}");
              }
            });
  }

  @Test
  void everyKindOfCorruptionShowsInTheDuplicates() {
    SyntheticPopulation pop = new PopulationGenerator(11).maxCorruptions(2).generate(3_000);
    Map<String, LinkageRecord> byId = pop.byId();
    int swapped = 0;
    int dayMonth = 0;
    int scriptChange = 0;
    int romanised = 0;
    int missing = 0;
    for (List<String> ids : pop.duplicateGroups().values()) {
      for (String x : ids) {
        for (String y : ids) {
          if (x.compareTo(y) >= 0) {
            continue;
          }
          LinkageRecord a = byId.get(x);
          LinkageRecord b = byId.get(y);
          if (eq(a.get(Field.GIVEN_NAME), b.get(Field.FAMILY_NAME))
              && eq(a.get(Field.FAMILY_NAME), b.get(Field.GIVEN_NAME))) {
            swapped++;
          }
          String da = a.get(Field.BIRTH_DATE);
          String db = b.get(Field.BIRTH_DATE);
          if (da != null
              && db != null
              && !da.equals(db)
              && da.substring(5, 7).equals(db.substring(8, 10))
              && da.substring(8, 10).equals(db.substring(5, 7))) {
            dayMonth++;
          }
          if (script(a) != script(b)) {
            scriptChange++;
          }
          if (b.get(Field.GIVEN_NAME) != null
              && Set.of("Muhammad", "Mohamed", "Mohammad").contains(b.get(Field.GIVEN_NAME))
              && "Mohammed".equals(a.get(Field.GIVEN_NAME))) {
            romanised++;
          }
          if (a.values().size() != b.values().size()) {
            missing++;
          }
        }
      }
    }
    assertThat(swapped).isPositive();
    assertThat(dayMonth).isPositive();
    assertThat(scriptChange).isPositive();
    assertThat(romanised).isPositive();
    assertThat(missing).isPositive();
  }

  @Test
  void twoFilesShareTheOverlapOnly() {
    TwoFiles files = new PopulationGenerator(5).twoFiles(1_000, 0.5);
    long both = files.truePairCount();
    assertThat(both).isBetween(430L, 570L);
    assertThat(files.left().records().size() + files.right().records().size())
        .isEqualTo(1_000 + (int) both);
    assertThat(files.left().duplicateGroups()).isEmpty();
    String leftId = files.left().records().get(0).id();
    String entity = files.left().entityOf().get(leftId);
    String rightId =
        files.right().entityOf().entrySet().stream()
            .filter(e -> e.getValue().equals(entity))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse("none");
    assertThat(files.match(leftId, rightId)).isEqualTo(!rightId.equals("none"));
    assertThat(files.match("none", rightId)).isFalse();
    assertThat(leftId).startsWith("a");
  }

  @Test
  void theCsvIsReadBackByTheLinkageReaderWithTheTruthColumnIgnored() throws Exception {
    SyntheticPopulation pop = new PopulationGenerator(9).generate(300);
    StringWriter out = new StringWriter();
    SyntheticCsv.write(out, pop, true);
    assertThat(out.toString()).startsWith("id,given_name,family_name,birth_date,");
    assertThat(out.toString().lines().findFirst().orElseThrow()).endsWith(",entity_id");
    List<LinkageRecord> back = LinkageCsv.read(new StringReader(out.toString()));
    assertThat(back).isEqualTo(pop.records());
    Map<String, String> truth = new HashMap<>();
    out.toString()
        .lines()
        .skip(1)
        .forEach(
            l -> truth.put(l.substring(0, l.indexOf(',')), l.substring(l.lastIndexOf(',') + 1)));
    assertThat(truth).isEqualTo(pop.entityOf());
  }

  @Test
  void theCsvIsWrittenToAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    SyntheticPopulation pop = new PopulationGenerator(9).generate(50);
    java.nio.file.Path file = dir.resolve("pop.csv");
    SyntheticCsv.write(file, pop, false);
    assertThat(LinkageCsv.read(file)).isEqualTo(pop.records());
  }

  private static boolean eq(String a, String b) {
    return a != null && a.equals(b);
  }

  private static Character.UnicodeScript script(LinkageRecord r) {
    String n = r.get(Field.FAMILY_NAME);
    return n == null ? null : Character.UnicodeScript.of(n.codePointAt(0));
  }
}
