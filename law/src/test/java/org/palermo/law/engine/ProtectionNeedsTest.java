package org.palermo.law.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.palermo.law.FactsTestData.aSmuggledAdult;
import static org.palermo.law.FactsTestData.aTraffickedAdult;
import static org.palermo.law.FactsTestData.anUnknownPerson;

import org.junit.jupiter.api.Test;
import org.palermo.law.Assessment;
import org.palermo.law.Finding;
import org.palermo.law.ProtectionNeed;
import org.palermo.law.ServiceType;

/** Protection needs and referrals follow the person's situation, never the findings. */
class ProtectionNeedsTest {
  /** The needs of palermo-rules/1.0.0, as released; 1.1.0's are pinned in Rules110VignetteTest. */
  private final Classifier classifier = Classifier.forVersion(RuleSet.V1_0_0);

  @Test
  void anyChildNeedsChildProtectionEvenWithoutAnyFinding() {
    Assessment a = classifier.classify(anUnknownPerson().age(17).build());
    assertThat(a.child()).isEqualTo(org.palermo.law.ChildStatus.YES);
    assertThat(a.trafficking().finding()).isEqualTo(Finding.UNDETERMINED);
    assertThat(a.protectionNeeds()).containsExactly(ProtectionNeed.CHILD_PROTECTION);
    assertThat(a.recommendedReferrals()).containsExactly(ServiceType.CHILD_PROTECTION);
  }

  @Test
  void anUnaccompaniedOrSeparatedChildOfUnknownAgeNeedsProtectionAndAGuardian() {
    for (var facts :
        new org.palermo.law.Facts[] {
          anUnknownPerson().unaccompaniedChild(true).build(),
          anUnknownPerson().separatedChild(true).build()
        }) {
      Assessment a = classifier.classify(facts);
      assertThat(a.child()).isNull();
      assertThat(a.protectionNeeds())
          .containsExactly(ProtectionNeed.CHILD_PROTECTION, ProtectionNeed.GUARDIANSHIP);
      assertThat(a.recommendedReferrals())
          .containsExactly(ServiceType.CHILD_PROTECTION, ServiceType.GUARDIANSHIP);
    }
  }

  @Test
  void seekingInternationalProtectionLeadsToTheAsylumProcedureAndLegalAid() {
    Assessment a =
        classifier.classify(aSmuggledAdult().seekingInternationalProtection(true).build());
    assertThat(a.protectionNeeds()).containsExactly(ProtectionNeed.INTERNATIONAL_PROTECTION);
    assertThat(a.recommendedReferrals())
        .containsExactly(ServiceType.ASYLUM_PROCEDURE, ServiceType.LEGAL_AID);
  }

  @Test
  void indicatorsBringMedicalPsychosocialShelterLegalAndLanguageNeeds() {
    Assessment a =
        classifier.classify(
            anUnknownPerson()
                .age(30)
                .indicators("AL-CD-04", "AL-CD-01", "AL-VR-03", "ILO-FL-03")
                .build());
    assertThat(a.protectionNeeds())
        .containsExactly(
            ProtectionNeed.MEDICAL,
            ProtectionNeed.PSYCHOSOCIAL,
            ProtectionNeed.SAFE_ACCOMMODATION,
            ProtectionNeed.LEGAL_AID,
            ProtectionNeed.LANGUAGE_SUPPORT);
    assertThat(a.recommendedReferrals())
        .containsExactly(
            ServiceType.SHELTER,
            ServiceType.MEDICAL,
            ServiceType.PSYCHOSOCIAL,
            ServiceType.LEGAL_AID,
            ServiceType.INTERPRETATION);
  }

  @Test
  void needsComeFromTheSituationNotFromTheFinding() {
    Assessment a = classifier.classify(aTraffickedAdult().build());
    assertThat(a.trafficking().finding()).isEqualTo(Finding.INDICATED);
    assertThat(a.protectionNeeds()).isEmpty();
    assertThat(a.recommendedReferrals()).isEmpty();
  }
}
