package org.palermo.app.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.palermo.app.cases.domain.ChildFlag;
import org.palermo.app.cases.domain.MatchRule;

class NamesMatchTest {

  @Test
  void an_arabic_name_and_its_latin_forms_give_the_same_tokens() {
    assertThat(Names.matchTokens("محمد")).isEqualTo(Names.matchTokens("Mohammed"));
    assertThat(Names.matchTokens("Muhammad")).isEqualTo(Names.matchTokens("Mohammed"));
    assertThat(Names.matchTokens("فاطمة حسن")).isEqualTo(Names.matchTokens("Fatima Hassan"));
    assertThat(Names.matchTokens("يوسف")).isEqualTo(Names.matchTokens("Yusuf"));
    assertThat(Names.matchTokens("Юсуф")).isEqualTo(Names.matchTokens("Yusuf"));
    assertThat(Names.matchTokens("Fatima")).isNotEqualTo(Names.matchTokens("Maria"));
  }

  static MatchRule.Verdict judge(
      String a,
      LocalDate da,
      boolean ea,
      List<String> ca,
      String b,
      LocalDate db,
      boolean eb,
      List<String> cb) {
    return MatchRule.judge(Names.matchTokens(a), da, ea, ca, Names.matchTokens(b), db, eb, cb);
  }

  @Test
  void exact_dates_must_agree_and_an_estimated_one_may_be_a_year_off() {
    LocalDate d = LocalDate.of(2000, 5, 1);
    assertThat(
            judge("Fatima Hassan", d, false, List.of(), "فاطمة حسن", d, false, List.of()).match())
        .isTrue();
    assertThat(
            judge(
                    "Fatima Hassan",
                    d.plusDays(1),
                    false,
                    List.of(),
                    "فاطمة حسن",
                    d,
                    false,
                    List.of())
                .match())
        .isFalse();
    assertThat(
            judge(
                    "Fatima Hassan",
                    d.plusMonths(11),
                    true,
                    List.of(),
                    "فاطمة حسن",
                    d,
                    false,
                    List.of())
                .match())
        .isTrue();
    assertThat(
            judge(
                    "Fatima Hassan",
                    d.plusMonths(13),
                    true,
                    List.of(),
                    "فاطمة حسن",
                    d,
                    false,
                    List.of())
                .match())
        .isFalse();
    assertThat(
            judge("Fatima Hassan", null, false, List.of(), "فاطمة حسن", d, false, List.of())
                .match())
        .as("an unknown date does not exclude")
        .isTrue();
  }

  @Test
  void known_citizenships_must_share_one() {
    assertThat(
            judge(
                    "Fatima Hassan",
                    null,
                    false,
                    List.of("XA"),
                    "Fatima Hassan",
                    null,
                    false,
                    List.of("XB"))
                .match())
        .isFalse();
    assertThat(
            judge(
                    "Fatima Hassan",
                    null,
                    false,
                    List.of("XA", "XB"),
                    "Fatima Hassan",
                    null,
                    false,
                    List.of("XB"))
                .reasons())
        .contains("NAME", "CITIZENSHIP");
  }

  @Test
  void a_different_name_does_not_match() {
    assertThat(
            judge("Maria Lopez", null, false, List.of(), "Fatima Hassan", null, false, List.of())
                .match())
        .isFalse();
  }

  @Test
  void under_eighteen_or_age_disputed_is_a_child() {
    LocalDate today = LocalDate.of(2026, 7, 1);
    assertThat(ChildFlag.of(LocalDate.of(2008, 7, 2), false, today)).isTrue();
    assertThat(ChildFlag.of(LocalDate.of(2008, 7, 1), false, today)).isFalse();
    assertThat(ChildFlag.of(LocalDate.of(1990, 1, 1), true, today)).isTrue();
    assertThat(ChildFlag.of(null, false, today)).isFalse();
  }
}
