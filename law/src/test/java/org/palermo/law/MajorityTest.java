package org.palermo.law;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The age of majority, one fact: under 18 is a child (Protocol art. 3(d); CRC art. 1). */
class MajorityTest {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

  @Test
  void under_eighteen_is_a_child_and_eighteen_is_not() {
    assertThat(Majority.AGE).isEqualTo(18);
    assertThat(Majority.isChild(17)).isTrue();
    assertThat(Majority.isChild(18)).isFalse();
    assertThat(Majority.isChild(null)).isFalse();
    assertThat(ChildStatus.ADULTHOOD).isEqualTo(Majority.AGE);
  }

  @Test
  void a_person_is_a_child_until_the_eighteenth_birthday() {
    LocalDate eighteenToday = TODAY.minusYears(18);
    assertThat(Majority.isChildOn(eighteenToday, TODAY)).isFalse();
    assertThat(Majority.isChildOn(eighteenToday.plusDays(1), TODAY)).isTrue();
    assertThat(Majority.isChildOn(null, TODAY)).isFalse();
    assertThat(Majority.childrenBornAfter(TODAY)).isEqualTo(eighteenToday);
  }
}
