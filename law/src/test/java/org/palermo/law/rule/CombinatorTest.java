package org.palermo.law.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.palermo.law.rule.Truth.FALSE;
import static org.palermo.law.rule.Truth.TRUE;
import static org.palermo.law.rule.Truth.UNKNOWN;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.palermo.law.Facts;
import org.palermo.law.engine.RuleSet;
import org.palermo.law.trafficking.ActElement;

/** Three-valued logic and the all/any combinators. */
class CombinatorTest {

  @Test
  void kleeneConjunctionAndDisjunction() {
    assertThat(TRUE.and(TRUE)).isEqualTo(TRUE);
    assertThat(TRUE.and(UNKNOWN)).isEqualTo(UNKNOWN);
    assertThat(UNKNOWN.and(FALSE)).isEqualTo(FALSE);
    assertThat(FALSE.and(TRUE)).isEqualTo(FALSE);
    assertThat(FALSE.or(FALSE)).isEqualTo(FALSE);
    assertThat(FALSE.or(UNKNOWN)).isEqualTo(UNKNOWN);
    assertThat(UNKNOWN.or(TRUE)).isEqualTo(TRUE);
    assertThat(Truth.of(null)).isEqualTo(UNKNOWN);
    assertThat(Truth.present(java.util.Set.of())).isEqualTo(FALSE);
  }

  @Test
  void combinatorsEvaluateEveryPartAndKeepTheirVerdicts() {
    Rule yes = fixed("YES", TRUE);
    Rule no = fixed("NO", FALSE);
    Rule maybe = fixed("MAYBE", UNKNOWN);
    Verdict all = Rule.all("ALL", "c", yes, maybe, no).evaluate(Facts.builder().build());
    assertThat(all.truth()).isEqualTo(FALSE);
    assertThat(all.parts()).extracting(Verdict::rule).containsExactly("YES", "MAYBE", "NO");
    assertThat(all.partsWith(UNKNOWN)).containsExactly("MAYBE");
    assertThat(Rule.all("ALL", "c", yes, maybe).evaluate(null).truth()).isEqualTo(UNKNOWN);
    Verdict any = Rule.any("ANY", "c", no, maybe, yes).evaluate(null);
    assertThat(any.truth()).isEqualTo(TRUE);
    assertThat(any.find("MAYBE")).isPresent();
    assertThat(Rule.any("ANY", "c", no, maybe).evaluate(null).truth()).isEqualTo(UNKNOWN);
    assertThat(Rule.any("ANY", "c", no, no).evaluate(null).truth()).isEqualTo(FALSE);
  }

  @Test
  void everyRuleOfTheRuleSetCitesAnArticle() {
    RuleSet rules = RuleSet.current();
    Verdict trafficking = rules.trafficking().definition().evaluate(Facts.builder().build());
    Verdict smuggling = rules.smuggling().definition().evaluate(Facts.builder().build());
    assertThat(trafficking.part(ActElement.CODE).reasons()).isNotEmpty();
    assertThat(List.of(rules.trafficking().definition(), rules.smuggling().definition()))
        .allSatisfy(r -> assertThat(r.citation()).contains("Protocol art. 3"));
    assertThat(rules.smuggling().aggravations().values())
        .allSatisfy(r -> assertThat(r.citation()).startsWith("Smuggling Protocol art. 6(3)"));
    assertThat(trafficking.parts()).hasSize(3);
    assertThat(smuggling.parts()).hasSize(5);
  }

  private static Rule fixed(String code, Truth truth) {
    return new Rule() {
      @Override
      public String code() {
        return code;
      }

      @Override
      public String citation() {
        return "test";
      }

      @Override
      public Verdict evaluate(Facts facts) {
        return Verdict.silent(code, truth);
      }
    };
  }
}
