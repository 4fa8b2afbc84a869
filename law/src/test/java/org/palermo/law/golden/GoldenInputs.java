package org.palermo.law.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.palermo.law.Act;
import org.palermo.law.Benefit;
import org.palermo.law.Facts;
import org.palermo.law.Means;
import org.palermo.law.Purpose;
import org.palermo.law.RandomFacts;

/**
 * The inputs of a golden file: hand-written cases, each indicator alone, and seeded random facts.
 */
final class GoldenInputs {
  private GoldenInputs() {}

  static List<Facts> all(List<String> codes, RandomGenerator random) {
    List<Facts> out = new ArrayList<>();
    out.add(Facts.builder().id("nothing-known").build());
    out.add(
        Facts.builder()
            .id("adult-sexual-work-conditions-only")
            .age(25)
            .acts(Act.RECRUITMENT)
            .means(Means.DECEPTION)
            .indicators("AS-EX-02", "AS-EX-04")
            .build());
    out.add(
        Facts.builder()
            .id("smuggled-then-underpaid")
            .age(25)
            .crossedInternationalBorder(true)
            .entryIrregular(true)
            .nationalOrPermanentResidentOfDestination(false)
            .entryProcuredByAnother(true)
            .benefitToFacilitator(Benefit.FINANCIAL)
            .acts(Act.RECRUITMENT)
            .means(Means.DECEPTION)
            .indicators("AS-EX-02", "AS-EX-04")
            .build());
    out.add(
        Facts.builder()
            .id("unaccompanied-age-unknown")
            .unaccompaniedChild(true)
            .acts(Act.RECRUITMENT)
            .purposes(Purpose.FORCED_BEGGING)
            .build());
    out.add(
        Facts.builder()
            .id("not-smuggled")
            .age(30)
            .crossedInternationalBorder(false)
            .entryIrregular(false)
            .entryProcuredByAnother(false)
            .build());
    out.add(
        Facts.builder()
            .id("self-smuggled-asylum-seeker")
            .age(30)
            .crossedInternationalBorder(true)
            .entryIrregular(true)
            .nationalOrPermanentResidentOfDestination(false)
            .entryProcuredByAnother(false)
            .seekingInternationalProtection(true)
            .build());
    out.add(
        Facts.builder()
            .id("abducted-adult")
            .age(30)
            .acts(Act.TRANSPORTATION)
            .means(Means.ABDUCTION)
            .purposes(Purpose.FORCED_CRIMINALITY)
            .entryIrregular(true)
            .build());
    out.add(
        Facts.builder()
            .id("no-border-but-irregular-entry")
            .age(30)
            .crossedInternationalBorder(false)
            .entryIrregular(true)
            .entryProcuredByAnother(true)
            .nationalOrPermanentResidentOfDestination(false)
            .benefitToFacilitator(Benefit.FINANCIAL)
            .build());
    out.add(
        Facts.builder()
            .id("child-list-for-adult")
            .age(30)
            .indicators("CS-CD-04", "CL-DR-02")
            .build());
    out.add(
        Facts.builder()
            .id("endangered-migrant")
            .age(30)
            .crossedInternationalBorder(true)
            .entryIrregular(true)
            .nationalOrPermanentResidentOfDestination(false)
            .entryProcuredByAnother(true)
            .benefitToFacilitator(Benefit.FINANCIAL)
            .lifeOrSafetyEndangered(true)
            .build());
    for (String code : codes) {
      out.add(Facts.builder().id("alone-" + code).age(30).indicators(code).build());
    }
    out.addAll(new RandomFacts(random, codes).list("random", 300));
    return out;
  }
}
