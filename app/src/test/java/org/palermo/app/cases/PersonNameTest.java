package org.palermo.app.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one full-name rule: given then family, a blank part left out, any script kept as written. */
class PersonNameTest {

  @Test
  void given_name_then_family_name_with_one_space() {
    assertThat(PersonName.full("Amina", "Diallo")).isEqualTo("Amina Diallo");
  }

  @Test
  void a_missing_or_blank_part_is_left_out() {
    assertThat(PersonName.full("Amina", null)).isEqualTo("Amina");
    assertThat(PersonName.full("Amina", " ")).isEqualTo("Amina");
    assertThat(PersonName.full(null, "Diallo")).isEqualTo("Diallo");
    assertThat(PersonName.full("", "Diallo")).isEqualTo("Diallo");
    assertThat(PersonName.full(null, null)).isEmpty();
    assertThat(PersonName.full("", "")).isEmpty();
  }

  @Test
  void a_name_in_any_script_is_kept_as_written() {
    assertThat(PersonName.full("محمد", "العلي")).isEqualTo("محمد العلي");
    assertThat(PersonName.full("Nguyễn", "Thị Lan")).isEqualTo("Nguyễn Thị Lan");
  }

  @Test
  void the_person_record_the_store_and_the_case_list_use_the_same_rule() {
    assertThat(org.palermo.app.cases.persistence.PersonStore.fullName("Amina", ""))
        .isEqualTo(PersonName.full("Amina", ""));
    assertThat(
            new CaseList.Row(
                    null, null, null, null, null, false, false, 0, "Amina", null, null, null)
                .displayName())
        .isEqualTo("Amina");
  }
}
