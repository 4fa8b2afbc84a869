package org.palermo.linkage.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.palermo.linkage.Field;
import org.palermo.linkage.LinkageRecord;

/** Each comparison level, on two records that differ in one way. */
class ComparisonTest {
  static Prepared rec(Object... fieldValues) {
    Map<Field, String> v = new EnumMap<>(Field.class);
    for (int i = 0; i < fieldValues.length; i += 2) {
      v.put((Field) fieldValues[i], (String) fieldValues[i + 1]);
    }
    return new Prepared(new LinkageRecord("x", v), 0);
  }

  static int level(Comparison c, Prepared a, Prepared b) {
    int l = c.level(a, b);
    assertThat(c.level(b, a)).as("symmetric").isEqualTo(l);
    return l;
  }

  static Prepared name(String given, String family) {
    return rec(Field.GIVEN_NAME, given, Field.FAMILY_NAME, family);
  }

  @Test
  void family_name_levels() {
    Comparison c = Comparison.FAMILY_NAME;
    assertThat(level(c, name("Ana", "Okafor"), name("Ana", "OKAFOR"))).isZero();
    assertThat(level(c, name("Ana", "Okafor"), name("Ana", "Okafro"))).isEqualTo(1);
    assertThat(level(c, name("Ana", "Mohammed"), name("Ana", "Muhammad"))).isEqualTo(2);
    assertThat(level(c, name("Okafor", "Ana"), name("Ana", "Okafor"))).isEqualTo(3);
    assertThat(level(c, name("Ana", "Mensah Osei"), name("Ana", "Mensah"))).isEqualTo(4);
    assertThat(level(c, name("Ana", "O"), name("Ana", "Okafor"))).isEqualTo(5);
    assertThat(level(c, name("Ana", "Okafor"), name("Ana", "Diallo"))).isEqualTo(6);
    assertThat(level(c, name("Ana", null), name("Ana", "Diallo"))).isEqualTo(-1);
  }

  @Test
  void given_name_levels_and_a_swap_counted_once() {
    Comparison c = Comparison.GIVEN_NAME;
    assertThat(level(c, name("Blessing", "X"), name("blessing", "X"))).isZero();
    assertThat(level(c, name("Blessing", "X"), name("Blesing", "X"))).isEqualTo(1);
    assertThat(level(c, name("Mohammed", "X"), name("Mohamad", "X"))).isEqualTo(2);
    assertThat(level(c, name("Svetlana", "X"), name("Svetlanna", "X"))).isEqualTo(1);
    assertThat(level(c, name("Svetlana", "X"), name("Svetlena", "X"))).isEqualTo(2);
    assertThat(level(c, name("J", "X"), name("John", "X"))).isEqualTo(4);
    assertThat(level(c, name("Grace", "X"), name("Peter", "X"))).isEqualTo(5);
    assertThat(level(c, name("Okafor", "Ana"), name("Ana", "Okafor"))).isEqualTo(-1);
  }

  @Test
  void full_name_is_split_when_given_and_family_are_absent() {
    Prepared a = rec(Field.FULL_NAME, "Amina Grace Diallo");
    assertThat(a.given).isEqualTo("amina grace");
    assertThat(a.family).isEqualTo("diallo");
    Prepared b = rec(Field.GIVEN_NAME, "Amina", Field.FAMILY_NAME, "Diallo");
    assertThat(level(Comparison.FAMILY_NAME, a, b)).isZero();
    assertThat(level(Comparison.GIVEN_NAME, a, b)).isEqualTo(3);
  }

  @Test
  void birth_date_levels() {
    Comparison c = Comparison.BIRTH_DATE;
    Prepared d = rec(Field.BIRTH_DATE, "1990-03-07");
    assertThat(level(c, d, rec(Field.BIRTH_DATE, "1990-03-07"))).isZero();
    assertThat(level(c, d, rec(Field.BIRTH_DATE, "1990-07-03"))).isEqualTo(1);
    assertThat(level(c, d, rec(Field.BIRTH_DATE, "1991-03-07"))).isEqualTo(2);
    assertThat(level(c, d, rec(Field.BIRTH_DATE, "1990-11-20"))).isEqualTo(3);
    assertThat(level(c, d, rec(Field.BIRTH_DATE, "1989-11-20"))).isEqualTo(4);
    assertThat(level(c, d, rec(Field.BIRTH_DATE, "1975-03-07"))).isEqualTo(5);
    assertThat(level(c, d, rec())).isEqualTo(-1);
  }

  @Test
  void sex_citizenship_birth_place_and_document_levels() {
    assertThat(level(Comparison.SEX, rec(Field.SEX, "F"), rec(Field.SEX, "female"))).isZero();
    assertThat(level(Comparison.SEX, rec(Field.SEX, "F"), rec(Field.SEX, "m"))).isEqualTo(1);
    assertThat(level(Comparison.SEX, rec(Field.SEX, "x"), rec(Field.SEX, "m"))).isEqualTo(-1);
    Comparison cz = Comparison.CITIZENSHIP;
    assertThat(level(cz, rec(Field.CITIZENSHIP, "ng a"), rec(Field.CITIZENSHIP, "NGA"))).isZero();
    assertThat(level(cz, rec(Field.CITIZENSHIP, "ERI"), rec(Field.CITIZENSHIP, "ETH")))
        .isEqualTo(1);
    Comparison bp = Comparison.BIRTH_PLACE;
    assertThat(level(bp, rec(Field.BIRTH_PLACE, "Odesa"), rec(Field.BIRTH_PLACE, "Одеса")))
        .isZero();
    assertThat(level(bp, rec(Field.BIRTH_PLACE, "Odesa"), rec(Field.BIRTH_PLACE, "Odessa")))
        .isEqualTo(1);
    assertThat(level(bp, rec(Field.BIRTH_PLACE, "Lagos"), rec(Field.BIRTH_PLACE, "Kano")))
        .isEqualTo(2);
    Comparison doc = Comparison.DOCUMENT_NUMBER;
    Prepared p = rec(Field.DOCUMENT_NUMBER, "P1234567");
    assertThat(level(doc, p, rec(Field.DOCUMENT_NUMBER, "p 123-4567"))).isZero();
    assertThat(level(doc, p, rec(Field.DOCUMENT_NUMBER, "P1234557"))).isEqualTo(1);
    assertThat(level(doc, p, rec(Field.DOCUMENT_NUMBER, "P1243567"))).isEqualTo(1);
    assertThat(level(doc, p, rec(Field.DOCUMENT_NUMBER, "P123456"))).isEqualTo(1);
    assertThat(level(doc, p, rec(Field.DOCUMENT_NUMBER, "P7654321"))).isEqualTo(2);
  }

  @Test
  void address_levels() {
    Comparison c = Comparison.ADDRESS;
    Prepared a =
        rec(
            Field.STREET,
            "Via Roma",
            Field.STREET_NUMBER,
            "12",
            Field.POSTCODE,
            "90100",
            Field.LOCALITY,
            "Palermo");
    assertThat(
            level(
                c,
                a,
                rec(Field.STREET, "via roma", Field.STREET_NUMBER, "12", Field.POSTCODE, "90100")))
        .isZero();
    assertThat(level(c, a, rec(Field.STREET, "Via Rома", Field.LOCALITY, "Palermo"))).isEqualTo(1);
    assertThat(level(c, a, rec(Field.STREET, "Corso Vittorio", Field.POSTCODE, "90100")))
        .isEqualTo(2);
    assertThat(level(c, a, rec(Field.LOCALITY, "palermo"))).isEqualTo(3);
    assertThat(level(c, a, rec(Field.LOCALITY, "Catania", Field.POSTCODE, "95100"))).isEqualTo(4);
    assertThat(level(c, a, rec(Field.SEX, "F"))).isEqualTo(-1);
  }

  @Test
  void names_in_other_scripts_meet_their_latin_forms() {
    Comparison g = Comparison.GIVEN_NAME;
    Comparison f = Comparison.FAMILY_NAME;
    // Arabic
    assertThat(level(g, name("محمد", "x"), name("Mohammed", "x"))).isEqualTo(2);
    assertThat(level(g, name("فاطمة", "x"), name("Fatima", "x"))).isLessThanOrEqualTo(2);
    // Cyrillic
    assertThat(level(f, name("x", "Петров"), name("x", "Petrov"))).isZero();
    assertThat(level(g, name("Мария", "x"), name("Maria", "x"))).isZero();
    // Ethiopic
    assertThat(level(f, name("x", "ቢቂላ"), name("x", "Bikila"))).isLessThanOrEqualTo(2);
    assertThat(level(g, name("አበበ", "x"), name("Abebe", "x"))).isLessThanOrEqualTo(2);
    // Devanagari
    assertThat(level(g, name("राम", "x"), name("Ram", "x"))).isLessThanOrEqualTo(2);
    assertThat(level(f, name("x", "शर्मा"), name("x", "Sharma"))).isLessThanOrEqualTo(3);
    // Persian
    assertThat(level(g, name("مریم", "x"), name("Maryam", "x"))).isLessThanOrEqualTo(2);
    assertThat(level(g, name("حسین", "x"), name("Hossein", "x"))).isLessThanOrEqualTo(2);
    assertThat(Text.script("محمد")).isEqualTo("Arabic");
    assertThat(Text.script("Иван")).isEqualTo("Cyrillic");
    assertThat(Text.script("Ivan")).isNull();
  }

  @Test
  void jaro_winkler_and_one_edit() {
    assertThat(Text.jaroWinkler("martha", "marhta"))
        .isCloseTo(0.961, org.assertj.core.data.Offset.offset(0.001));
    assertThat(Text.jaroWinkler("dwayne", "duane"))
        .isCloseTo(0.84, org.assertj.core.data.Offset.offset(0.001));
    assertThat(Text.jaroWinkler("abc", "xyz")).isZero();
    assertThat(Text.jaroWinkler("", "xyz")).isZero();
    assertThat(Text.withinOneEdit("abc", "abc")).isTrue();
    assertThat(Text.withinOneEdit("abc", "abcd")).isTrue();
    assertThat(Text.withinOneEdit("abcd", "abc")).isTrue();
    assertThat(Text.withinOneEdit("abc", "axc")).isTrue();
    assertThat(Text.withinOneEdit("abcd", "abdc")).isTrue();
    assertThat(Text.withinOneEdit("abcd", "badc")).isFalse();
    assertThat(Text.withinOneEdit("abc", "a")).isFalse();
  }
}
