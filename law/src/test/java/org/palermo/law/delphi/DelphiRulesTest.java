package org.palermo.law.delphi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.palermo.law.DelphiAssessment;
import org.palermo.law.DelphiClass;
import org.palermo.law.DelphiList;
import org.palermo.law.DelphiListScore;
import org.palermo.law.Dimension;
import org.palermo.law.Rating;
import org.palermo.law.indicator.Indicator;
import org.palermo.law.indicator.IndicatorCatalogue;

/** The Delphi dimension rule and combination rules, for each of the four lists. */
class DelphiRulesTest {
  private static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.standard();
  private static final DelphiScorer SCORER = new DelphiScorer(CATALOGUE);

  @ParameterizedTest(name = "strong={0} medium={1} weak={2} -> clause {3}")
  @CsvSource(
      nullValues = "none",
      value = {
        "2,0,0,a",
        "3,1,1,a",
        "1,1,0,b",
        "1,0,1,b",
        "0,3,0,c",
        "0,4,2,c",
        "0,2,1,d",
        "1,0,0,none",
        "0,2,0,none",
        "0,1,1,none",
        "0,1,5,none",
        "0,0,1,none",
        "0,0,3,none",
        "0,0,9,none",
        "0,0,0,none"
      })
  void dimensionRule(int strong, int medium, int weak, String clause) {
    assertThat(DelphiRules.dimensionClause(strong, medium, weak)).isEqualTo(clause);
  }

  @Test
  void weakIndicatorsAloneNeverMakeADimensionPositive() {
    for (int weak = 0; weak <= 20; weak++) {
      assertThat(DelphiRules.dimensionClause(0, 0, weak)).as("weak=%d", weak).isNull();
    }
  }

  @ParameterizedTest
  @EnumSource(DelphiList.class)
  void dimensionRuleVariantsOnTheListsOwnIndicators(DelphiList list) {
    Dimension cd = Dimension.COERCION_AT_DESTINATION;
    List<Indicator> strong = items(list, cd, Rating.STRONG);
    List<Indicator> medium = items(list, cd, Rating.MEDIUM);
    assertThat(strong)
        .as("every list rates two or more CD indicators strong")
        .hasSizeGreaterThan(1);
    assertThat(dimension(list, codes(strong.get(0), strong.get(1))).clause()).isEqualTo("a");
    assertThat(dimension(list, codes(strong.get(0), medium.get(0))).clause()).isEqualTo("b");
    assertThat(dimension(list, codes(medium.get(0), medium.get(1), medium.get(2))).clause())
        .isEqualTo("c");
    assertThat(dimension(list, codes(strong.get(0))).positive()).isFalse();
    assertThat(dimension(list, codes(medium.get(0), medium.get(1))).positive()).isFalse();
    for (Dimension dimension : Dimension.values()) {
      List<Indicator> weak = items(list, dimension, Rating.WEAK);
      if (weak.isEmpty()) {
        continue;
      }
      var score = SCORER.score(codes(weak.toArray(Indicator[]::new))).lists().get(0);
      assertThat(score.dimension(dimension).positive())
          .as("%s %s weak only", list, dimension)
          .isFalse();
      List<Indicator> mediums = items(list, dimension, Rating.MEDIUM);
      if (mediums.size() >= 2) {
        assertThat(
                dimension(list, dimension, codes(mediums.get(0), mediums.get(1), weak.get(0)))
                    .clause())
            .isEqualTo("d");
      }
      List<Indicator> strongs = items(list, dimension, Rating.STRONG);
      if (!strongs.isEmpty()) {
        assertThat(dimension(list, dimension, codes(strongs.get(0), weak.get(0))).clause())
            .isEqualTo("b");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = DelphiList.class,
      names = {"ADULT_LABOUR", "ADULT_SEXUAL"})
  void adultRuleNeedsRecruitmentExploitationAndDestination(DelphiList list) {
    assertResult(list, Set.of(0, 3, 4), true, DelphiClass.POSSIBLE_VICTIM_OF_TRAFFICKING);
    assertResult(list, Set.of(1, 3, 5), true, DelphiClass.POSSIBLE_VICTIM_OF_TRAFFICKING);
    assertResult(list, Set.of(2, 3, 4), true, DelphiClass.POSSIBLE_VICTIM_OF_TRAFFICKING);
    assertResult(list, Set.of(0, 3), false, DelphiClass.DECEPTION_AND_EXPLOITATION);
    assertResult(list, Set.of(3, 4), false, DelphiClass.PARTIAL_INDICATORS);
    assertResult(list, Set.of(0, 1, 2, 4, 5), false, DelphiClass.PARTIAL_INDICATORS);
    assertResult(list, Set.of(3), false, DelphiClass.EXPLOITATION_ONLY);
    assertResult(list, Set.of(), false, DelphiClass.NOT_IDENTIFIED);
    assertThat(DelphiRules.ruleOf(list)).startsWith("adult:");
  }

  @ParameterizedTest
  @EnumSource(
      value = DelphiList.class,
      names = {"CHILD_LABOUR", "CHILD_SEXUAL"})
  void childRuleNeedsNoDestinationMeans(DelphiList list) {
    assertResult(list, Set.of(0, 3), true, DelphiClass.POSSIBLE_VICTIM_OF_TRAFFICKING);
    assertResult(list, Set.of(1, 3), true, DelphiClass.POSSIBLE_VICTIM_OF_TRAFFICKING);
    assertResult(list, Set.of(2, 3), true, DelphiClass.POSSIBLE_VICTIM_OF_TRAFFICKING);
    assertResult(list, Set.of(3, 4, 5), false, DelphiClass.PARTIAL_INDICATORS);
    assertResult(list, Set.of(0, 1, 2), false, DelphiClass.PARTIAL_INDICATORS);
    assertResult(list, Set.of(3), false, DelphiClass.EXPLOITATION_ONLY);
    assertResult(list, Set.of(), false, DelphiClass.NOT_IDENTIFIED);
    assertThat(DelphiRules.ruleOf(list)).startsWith("child:");
  }

  @ParameterizedTest
  @EnumSource(DelphiList.class)
  void scoringRealCodesOfEachList(DelphiList list) {
    // three medium indicators make each chosen dimension positive (clause c)
    Set<String> codes =
        EnumSet.of(
                Dimension.DECEPTIVE_RECRUITMENT,
                Dimension.EXPLOITATIVE_CONDITIONS_OF_WORK,
                Dimension.COERCION_AT_DESTINATION)
            .stream()
            .flatMap(d -> items(list, d, Rating.MEDIUM).stream().limit(3))
            .map(Indicator::code)
            .collect(Collectors.toSet());
    DelphiAssessment result = SCORER.score(codes);
    assertThat(result.notice()).contains("not a legal determination");
    assertThat(result.catalogueVersion()).isEqualTo(CATALOGUE.version());
    assertThat(result.lists()).hasSize(1);
    DelphiListScore score = result.lists().get(0);
    assertThat(score.list()).isEqualTo(list);
    assertThat(score.pendingVerification()).isTrue();
    assertThat(score.positive()).isTrue();
    assertThat(score.dimension(Dimension.DECEPTIVE_RECRUITMENT).medium()).isEqualTo(3);
    assertThat(score.dimension(Dimension.ABUSE_OF_VULNERABILITY_AT_DESTINATION).positive())
        .isFalse();

    Set<String> withoutDestination =
        codes.stream()
            .filter(c -> !c.contains("-" + Dimension.COERCION_AT_DESTINATION.abbreviation() + "-"))
            .collect(Collectors.toSet());
    DelphiListScore partial = SCORER.score(withoutDestination).lists().get(0);
    assertThat(partial.positive())
        .as("%s without destination means", list)
        .isEqualTo(list.children());
  }

  @Test
  void codesOfSeveralListsAreScoredPerListAndIloCodesAreIgnored() {
    DelphiAssessment result = SCORER.score(Set.of("AL-DR-01", "CS-EX-01", "ILO-FL-01"));
    assertThat(result.lists())
        .extracting(DelphiListScore::list)
        .containsExactly(DelphiList.ADULT_LABOUR, DelphiList.CHILD_SEXUAL);
    assertThat(SCORER.score(Set.of("ILO-FL-05")).lists()).isEmpty();
  }

  private static void assertResult(
      DelphiList list, Set<Integer> positive, boolean rule, DelphiClass expected) {
    int[][] counts = new int[6][3];
    for (int d : positive) {
      counts[d][0] = 2;
    }
    DelphiListScore score = DelphiScorer.scoreList(list, true, counts);
    assertThat(score.positive()).as("%s %s", list, positive).isEqualTo(rule);
    assertThat(score.result()).as("%s %s", list, positive).isEqualTo(expected);
  }

  private static List<Indicator> items(DelphiList list, Dimension dimension, Rating rating) {
    return CATALOGUE.indicators(list.name()).stream()
        .filter(i -> i.dimension() == dimension && i.rating() == rating)
        .collect(Collectors.toList());
  }

  private static Set<String> codes(Indicator... indicators) {
    return java.util.Arrays.stream(indicators).map(Indicator::code).collect(Collectors.toSet());
  }

  private static org.palermo.law.DimensionScore dimension(DelphiList list, Set<String> codes) {
    return dimension(list, Dimension.COERCION_AT_DESTINATION, codes);
  }

  private static org.palermo.law.DimensionScore dimension(
      DelphiList list, Dimension dimension, Set<String> codes) {
    DelphiListScore score = SCORER.score(codes).lists().get(0);
    assertThat(score.list()).isEqualTo(list);
    return score.dimension(dimension);
  }
}
