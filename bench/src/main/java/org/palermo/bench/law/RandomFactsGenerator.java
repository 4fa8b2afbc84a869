package org.palermo.bench.law;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.palermo.law.Act;
import org.palermo.law.Benefit;
import org.palermo.law.Facts;
import org.palermo.law.Means;
import org.palermo.law.Purpose;

/** Valid random facts from a seeded generator: each fact unknown, no or yes about equally often. */
final class RandomFactsGenerator {
  private final RandomGenerator random;
  private final List<String> codes;

  RandomFactsGenerator(RandomGenerator random, List<String> indicatorCodes) {
    this.random = random;
    this.codes = List.copyOf(indicatorCodes);
  }

  Facts next(String id) {
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
        .seekingInternationalProtection(bool())
        .benefitToFacilitator(
            random.nextInt(5) == 0
                ? null
                : Benefit.values()[random.nextInt(Benefit.values().length)])
        .indicators(indicators())
        .build();
  }

  private Boolean bool() {
    return switch (random.nextInt(3)) {
      case 0 -> null;
      case 1 -> Boolean.TRUE;
      default -> Boolean.FALSE;
    };
  }

  private <E extends Enum<E>> Set<E> set(Class<E> type) {
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
}
