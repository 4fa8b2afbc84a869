package org.palermo.law.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.palermo.law.FactsTestData.aSmuggledAdult;
import static org.palermo.law.FactsTestData.aTraffickedAdult;
import static org.palermo.law.FactsTestData.anUnknownPerson;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.palermo.law.Act;
import org.palermo.law.AggravatingCircumstance;
import org.palermo.law.Assessment;
import org.palermo.law.ChildStatus;
import org.palermo.law.DelphiList;
import org.palermo.law.Dimension;
import org.palermo.law.ElementStatus;
import org.palermo.law.Facts;
import org.palermo.law.Finding;
import org.palermo.law.Means;
import org.palermo.law.Problem;
import org.palermo.law.ProtectionNeed;
import org.palermo.law.Purpose;
import org.palermo.law.RandomFacts;
import org.palermo.law.Reason;
import org.palermo.law.indicator.Indicator;

/**
 * Vignettes of palermo-rules/1.1.0 (issue #13 §5), each reasoned from the article that decides it;
 * where 1.0.0 answered otherwise, the old answer is shown beside the new one, so both stay pinned.
 */
class Rules110VignetteTest {
  private static final Classifier V110 = Classifier.standard();
  private static final Classifier V100 = Classifier.forVersion(RuleSet.V1_0_0);

  private static List<String> codes(List<Reason> reasons) {
    return reasons.stream().map(Reason::code).toList();
  }

  private static Reason reason(List<Reason> reasons, String code) {
    return reasons.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
  }

  @Test
  void newAssessmentsUseRules110() {
    assertThat(V110.classify(anUnknownPerson().build()).ruleSet()).isEqualTo("palermo-rules/1.1.0");
    assertThat(V110.catalogue().version()).isEqualTo("palermo-indicators/1.1.0");
  }

  /** Trafficking Protocol art. 3(a): the purpose element needs evidence of that purpose. */
  @Nested
  class IndicatorsEvidenceOnlyWhatTheyEvidence {
    private final Facts deceivedThenUnderpaid =
        anUnknownPerson()
            .age(25)
            .acts(Act.RECRUITMENT)
            .means(Means.DECEPTION)
            .indicators("AS-EX-02", "AS-EX-04")
            .build();

    @Test
    void longHoursAndLittlePayOnTheSexualListDoNotEstablishSexualExploitation() {
      Assessment a = V110.classify(deceivedThenUnderpaid);
      assertThat(a.trafficking().elements().purpose()).isEqualTo(ElementStatus.UNKNOWN);
      assertThat(a.trafficking().finding()).isEqualTo(Finding.UNDETERMINED);
      assertThat(a.trafficking().reasons())
          .extracting(Reason::text)
          .noneMatch(t -> t.contains("sexual exploitation"));
      // 1.0.0, as released, over-stated it:
      assertThat(V100.classify(deceivedThenUnderpaid).trafficking().finding())
          .isEqualTo(Finding.INDICATED);
    }

    @Test
    void withSmugglingTheyAreNoAggravatingCircumstanceEither() {
      Facts smuggledThenUnderpaid = aSmuggledAdult().indicators("AS-EX-02", "AS-EX-04").build();
      assertThat(V110.classify(smuggledThenUnderpaid).smuggling().aggravating()).isEmpty();
      assertThat(V100.classify(smuggledThenUnderpaid).smuggling().aggravating())
          .containsExactly(AggravatingCircumstance.INHUMAN_OR_DEGRADING_TREATMENT);
    }

    @Test
    void beingForcedToTakeClientsIsSexualExploitationItself() {
      Assessment a =
          V110.classify(
              anUnknownPerson()
                  .age(25)
                  .acts(Act.RECRUITMENT)
                  .means(Means.DECEPTION)
                  .indicators("AS-CD-03")
                  .build());
      assertThat(a.trafficking().finding()).isEqualTo(Finding.INDICATED);
      assertThat(a.trafficking().reasons()).anyMatch(r -> r.args().contains("SEXUAL_EXPLOITATION"));
    }

    @Test
    void noWorkConditionOfTheSexualListsEvidencesAPurposeAndEveryMappingHasItsReason() {
      for (Indicator i : V110.catalogue().indicators()) {
        assertThat(i.evidenceReason()).as(i.code()).isNotBlank();
        boolean sexualList =
            i.list().equals(DelphiList.ADULT_SEXUAL.name())
                || i.list().equals(DelphiList.CHILD_SEXUAL.name());
        if (sexualList && i.dimension() == Dimension.EXPLOITATIVE_CONDITIONS_OF_WORK) {
          assertThat(i.evidences().purposes()).as(i.code()).isEmpty();
        }
      }
    }

    @Test
    void theSexualListsStayMarkedUnverified() {
      assertThat(V110.catalogue().list("ADULT_SEXUAL").orElseThrow().pendingVerification())
          .isTrue();
      assertThat(V110.catalogue().list("CHILD_SEXUAL").orElseThrow().pendingVerification())
          .isTrue();
    }
  }

  /** CETS 197 art. 10(3); Directive 2011/36/EU art. 13(2): the presumption of minority. */
  @Nested
  class PresumptionOfMinority {
    @Test
    void anUnaccompaniedChildOfUnknownAgeIsPresumedAChildAndNeedsNoMeans() {
      Facts f =
          anUnknownPerson()
              .unaccompaniedChild(true)
              .acts(Act.RECRUITMENT)
              .means()
              .purposes(Purpose.FORCED_BEGGING)
              .build();
      Assessment a = V110.classify(f);
      assertThat(a.child()).isEqualTo(ChildStatus.PRESUMED);
      assertThat(a.trafficking().elements().means()).isEqualTo(ElementStatus.NOT_REQUIRED);
      assertThat(a.trafficking().finding()).isEqualTo(Finding.INDICATED);
      assertThat(reason(a.trafficking().reasons(), "TIP_PRESUMED_CHILD").citation())
          .contains("art. 10(3)");
      assertThat(a.protectionNeeds())
          .contains(ProtectionNeed.CHILD_PROTECTION, ProtectionNeed.GUARDIANSHIP);
      Assessment old = V100.classify(f);
      assertThat(old.child()).isNull();
      assertThat(old.trafficking().finding()).isEqualTo(Finding.UNDETERMINED);
    }

    @Test
    void aPersonWhoseAgeIsDisputedIsPresumedAChildWhateverAgeWasEstimated() {
      Facts f =
          anUnknownPerson()
              .age(20)
              .ageDisputed(true)
              .acts(Act.HARBOURING)
              .means()
              .purposes(Purpose.SEXUAL_EXPLOITATION)
              .build();
      Assessment a = V110.classify(f);
      assertThat(a.child()).isEqualTo(ChildStatus.PRESUMED);
      assertThat(a.trafficking().finding()).isEqualTo(Finding.INDICATED);
      assertThat(a.protectionNeeds()).contains(ProtectionNeed.CHILD_PROTECTION);
      assertThat(V100.classify(f).trafficking().finding()).isEqualTo(Finding.UNDETERMINED);
    }

    @Test
    void childIsYesNoPresumedOrUnknown() {
      assertThat(V110.classify(anUnknownPerson().age(16).build()).child())
          .isEqualTo(ChildStatus.YES);
      assertThat(V110.classify(anUnknownPerson().age(30).build()).child())
          .isEqualTo(ChildStatus.NO);
      assertThat(V110.classify(anUnknownPerson().age(30).ageDisputed(false).build()).child())
          .isEqualTo(ChildStatus.NO);
      assertThat(V110.classify(anUnknownPerson().build()).child()).isNull();
      assertThat(V110.classify(anUnknownPerson().separatedChild(true).build()).child())
          .isEqualTo(ChildStatus.PRESUMED);
    }

    @Test
    void anAdultAgeBesideAReportedUnaccompaniedChildIsAWarningAndThePresumptionHolds() {
      Assessment a = V110.classify(anUnknownPerson().age(22).unaccompaniedChild(true).build());
      assertThat(a.child()).isEqualTo(ChildStatus.PRESUMED);
      assertThat(a.warnings())
          .extracting(Problem::code, Problem::field)
          .contains(org.assertj.core.groups.Tuple.tuple(Problem.CONTRADICTORY_FACTS, "age"));
    }

    /** Directive 2011/36/EU art. 14(2): a parent who exploits cannot represent the child. */
    @Test
    void aChildExploitedByAParentOrCaregiverNeedsAGuardian() {
      Assessment a =
          V110.classify(anUnknownPerson().age(12).exploiterIsParentOrCaregiver(true).build());
      assertThat(a.protectionNeeds()).contains(ProtectionNeed.GUARDIANSHIP);
      assertThat(reason(a.protectionReasons(), "NEED_GUARDIAN_PARENT_EXPLOITER").citation())
          .contains("art. 14(2)");
      Assessment presumed =
          V110.classify(
              anUnknownPerson().ageDisputed(true).exploiterIsParentOrCaregiver(true).build());
      assertThat(presumed.protectionNeeds()).contains(ProtectionNeed.GUARDIANSHIP);
      Assessment adult =
          V110.classify(anUnknownPerson().age(40).exploiterIsParentOrCaregiver(true).build());
      assertThat(adult.protectionNeeds()).doesNotContain(ProtectionNeed.GUARDIANSHIP);
    }
  }

  /**
   * A legal reviewer's findings (issue #13 §5): a presumed child is treated as a child by every
   * rule, guardianship included (CETS 197 art. 10(3)–(4); Directive 2011/36/EU arts. 14(2), 16(3)).
   */
  @Nested
  class GuardianshipForAChildVictim {
    private final Facts disputedAge19 =
        anUnknownPerson()
            .age(19)
            .ageDisputed(true)
            .acts(Act.RECRUITMENT)
            .means()
            .purposes(Purpose.FORCED_LABOUR_OR_SERVICES)
            .build();

    @Test
    void aPresumedChildWithTraffickingIndicatedNeedsAGuardian() {
      Assessment a = V110.classify(disputedAge19);
      assertThat(a.child()).isEqualTo(ChildStatus.PRESUMED);
      assertThat(a.trafficking().finding()).isEqualTo(Finding.INDICATED);
      assertThat(a.protectionNeeds())
          .contains(ProtectionNeed.CHILD_PROTECTION, ProtectionNeed.GUARDIANSHIP);
      assertThat(reason(a.protectionReasons(), "NEED_GUARDIAN_CHILD_VICTIM").citation())
          .isEqualTo("CETS 197 art. 10(4); Directive 2011/36/EU arts. 14(2), 16(3)");
    }

    @Test
    void aChildVictimGetsTheSameAndAnUnaccompaniedOneKeepsItsOwnReason() {
      Facts child = disputedAge19.toBuilder().age(15).ageDisputed(false).build();
      assertThat(V110.classify(child).child()).isEqualTo(ChildStatus.YES);
      assertThat(V110.classify(child).protectionNeeds()).contains(ProtectionNeed.GUARDIANSHIP);
      Assessment unaccompanied =
          V110.classify(disputedAge19.toBuilder().unaccompaniedChild(true).build());
      assertThat(unaccompanied.protectionNeeds()).contains(ProtectionNeed.GUARDIANSHIP);
      assertThat(codes(unaccompanied.protectionReasons()))
          .contains("NEED_GUARDIAN_UNACCOMPANIED")
          .doesNotContain("NEED_GUARDIAN_CHILD_VICTIM");
    }

    @Test
    void noGuardianForAChildReportedInAParentsCareOrWithoutTraffickingIndicated() {
      Facts inCare =
          disputedAge19.toBuilder().unaccompaniedChild(false).separatedChild(false).build();
      assertThat(V110.classify(inCare).protectionNeeds())
          .doesNotContain(ProtectionNeed.GUARDIANSHIP);
      Facts noPurpose =
          disputedAge19.toBuilder().purposes((java.util.Collection<Purpose>) null).build();
      assertThat(V110.classify(noPurpose).trafficking().finding()).isEqualTo(Finding.UNDETERMINED);
      assertThat(V110.classify(noPurpose).protectionNeeds())
          .doesNotContain(ProtectionNeed.GUARDIANSHIP);
      Facts adult = disputedAge19.toBuilder().ageDisputed(false).means(Means.DECEPTION).build();
      assertThat(V110.classify(adult).protectionNeeds())
          .doesNotContain(ProtectionNeed.GUARDIANSHIP);
    }
  }

  /** Smuggling Protocol art. 5 creates no liability for the migrant, so it is never "false". */
  @Nested
  class NonCriminalisation {
    @Test
    void trueWhenSmugglingIsIndicatedAndNullOtherwiseNeverFalse() {
      assertThat(V110.classify(aSmuggledAdult().build()).smuggling().nonCriminalisation()).isTrue();
      Assessment national =
          V110.classify(aSmuggledAdult().nationalOrPermanentResidentOfDestination(true).build());
      assertThat(national.smuggling().finding()).isEqualTo(Finding.NOT_INDICATED);
      assertThat(national.smuggling().nonCriminalisation()).isNull();
      assertThat(
              V100.classify(aSmuggledAdult().nationalOrPermanentResidentOfDestination(true).build())
                  .smuggling()
                  .nonCriminalisation())
          .isFalse();
      RandomFacts random =
          new RandomFacts(
              new SplittableRandom(13),
              V110.catalogue().indicators().stream().map(Indicator::code).toList());
      for (Facts f : random.list("nc", 2_000)) {
        assertThat(V110.classify(f).smuggling().nonCriminalisation())
            .as(f.id())
            .isNotEqualTo(false);
      }
    }

    /** 1951 Refugee Convention art. 31(1): no penalty for illegal entry of a refugee. */
    @Test
    void aSelfSmuggledAsylumSeekerIsPointedToTheRefugeeConvention() {
      Assessment a =
          V110.classify(
              aSmuggledAdult()
                  .age(30)
                  .entryProcuredByAnother(false)
                  .seekingInternationalProtection(true)
                  .build());
      assertThat(a.smuggling().finding()).isEqualTo(Finding.NOT_INDICATED);
      assertThat(a.smuggling().nonCriminalisation()).isNull();
      assertThat(reason(a.smuggling().reasons(), "SOM_REFUGEE_NON_PENALISATION").citation())
          .isEqualTo("1951 Refugee Convention art. 31(1)");
    }
  }

  /** CETS 197 art. 26; Directive 2011/36/EU art. 8. */
  @Nested
  class NonPunishment {
    @Test
    void forcedCriminalityOrAnIrregularEntryGiveANonPunishmentReasonWhenTraffickingIsOrMayBe() {
      Assessment forcedToSteal =
          V110.classify(aTraffickedAdult().purposes(Purpose.FORCED_CRIMINALITY).build());
      assertThat(forcedToSteal.trafficking().finding()).isEqualTo(Finding.INDICATED);
      assertThat(reason(forcedToSteal.trafficking().reasons(), "TIP_NON_PUNISHMENT").citation())
          .isEqualTo("CETS 197 art. 26; Directive 2011/36/EU art. 8");
      Assessment undeterminedIrregular =
          V110.classify(
              anUnknownPerson().age(30).acts(Act.RECRUITMENT).entryIrregular(true).build());
      assertThat(undeterminedIrregular.trafficking().finding()).isEqualTo(Finding.UNDETERMINED);
      assertThat(codes(undeterminedIrregular.trafficking().reasons()))
          .contains("TIP_NON_PUNISHMENT");
    }

    @Test
    void noNonPunishmentReasonWhenTraffickingIsNotIndicatedOrNoGroundIsReported() {
      Assessment notTrafficked =
          V110.classify(aTraffickedAdult().acts().entryIrregular(true).build());
      assertThat(notTrafficked.trafficking().finding()).isEqualTo(Finding.NOT_INDICATED);
      assertThat(codes(notTrafficked.trafficking().reasons())).doesNotContain("TIP_NON_PUNISHMENT");
      assertThat(codes(V110.classify(aTraffickedAdult().build()).trafficking().reasons()))
          .doesNotContain("TIP_NON_PUNISHMENT");
    }
  }

  /**
   * A legal reviewer's finding (issue #13 §5): CETS 197 art. 26 and Directive 2011/36/EU art. 8
   * protect victims of trafficking, so an irregular entry alone, with nothing about trafficking
   * known, gives no non-punishment reason; a smuggled migrant has SOM art. 5 instead.
   */
  @Nested
  class NonPunishmentNeedsATraffickingElement {
    @Test
    void aSmuggledMigrantTreatedBadlyWithNothingKnownOfTraffickingGetsNoArt26Reason() {
      Facts f =
          aSmuggledAdult()
              .acts((java.util.Collection<Act>) null)
              .means((java.util.Collection<Means>) null)
              .purposes((java.util.Collection<Purpose>) null)
              .inhumanOrDegradingTreatment(true)
              .build();
      Assessment a = V110.classify(f);
      assertThat(a.trafficking().elements())
          .isEqualTo(
              new org.palermo.law.Elements(
                  ElementStatus.UNKNOWN, ElementStatus.UNKNOWN, ElementStatus.UNKNOWN));
      assertThat(a.trafficking().finding()).isEqualTo(Finding.UNDETERMINED);
      assertThat(codes(a.trafficking().reasons())).doesNotContain("TIP_NON_PUNISHMENT");
      assertThat(a.smuggling().nonCriminalisation()).isTrue();
      assertThat(codes(a.smuggling().reasons())).contains("SOM_NON_CRIMINALISATION_INDICATED");
      Assessment irregularOnly =
          V110.classify(anUnknownPerson().age(30).entryIrregular(true).build());
      assertThat(codes(irregularOnly.trafficking().reasons())).doesNotContain("TIP_NON_PUNISHMENT");
    }

    @Test
    void anElementReportedMetStillGivesIt() {
      Assessment purposeOnly =
          V110.classify(anUnknownPerson().age(30).purposes(Purpose.FORCED_CRIMINALITY).build());
      assertThat(purposeOnly.trafficking().finding()).isEqualTo(Finding.UNDETERMINED);
      assertThat(reason(purposeOnly.trafficking().reasons(), "TIP_NON_PUNISHMENT").args())
          .containsExactly("FORCED_CRIMINALITY");
    }
  }

  /** Protection needs follow the person, not only the indicators. */
  @Nested
  class NeedsFollowThePerson {
    /** CETS 197 art. 12(1). */
    @Test
    void anAdultWithTraffickingIndicatedAlwaysGetsTheAssistanceBaseline() {
      Assessment a = V110.classify(aTraffickedAdult().build());
      assertThat(a.protectionNeeds())
          .contains(
              ProtectionNeed.SAFE_ACCOMMODATION,
              ProtectionNeed.MEDICAL,
              ProtectionNeed.PSYCHOSOCIAL,
              ProtectionNeed.LEGAL_AID,
              ProtectionNeed.LANGUAGE_SUPPORT);
      assertThat(reason(a.protectionReasons(), "NEED_ASSISTANCE_BASELINE").citation())
          .isEqualTo("CETS 197 art. 12(1)");
      assertThat(V100.classify(aTraffickedAdult().build()).protectionNeeds()).isEmpty();
    }

    /**
     * CETS 197 art. 10(2), 12(1)–(2); Directive 2011/36/EU art. 11(2): assistance from reasonable
     * grounds, before the identification ends (a legal reviewer's finding, issue #13 §5).
     */
    @Test
    void anUndeterminedFindingWithAnElementReportedMetGetsTheBaselineAndAReferral() {
      Facts forcedToSteal =
          anUnknownPerson()
              .age(24)
              .acts(Act.RECRUITMENT)
              .purposes(Purpose.FORCED_CRIMINALITY)
              .entryIrregular(false)
              .build();
      Assessment a = V110.classify(forcedToSteal);
      assertThat(a.trafficking().finding()).isEqualTo(Finding.UNDETERMINED);
      assertThat(a.protectionNeeds())
          .contains(
              ProtectionNeed.SAFE_ACCOMMODATION,
              ProtectionNeed.MEDICAL,
              ProtectionNeed.PSYCHOSOCIAL,
              ProtectionNeed.LEGAL_AID,
              ProtectionNeed.LANGUAGE_SUPPORT);
      Reason r = reason(a.protectionReasons(), "NEED_ASSISTANCE_PENDING_IDENTIFICATION");
      assertThat(r.citation()).contains("art. 10(2)").contains("art. 11(2)");
      assertThat(r.args()).containsExactly("ACT, PURPOSE");
      assertThat(codes(a.protectionReasons())).doesNotContain("NEED_ASSISTANCE_BASELINE");
      Assessment nothingMet = V110.classify(anUnknownPerson().age(24).build());
      assertThat(nothingMet.trafficking().finding()).isEqualTo(Finding.UNDETERMINED);
      assertThat(nothingMet.protectionNeeds()).isEmpty();
      Assessment ruledOut =
          V110.classify(forcedToSteal.toBuilder().ageAtFirstAct(22).means().build());
      assertThat(ruledOut.trafficking().finding()).isEqualTo(Finding.NOT_INDICATED);
      assertThat(ruledOut.protectionNeeds()).isEmpty();
    }

    /** Smuggling Protocol art. 16(3). */
    @Test
    void aMigrantWhoseLifeOrSafetyWasEndangeredGetsAssistance() {
      Assessment a = V110.classify(aSmuggledAdult().lifeOrSafetyEndangered(true).build());
      assertThat(a.protectionNeeds())
          .contains(ProtectionNeed.MEDICAL, ProtectionNeed.SAFE_ACCOMMODATION);
      assertThat(reason(a.protectionReasons(), "NEED_SOM_ENDANGERED").citation())
          .isEqualTo("Smuggling Protocol art. 16(3)");
    }
  }

  /**
   * A legal reviewer's finding (issue #13 §5): degrading treatment in the smuggling (SOM art.
   * 6(3)(b)) brings the protection and assistance of SOM art. 16(1)–(3).
   */
  @Test
  void degradingTreatmentDuringSmugglingBringsTheAssistanceOfArt16() {
    Assessment a = V110.classify(aSmuggledAdult().inhumanOrDegradingTreatment(true).build());
    assertThat(a.smuggling().aggravating())
        .containsExactly(AggravatingCircumstance.INHUMAN_OR_DEGRADING_TREATMENT);
    assertThat(a.protectionNeeds())
        .contains(ProtectionNeed.MEDICAL, ProtectionNeed.SAFE_ACCOMMODATION);
    assertThat(reason(a.protectionReasons(), "NEED_SOM_DEGRADING_TREATMENT").citation())
        .isEqualTo("Smuggling Protocol art. 6(3)(b), 16(1)–(3)");
    assertThat(V110.classify(aSmuggledAdult().build()).protectionNeeds()).isEmpty();
  }

  /** A legal reviewer's finding (issue #13 §5): no "sought a other material benefit". */
  @Test
  void theBenefitReasonReadsAsEnglishForAnOtherMaterialBenefit() {
    Facts f = aSmuggledAdult().benefitToFacilitator(org.palermo.law.Benefit.OTHER_MATERIAL).build();
    assertThat(reason(V110.classify(f).smuggling().reasons(), "SOM_BENEFIT_REPORTED").text())
        .isEqualTo(
            "Whoever arranged the entry is reported to have sought a financial or other material"
                + " benefit, here: other material.");
    assertThat(V110.classify(f).explain(java.util.Locale.ENGLISH).text()).doesNotContain("a other");
  }

  @Nested
  class ExactFacts {
    /** Trafficking Protocol art. 3(a) names abduction as a means of its own. */
    @Test
    void abductionAloneIsAMeans() {
      Assessment a =
          V110.classify(
              anUnknownPerson()
                  .age(30)
                  .acts(Act.TRANSPORTATION)
                  .means(Means.ABDUCTION)
                  .purposes(Purpose.FORCED_LABOUR_OR_SERVICES)
                  .build());
      assertThat(a.trafficking().elements().means()).isEqualTo(ElementStatus.MET);
      assertThat(reason(a.trafficking().reasons(), "TIP_MEANS_REPORTED").args())
          .containsExactly("ABDUCTION");
      Indicator item = V110.catalogue().indicator("AS-CR-01").orElseThrow();
      assertThat(item.evidences().means()).doesNotContain(Means.ABDUCTION);
      assertThat(item.evidenceReason()).contains("ABDUCTION");
    }

    @Test
    void aChildListUsedForAnAdultIsAWarning() {
      Assessment adult = V110.classify(anUnknownPerson().age(30).indicators("CS-CD-04").build());
      assertThat(adult.warnings()).extracting(Problem::code).contains(Problem.CHILD_LIST_FOR_ADULT);
      assertThat(V110.classify(anUnknownPerson().age(15).indicators("CS-CD-04").build()).warnings())
          .isEmpty();
      assertThat(
              V110.classify(anUnknownPerson().ageDisputed(true).indicators("CS-CD-04").build())
                  .warnings())
          .isEmpty();
    }

    /** Smuggling Protocol art. 3(b): an irregular entry presupposes crossing a border. */
    @Test
    void noBorderCrossedButAnIrregularEntryIsAWarningNotASilentNo() {
      Facts f = aSmuggledAdult().crossedInternationalBorder(false).build();
      Assessment a = V110.classify(f);
      assertThat(a.smuggling().finding()).isEqualTo(Finding.UNDETERMINED);
      assertThat(codes(a.smuggling().reasons())).contains("SOM_BORDER_CONTRADICTORY");
      assertThat(a.warnings())
          .extracting(Problem::code, Problem::field)
          .contains(
              org.assertj.core.groups.Tuple.tuple(
                  Problem.CONTRADICTORY_FACTS, "crossedInternationalBorder"));
      assertThat(V100.classify(f).smuggling().finding()).isEqualTo(Finding.NOT_INDICATED);
    }

    /**
     * Trafficking Protocol art. 3(a): "no means" answered while an indicator of deception is ticked
     * is a contradiction; the evidence still counts, and the officer is warned.
     */
    @Test
    void noMeansAnsweredButAnIndicatorOfDeceptionIsAWarningNotASilentAnswer() {
      Facts f =
          anUnknownPerson()
              .age(30)
              .acts(Act.RECRUITMENT)
              .means(List.of())
              .purposes(Purpose.FORCED_LABOUR_OR_SERVICES)
              .indicators("AL-DR-01")
              .build();
      Assessment a = V110.classify(f);
      assertThat(a.trafficking().elements().means()).isEqualTo(ElementStatus.MET);
      assertThat(a.warnings())
          .extracting(Problem::code, Problem::field)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(Problem.CONTRADICTORY_FACTS, "means"));
      assertThat(a.warnings().get(0).message()).contains("AL-DR-01");
      assertThat(a.explain(java.util.Locale.ENGLISH).text())
          .contains("no means is reported, yet an indicator given evidences one");
      Facts consistent = f.toBuilder().means(Means.DECEPTION).build();
      assertThat(V110.classify(consistent).warnings()).isEmpty();
      Facts unknownMeans = f.toBuilder().means((java.util.Collection<Means>) null).build();
      assertThat(V110.classify(unknownMeans).warnings()).isEmpty();
      assertThat(V100.classify(f).warnings()).isEmpty();
    }

    /** Smuggling Protocol art. 6(3)(b): the smuggling conduct must have involved the treatment. */
    @Test
    void anEmployersLaterExploitationDoesNotAggravateTheSmuggling() {
      Facts exploitedLater = aSmuggledAdult().purposes(Purpose.FORCED_LABOUR_OR_SERVICES).build();
      Assessment a = V110.classify(exploitedLater);
      assertThat(a.smuggling().aggravating()).isEmpty();
      assertThat(codes(a.smuggling().reasons())).contains("SOM_EXPLOITATION_NOT_LINKED");
      assertThat(V100.classify(exploitedLater).smuggling().aggravating())
          .containsExactly(AggravatingCircumstance.INHUMAN_OR_DEGRADING_TREATMENT);
      Assessment treatedBadlyOnTheWay =
          V110.classify(
              aSmuggledAdult()
                  .age(30)
                  .purposes(Purpose.FORCED_LABOUR_OR_SERVICES)
                  .inhumanOrDegradingTreatment(true)
                  .build());
      assertThat(treatedBadlyOnTheWay.smuggling().aggravating())
          .containsExactly(AggravatingCircumstance.INHUMAN_OR_DEGRADING_TREATMENT);
      assertThat(codes(treatedBadlyOnTheWay.smuggling().reasons()))
          .doesNotContain("SOM_EXPLOITATION_NOT_LINKED");
    }
  }

  @Test
  void rules100NeverPresumesAndGivesNoWarningsOrProtectionReasons() {
    List<Assessment> old = new ArrayList<>();
    old.add(V100.classify(anUnknownPerson().unaccompaniedChild(true).ageDisputed(true).build()));
    old.add(V100.classify(anUnknownPerson().age(30).indicators("CS-CD-04").build()));
    for (Assessment a : old) {
      assertThat(a.child()).isNotEqualTo(ChildStatus.PRESUMED);
      assertThat(a.warnings()).isEmpty();
      assertThat(a.protectionReasons()).isEmpty();
    }
  }
}
