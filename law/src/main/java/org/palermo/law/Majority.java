package org.palermo.law;

import java.time.LocalDate;

/**
 * The age of majority, the one owner of the number 18: a child is any person under eighteen years
 * of age (Trafficking Protocol art. 3(d); UN Convention on the Rights of the Child art. 1; CETS 197
 * art. 4(d); Directive 2011/36/EU art. 2(6)). Whether a person whose age is disputed is presumed a
 * child is a separate rule ({@link ChildStatus}; CETS 197 art. 10(3)).
 */
public final class Majority {
  /** Eighteen years: Trafficking Protocol art. 3(d); CRC art. 1. */
  public static final int AGE = 18;

  private Majority() {}

  /** Whether a person of {@code age} full years is a child; unknown ({@code null}) is false. */
  public static boolean isChild(Integer age) {
    return age != null && age < AGE;
  }

  /** Whether a person born on {@code birthDate} is under 18 on {@code today}; unknown is false. */
  public static boolean isChildOn(LocalDate birthDate, LocalDate today) {
    return birthDate != null && birthDate.plusYears(AGE).isAfter(today);
  }

  /** A person born after this day is under 18 on {@code today}. */
  public static LocalDate childrenBornAfter(LocalDate today) {
    return today.minusYears(AGE);
  }
}
