package org.palermo.law.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.palermo.law.Act;
import org.palermo.law.Facts;
import org.palermo.law.FactsTestData;
import org.palermo.law.InvalidFactsException;
import org.palermo.law.Problem;

/** Facts the engine refuses, each problem named with its code and field. */
class ValidationTest {
  private final Classifier classifier = Classifier.standard();

  @Test
  void unknownIndicatorCodesAreRejectedByName() {
    Facts facts =
        FactsTestData.anUnknownPerson().indicators("AL-DR-01", "XX-99", "al-dr-02").build();
    List<Problem> problems = classifier.validate(facts);
    assertThat(problems).extracting(Problem::code).containsOnly(Problem.UNKNOWN_INDICATOR);
    assertThat(problems).extracting(Problem::field).containsOnly("indicators");
    assertThat(problems)
        .extracting(Problem::message)
        .anyMatch(m -> m.contains("'XX-99'"))
        .anyMatch(m -> m.contains("'al-dr-02'"))
        .noneMatch(m -> m.contains("AL-DR-01"));
    assertThatThrownBy(() -> classifier.classify(facts))
        .isInstanceOf(InvalidFactsException.class)
        .hasMessageContaining("XX-99")
        .satisfies(e -> assertThat(((InvalidFactsException) e).problems()).hasSize(2));
  }

  @Test
  void everyCatalogueCodeIsAccepted() {
    Set<String> all =
        Set.copyOf(
            classifier.catalogue().indicators().stream()
                .map(org.palermo.law.indicator.Indicator::code)
                .toList());
    Facts facts = FactsTestData.anUnknownPerson().indicators(all).build();
    assertThat(classifier.validate(facts)).isEmpty();
    assertThat(classifier.classify(facts).delphi().lists()).hasSize(4);
  }

  @Test
  void impossibleAgesAreRejected() {
    assertThat(classifier.validate(Facts.builder().age(-1).build()))
        .extracting(Problem::code)
        .containsExactly(Problem.AGE_OUT_OF_RANGE);
    assertThat(classifier.validate(Facts.builder().ageAtFirstAct(200).build()))
        .extracting(Problem::field)
        .containsExactly("ageAtFirstAct");
    assertThat(classifier.validate(Facts.builder().age(20).ageAtFirstAct(25).build()))
        .extracting(Problem::code)
        .containsExactly(Problem.AGE_AT_FIRST_ACT_AFTER_AGE);
    assertThat(classifier.validate(Facts.builder().age(20).ageAtFirstAct(20).build())).isEmpty();
  }

  @Test
  void nullElementsInSetsAreRefusedWhenFactsAreBuilt() {
    java.util.Set<Act> withNull = new java.util.HashSet<>();
    withNull.add(null);
    assertThatThrownBy(
            () ->
                new Facts(
                    "x", null, null, withNull, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acts");
  }

  @Test
  void setsAreCopiedAndFrozenButUnknownStaysNull() {
    java.util.Set<Act> acts = new java.util.HashSet<>(Set.of(Act.RECEIPT));
    Facts facts =
        new Facts(
            "x", null, null, acts, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);
    acts.add(Act.TRANSFER);
    assertThat(facts.acts()).containsExactly(Act.RECEIPT);
    assertThat(facts.means()).isNull();
    assertThatThrownBy(() -> facts.acts().add(Act.HARBOURING))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aRuleSetIsFoundByItsVersionAndAnUnknownOneIsRefused() {
    assertThat(RuleSet.forVersion("palermo-rules/1.1.0")).isSameAs(RuleSet.current());
    assertThat(RuleSet.forVersion("palermo-rules/1.0.0").catalogueVersion())
        .isEqualTo("palermo-indicators/1.0.0");
    assertThat(Classifier.forVersion("palermo-rules/1.0.0").catalogue().version())
        .isEqualTo("palermo-indicators/1.0.0");
    assertThatThrownBy(() -> RuleSet.forVersion("palermo-rules/0.9.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.9.0");
  }
}
