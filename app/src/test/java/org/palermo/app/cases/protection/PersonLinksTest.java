package org.palermo.app.cases.protection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A guardian's name is compared with a linked suspected exploiter's the way name search compares
 * names (Directive 2011/36/EU art. 14(2)): spacing, case, accents, word order and script do not
 * hide the person.
 */
class PersonLinksTest {
  @Test
  void spelling_variants_of_a_name_are_the_same_person() {
    for (String variant :
        new String[] {
          "Omar Test", "omar  test", "Omar Tést", "Test Omar", " OMAR TEST ", "Omar", "Omar J. Test"
        }) {
      assertThat(PersonLinks.likelySamePerson("Omar Test", variant)).as(variant).isTrue();
    }
    assertThat(PersonLinks.likelySamePerson("Mohammed Ali", "محمد علي")).isTrue();
    assertThat(PersonLinks.likelySamePerson("Muhammad Ali", "Mohammed Aly")).isTrue();
  }

  @Test
  void another_person_is_not_refused() {
    assertThat(PersonLinks.likelySamePerson("Omar Test", "Omar Smith")).isFalse();
    assertThat(PersonLinks.likelySamePerson("Omar Test", "G. Guardian")).isFalse();
    assertThat(PersonLinks.likelySamePerson("Omar Test", " ")).isFalse();
    assertThat(PersonLinks.likelySamePerson(null, "Omar Test")).isFalse();
  }
}
