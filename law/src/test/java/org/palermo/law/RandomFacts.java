package org.palermo.law;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/** Valid random facts from a seeded generator, with unknowns as likely as known values. */
public final class RandomFacts {
  private final RandomGenerator random;
  private final List<String> codes;

  public RandomFacts(RandomGenerator random, List<String> indicatorCodes) {
    this.random = random;
    this.codes = List.copyOf(indicatorCodes);
  }

  public Facts next(String id) {
    Integer age = random.nextInt(4) == 0 ? null : random.nextInt(0, 80);
    Integer ageAtFirstAct =
        random.nextInt(3) == 0 ? null : random.nextInt(0, age == null ? 80 : age + 1);
    return Facts.builder()
        .id(id)
        .age(age)
        .ageAtFirstAct(ageAtFirstAct)
        .acts(set(Act.class))
        .means(set(Means.class))
        .purposes(set(Purpose.class))
        .consentToExploitation(bool())
        .crossedInternationalBorder(bool())
        .entryIrregular(bool())
        .nationalOrPermanentResidentOfDestination(bool())
        .entryProcuredByAnother(bool())
        .lifeOrSafetyEndangered(bool())
        .inhumanOrDegradingTreatment(bool())
        .unaccompaniedChild(bool())
        .separatedChild(bool())
        .ageDisputed(bool())
        .exploiterIsParentOrCaregiver(bool())
        .seekingInternationalProtection(bool())
        .benefitToFacilitator(
            random.nextInt(5) == 0
                ? null
                : Benefit.values()[random.nextInt(Benefit.values().length)])
        .indicators(indicators())
        .build();
  }

  public Boolean bool() {
    return switch (random.nextInt(3)) {
      case 0 -> null;
      case 1 -> Boolean.TRUE;
      default -> Boolean.FALSE;
    };
  }

  /** Null (unknown), empty (none) or a random non-empty subset, each about a third of the time. */
  public <E extends Enum<E>> Set<E> set(Class<E> type) {
    int kind = random.nextInt(3);
    if (kind == 0) {
      return null;
    }
    EnumSet<E> out = EnumSet.noneOf(type);
    if (kind == 1) {
      return out;
    }
    E[] values = type.getEnumConstants();
    do {
      out.add(values[random.nextInt(values.length)]);
    } while (random.nextInt(3) == 0);
    return out;
  }

  private Set<String> indicators() {
    int kind = random.nextInt(3);
    if (kind == 0) {
      return null;
    }
    Set<String> out = new HashSet<>();
    if (kind == 2) {
      int n = random.nextInt(1, 12);
      for (int i = 0; i < n; i++) {
        out.add(codes.get(random.nextInt(codes.size())));
      }
    }
    return out;
  }

  /** {@code n} facts with ids {@code prefix-0}… */
  public List<Facts> list(String prefix, int n) {
    List<Facts> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(next(prefix + "-" + i));
    }
    return out;
  }
}
