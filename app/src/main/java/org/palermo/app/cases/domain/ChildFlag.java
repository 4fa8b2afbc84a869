package org.palermo.app.cases.domain;

import java.time.LocalDate;
import org.palermo.law.Majority;

/**
 * Who is treated as a child for protection: everyone under 18 (Trafficking Protocol art. 3(d); CRC
 * art. 1), and anyone whose age is disputed until it has been assessed (CoE Convention art. 10(3);
 * EU Directive 2011/36/EU art. 13(2); CRC General Comment 6 §31: the benefit of the doubt).
 */
public final class ChildFlag {
  private ChildFlag() {}

  /** Whether the person is flagged for child protection on {@code today}. */
  public static boolean of(LocalDate birthDate, boolean ageDisputed, LocalDate today) {
    return ageDisputed || Majority.isChildOn(birthDate, today);
  }

  /** Born after this day means under 18 on {@code today}. */
  public static LocalDate bornAfter(LocalDate today) {
    return Majority.childrenBornAfter(today);
  }
}
