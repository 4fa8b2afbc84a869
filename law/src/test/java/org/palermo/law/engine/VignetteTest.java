package org.palermo.law.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.palermo.law.ElementStatus.MET;
import static org.palermo.law.ElementStatus.NOT_MET;
import static org.palermo.law.ElementStatus.NOT_REQUIRED;
import static org.palermo.law.ElementStatus.UNKNOWN;
import static org.palermo.law.FactsTestData.aSmuggledAdult;
import static org.palermo.law.FactsTestData.aTraffickedAdult;
import static org.palermo.law.FactsTestData.anAdultWithNothingReported;
import static org.palermo.law.FactsTestData.anUnknownPerson;
import static org.palermo.law.Finding.INDICATED;
import static org.palermo.law.Finding.NOT_INDICATED;
import static org.palermo.law.Finding.UNDETERMINED;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.palermo.law.Act;
import org.palermo.law.AggravatingCircumstance;
import org.palermo.law.Assessment;
import org.palermo.law.Benefit;
import org.palermo.law.Facts;
import org.palermo.law.Means;
import org.palermo.law.Purpose;
import org.palermo.law.Reason;

/** Legal vignettes written from the Protocol texts; each name cites the deciding article. */
class VignetteTest {
  private static final Classifier CLASSIFIER = Classifier.standard();

  @ParameterizedTest(name = "{0}")
  @MethodSource({"traffickingElements", "childAndConsent", "unknowns", "smuggling", "combined"})
  void vignette(Vignette v) {
    Assessment a = CLASSIFIER.classify(v.facts);
    String context = v.name + " -> " + a;
    if (v.trafficking != null) {
      assertThat(a.trafficking().finding()).as(context).isEqualTo(v.trafficking);
    }
    if (v.smuggling != null) {
      assertThat(a.smuggling().finding()).as(context).isEqualTo(v.smuggling);
    }
    if (v.elements != null) {
      assertThat(a.trafficking().elements()).as(context).isEqualTo(v.elements);
    }
    if (v.aggravating != null) {
      assertThat(a.smuggling().aggravating()).as(context).isEqualTo(v.aggravating);
    }
    if (v.nonCriminalisationChecked) {
      assertThat(a.smuggling().nonCriminalisation()).as(context).isEqualTo(v.nonCriminalisation);
    }
    if (v.reason != null) {
      List<Reason> reasons = new ArrayList<>(a.trafficking().reasons());
      reasons.addAll(a.smuggling().reasons());
      assertThat(reasons).as(context).extracting(Reason::code).contains(v.reason);
    }
  }

  @Test
  void thereAreAtLeastFortyVignettes() {
    long count =
        Stream.of(traffickingElements(), childAndConsent(), unknowns(), smuggling(), combined())
            .flatMap(s -> s)
            .count();
    assertThat(count).isGreaterThanOrEqualTo(40);
  }

  static Stream<Vignette> traffickingElements() {
    List<Vignette> out = new ArrayList<>();
    out.add(
        Vignette.of(
                "TP art. 3(a): adult recruited by deception for forced labour is trafficked",
                aTraffickedAdult())
            .trafficking(INDICATED)
            .smuggling(NOT_INDICATED)
            .elements(MET, MET, MET)
            .because("TIP_INDICATED"));
    for (Act act : Act.values()) {
      out.add(
          Vignette.of(
                  "TP art. 3(a): " + act + " alone is an act of trafficking",
                  aTraffickedAdult().acts(act))
              .trafficking(INDICATED)
              .elements(MET, MET, MET));
    }
    for (Means means : Means.values()) {
      out.add(
          Vignette.of(
                  "TP art. 3(a): " + means + " alone is a means of trafficking",
                  aTraffickedAdult().means(means))
              .trafficking(INDICATED)
              .elements(MET, MET, MET));
    }
    for (Purpose purpose : Purpose.values()) {
      out.add(
          Vignette.of(
                  "TP art. 3(a): "
                      + purpose
                      + " is an exploitative purpose (falls under "
                      + purpose.protocolCategory()
                      + ")",
                  aTraffickedAdult().purposes(purpose))
              .trafficking(INDICATED)
              .elements(MET, MET, MET)
              .because(
                  purpose == Purpose.OTHER_EXPLOITATION
                      ? "TIP_PURPOSE_OPEN_LIST"
                      : purpose.namedInProtocol() ? "TIP_PURPOSE_PRESENT" : "TIP_PURPOSE_MAPPED"));
    }
    out.add(
        Vignette.of(
                "TP art. 3(a): without an act (exploited where they live, never moved or received)"
                    + " there is no trafficking",
                aTraffickedAdult().acts())
            .trafficking(NOT_INDICATED)
            .elements(NOT_MET, MET, MET)
            .because("TIP_ACT_ABSENT"));
    out.add(
        Vignette.of(
                "TP art. 3(a): an adult recruited freely and honestly (no means) is not trafficked,"
                    + " even if exploited",
                aTraffickedAdult().means())
            .trafficking(NOT_INDICATED)
            .elements(MET, NOT_MET, MET)
            .because("TIP_MEANS_ABSENT"));
    out.add(
        Vignette.of(
                "TP art. 3(a): deceptive recruitment without any exploitative purpose is not"
                    + " trafficking",
                aTraffickedAdult().purposes())
            .trafficking(NOT_INDICATED)
            .elements(MET, MET, NOT_MET)
            .because("TIP_PURPOSE_ABSENT"));
    out.add(
        Vignette.of(
                "TP art. 3(a): trafficking within one country, no border crossed, is still"
                    + " trafficking",
                aTraffickedAdult().crossedInternationalBorder(false))
            .trafficking(INDICATED)
            .smuggling(NOT_INDICATED)
            .because("TIP_NO_BORDER_REQUIRED"));
    out.add(
        Vignette.of(
                "TP art. 3(a): indicators alone (deceived about the job, forced tasks) fill act,"
                    + " means and purpose",
                anUnknownPerson().age(30).indicators("AL-DR-01", "AL-CD-06"))
            .trafficking(INDICATED)
            .elements(MET, MET, MET)
            .because("TIP_EVIDENCE_FROM_INDICATORS"));
    return out.stream();
  }

  static Stream<Vignette> childAndConsent() {
    return Stream.of(
        Vignette.of(
                "TP art. 3(c): a 16-year-old recruited for sexual exploitation without any means"
                    + " is trafficked",
                aTraffickedAdult()
                    .age(16)
                    .ageAtFirstAct(16)
                    .means()
                    .purposes(Purpose.SEXUAL_EXPLOITATION))
            .trafficking(INDICATED)
            .elements(MET, NOT_REQUIRED, MET)
            .because("TIP_CHILD_AT_FIRST_ACT"),
        Vignette.of(
                "TP art. 3(c): for a child the means need not be known",
                aTraffickedAdult().age(15).ageAtFirstAct(14).means((List<Means>) null))
            .trafficking(INDICATED)
            .elements(MET, NOT_REQUIRED, MET),
        Vignette.of(
                "TP art. 3(d): recruited at 17 and an adult now, the child rule still applies",
                aTraffickedAdult().age(19).ageAtFirstAct(17).means())
            .trafficking(INDICATED)
            .elements(MET, NOT_REQUIRED, MET),
        Vignette.of(
                "TP art. 3(d): 18 at the first act is an adult, so a means is needed",
                aTraffickedAdult().age(18).ageAtFirstAct(18).means())
            .trafficking(NOT_INDICATED)
            .elements(MET, NOT_MET, MET)
            .because("TIP_ADULT_AT_FIRST_ACT"),
        Vignette.of(
                "TP art. 3(d): under 18 now, so under 18 at the first act even if that age is"
                    + " unrecorded",
                aTraffickedAdult().age(15).ageAtFirstAct(null).means())
            .trafficking(INDICATED)
            .elements(MET, NOT_REQUIRED, MET)
            .because("TIP_CHILD_BY_CURRENT_AGE"),
        Vignette.of(
                "TP art. 3(b): an adult who agreed to the work but was deceived is still"
                    + " trafficked",
                aTraffickedAdult().consentToExploitation(true))
            .trafficking(INDICATED)
            .because("TIP_CONSENT_IRRELEVANT_MEANS"),
        Vignette.of(
                "TP art. 3(b): consent given under threat of force counts for nothing",
                aTraffickedAdult()
                    .means(Means.THREAT_OR_USE_OF_FORCE)
                    .purposes(Purpose.SEXUAL_EXPLOITATION)
                    .consentToExploitation(true))
            .trafficking(INDICATED)
            .because("TIP_CONSENT_IRRELEVANT_MEANS"),
        Vignette.of(
                "TP art. 3(c): a child's consent counts for nothing, no means needed",
                aTraffickedAdult().age(14).ageAtFirstAct(13).means().consentToExploitation(true))
            .trafficking(INDICATED)
            .because("TIP_CONSENT_IRRELEVANT_CHILD"),
        Vignette.of(
                "TP art. 3(b): an adult's consent without any means is not weighed; the missing"
                    + " means decides",
                aTraffickedAdult().means().consentToExploitation(true))
            .trafficking(NOT_INDICATED)
            .because("TIP_CONSENT_NOT_WEIGHED"));
  }

  static Stream<Vignette> unknowns() {
    return Stream.of(
        Vignette.of(
                "TP art. 3(a): nothing known gives undetermined findings, never a silent no",
                anUnknownPerson())
            .trafficking(UNDETERMINED)
            .smuggling(UNDETERMINED)
            .elements(UNKNOWN, UNKNOWN, UNKNOWN)
            .nonCriminalisation(null),
        Vignette.of(
                "TP art. 3(a): unknown acts leave trafficking undetermined",
                aTraffickedAdult().acts((List<Act>) null))
            .trafficking(UNDETERMINED)
            .elements(UNKNOWN, MET, MET)
            .because("TIP_ACT_UNKNOWN"),
        Vignette.of(
                "TP art. 3(a): unknown purpose leaves trafficking undetermined",
                aTraffickedAdult().purposes((List<Purpose>) null))
            .trafficking(UNDETERMINED)
            .elements(MET, MET, UNKNOWN)
            .because("TIP_PURPOSE_UNKNOWN"),
        Vignette.of(
                "TP art. 3(a): unknown means for an adult leaves trafficking undetermined",
                aTraffickedAdult().means((List<Means>) null))
            .trafficking(UNDETERMINED)
            .elements(MET, UNKNOWN, MET)
            .because("TIP_MEANS_UNKNOWN"),
        Vignette.of(
                "TP art. 3(c)-(d): no means and age at first act unknown (adult now): undetermined",
                aTraffickedAdult().age(25).ageAtFirstAct(null).means())
            .trafficking(UNDETERMINED)
            .elements(MET, UNKNOWN, MET)
            .because("TIP_AGE_AT_FIRST_ACT_UNKNOWN"),
        Vignette.of(
                "TP art. 3(a): with a means, ages need not be known",
                aTraffickedAdult().age(null).ageAtFirstAct(null))
            .trafficking(INDICATED)
            .elements(MET, MET, MET),
        Vignette.of(
                "TP art. 3(a): a known missing act decides even when the purpose is unknown",
                aTraffickedAdult().acts().purposes((List<Purpose>) null))
            .trafficking(NOT_INDICATED)
            .elements(NOT_MET, MET, UNKNOWN),
        Vignette.of(
                "TP art. 3(a): indicators without element evidence (economic hardship) leave"
                    + " unknowns unknown",
                anUnknownPerson().indicators("AL-VR-08"))
            .trafficking(UNDETERMINED)
            .elements(UNKNOWN, UNKNOWN, UNKNOWN));
  }

  static Stream<Vignette> smuggling() {
    return Stream.of(
        Vignette.of(
                "SP art. 3(a), 6(1)(a): paid facilitation of an irregular entry of a foreigner is"
                    + " smuggling",
                aSmuggledAdult())
            .smuggling(INDICATED)
            .trafficking(NOT_INDICATED)
            .aggravating()
            .nonCriminalisation(true)
            .because("SOM_INDICATED"),
        Vignette.of(
                "SP art. 3(a): an other material benefit (e.g. goods, services) also counts",
                aSmuggledAdult().benefitToFacilitator(Benefit.OTHER_MATERIAL))
            .smuggling(INDICATED),
        Vignette.of(
                "SP art. 3(a), 6(1): a relative helping for no gain is not smuggling",
                aSmuggledAdult().benefitToFacilitator(Benefit.NONE))
            .smuggling(NOT_INDICATED)
            .nonCriminalisation(false)
            .because("SOM_NO_BENEFIT"),
        Vignette.of(
                "SP art. 3(a): benefit unknown leaves smuggling undetermined",
                aSmuggledAdult().benefitToFacilitator(Benefit.UNKNOWN))
            .smuggling(UNDETERMINED)
            .nonCriminalisation(null)
            .because("SOM_BENEFIT_UNKNOWN"),
        Vignette.of(
                "SP art. 3(a): benefit not recorded at all is unknown too",
                aSmuggledAdult().benefitToFacilitator(null))
            .smuggling(UNDETERMINED),
        Vignette.of(
                "SP art. 3(a): a national or permanent resident entering their own State is not"
                    + " smuggled",
                aSmuggledAdult().nationalOrPermanentResidentOfDestination(true))
            .smuggling(NOT_INDICATED)
            .because("SOM_NATIONAL_OR_RESIDENT"),
        Vignette.of(
                "SP art. 3(a): nationality unknown leaves smuggling undetermined",
                aSmuggledAdult().nationalOrPermanentResidentOfDestination(null))
            .smuggling(UNDETERMINED),
        Vignette.of(
                "SP art. 3(b): an entry meeting the requirements for lawful entry is not smuggling",
                aSmuggledAdult().entryIrregular(false))
            .smuggling(NOT_INDICATED)
            .because("SOM_ENTRY_REGULAR"),
        Vignette.of(
                "SP art. 3(b): whether the entry was lawful is unknown: undetermined",
                aSmuggledAdult().entryIrregular(null))
            .smuggling(UNDETERMINED),
        Vignette.of(
                "SP art. 3(a)-(b): no border crossed means no entry into a State: not smuggling",
                aSmuggledAdult().crossedInternationalBorder(false).entryIrregular(null))
            .smuggling(NOT_INDICATED)
            .because("SOM_NO_BORDER_CROSSED"),
        Vignette.of(
                "SP art. 3(b): an irregular entry implies a border crossing not recorded",
                aSmuggledAdult().crossedInternationalBorder(null))
            .smuggling(INDICATED),
        Vignette.of(
                "SP art. 3(a): a migrant who crossed irregularly alone was not smuggled",
                aSmuggledAdult().entryProcuredByAnother(false))
            .smuggling(NOT_INDICATED)
            .because("SOM_NOT_PROCURED"),
        Vignette.of(
                "SP art. 3(a): whether anyone arranged the entry is unknown: undetermined",
                aSmuggledAdult().entryProcuredByAnother(null))
            .smuggling(UNDETERMINED),
        Vignette.of(
                "SP art. 6(3)(a): crossing in an overcrowded boat endangers life: aggravated",
                aSmuggledAdult().lifeOrSafetyEndangered(true))
            .smuggling(INDICATED)
            .aggravating(AggravatingCircumstance.LIFE_OR_SAFETY_ENDANGERED)
            .because("SOM_AGGRAVATED_LIFE_OR_SAFETY"),
        Vignette.of(
                "SP art. 6(3)(b): migrants beaten and locked up on the way: aggravated",
                aSmuggledAdult().inhumanOrDegradingTreatment(true))
            .aggravating(AggravatingCircumstance.INHUMAN_OR_DEGRADING_TREATMENT)
            .because("SOM_AGGRAVATED_DEGRADING_TREATMENT"),
        Vignette.of(
                "SP art. 6(3)(b): smuggled in order to be exploited: exploitation aggravates",
                aSmuggledAdult().purposes(Purpose.FORCED_LABOUR_OR_SERVICES))
            .smuggling(INDICATED)
            .trafficking(NOT_INDICATED)
            .aggravating(AggravatingCircumstance.INHUMAN_OR_DEGRADING_TREATMENT)
            .because("SOM_AGGRAVATED_EXPLOITATION"),
        Vignette.of(
                "SP art. 6(3)(a)-(b): both aggravating circumstances together",
                aSmuggledAdult().lifeOrSafetyEndangered(true).inhumanOrDegradingTreatment(true))
            .aggravating(
                AggravatingCircumstance.LIFE_OR_SAFETY_ENDANGERED,
                AggravatingCircumstance.INHUMAN_OR_DEGRADING_TREATMENT),
        Vignette.of(
                "SP art. 6(3): a national in danger was not smuggled, so nothing is aggravated",
                aSmuggledAdult()
                    .nationalOrPermanentResidentOfDestination(true)
                    .lifeOrSafetyEndangered(true))
            .smuggling(NOT_INDICATED)
            .aggravating(),
        Vignette.of(
                "SP art. 6(3): circumstances of an undetermined smuggling are only announced",
                aSmuggledAdult().benefitToFacilitator(null).lifeOrSafetyEndangered(true))
            .smuggling(UNDETERMINED)
            .aggravating()
            .because("SOM_AGGRAVATION_IF_ESTABLISHED"),
        Vignette.of(
                "SP art. 5: the smuggled migrant is not to be prosecuted for having been smuggled",
                aSmuggledAdult())
            .nonCriminalisation(true)
            .because("SOM_NON_CRIMINALISATION"));
  }

  static Stream<Vignette> combined() {
    return Stream.of(
        Vignette.of(
                "TP art. 3(a) and SP art. 3(a): smuggled, then deceived into forced labour: both",
                aSmuggledAdult()
                    .acts(Act.RECEIPT, Act.HARBOURING)
                    .means(Means.DECEPTION, Means.ABUSE_OF_VULNERABILITY)
                    .purposes(Purpose.FORCED_LABOUR_OR_SERVICES))
            .trafficking(INDICATED)
            .smuggling(INDICATED)
            .aggravating(AggravatingCircumstance.INHUMAN_OR_DEGRADING_TREATMENT)
            .nonCriminalisation(true),
        Vignette.of(
                "TP art. 3(a) and SP art. 3(a): a regular migrant worker with no exploitation:"
                    + " neither",
                anAdultWithNothingReported()
                    .crossedInternationalBorder(true)
                    .nationalOrPermanentResidentOfDestination(false)
                    .acts(Act.RECRUITMENT))
            .trafficking(NOT_INDICATED)
            .smuggling(NOT_INDICATED),
        Vignette.of(
                "TP art. 3(a), SP art. 3(b): trafficked abroad on a valid visa: trafficking only",
                aTraffickedAdult()
                    .crossedInternationalBorder(true)
                    .entryIrregular(false)
                    .nationalOrPermanentResidentOfDestination(false)
                    .acts(Act.RECRUITMENT, Act.TRANSPORTATION))
            .trafficking(INDICATED)
            .smuggling(NOT_INDICATED),
        Vignette.of(
                "SP art. 3(a), TP art. 3(a): unaccompanied child smuggled, no exploitation:"
                    + " smuggling only",
                aSmuggledAdult().age(15).ageAtFirstAct(15).unaccompaniedChild(true))
            .trafficking(NOT_INDICATED)
            .smuggling(INDICATED),
        Vignette.of(
                "TP art. 3(c), SP art. 3(a): child smuggled and put to begging, no means: both",
                aSmuggledAdult()
                    .age(12)
                    .ageAtFirstAct(12)
                    .acts(Act.TRANSPORTATION, Act.HARBOURING)
                    .purposes(Purpose.FORCED_BEGGING))
            .trafficking(INDICATED)
            .smuggling(INDICATED)
            .elements(MET, NOT_REQUIRED, MET)
            .aggravating(AggravatingCircumstance.INHUMAN_OR_DEGRADING_TREATMENT),
        Vignette.of(
                "TP art. 3(a), SP art. 3(a): trafficking facts known, smuggling facts unknown:"
                    + " each finding on its own",
                Facts.builder()
                    .id("mixed")
                    .age(40)
                    .acts(Act.TRANSFER)
                    .means(Means.ABUSE_OF_POWER)
                    .purposes(Purpose.SERVITUDE))
            .trafficking(INDICATED)
            .smuggling(UNDETERMINED));
  }
}
