package org.palermo.law.engine;

import static org.palermo.law.ElementStatus.MET;
import static org.palermo.law.ElementStatus.NOT_REQUIRED;
import static org.palermo.law.FactsTestData.aSmuggledAdult;
import static org.palermo.law.FactsTestData.aTraffickedAdult;
import static org.palermo.law.FactsTestData.anAdultWithNothingReported;
import static org.palermo.law.Finding.INDICATED;
import static org.palermo.law.Finding.NOT_INDICATED;
import static org.palermo.law.Finding.UNDETERMINED;

import java.util.stream.Stream;
import org.palermo.law.Act;
import org.palermo.law.AggravatingCircumstance;
import org.palermo.law.Benefit;
import org.palermo.law.Facts;
import org.palermo.law.Means;
import org.palermo.law.Purpose;

/**
 * Vignettes of smuggling (Smuggling Protocol art. 3, 5, 6(3)) and of both findings together, run by
 * {@link VignetteTest}; each name cites the deciding article.
 */
final class SmugglingVignettes {
  private SmugglingVignettes() {}

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
