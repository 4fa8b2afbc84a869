package org.palermo.law.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.palermo.law.ElementStatus.MET;
import static org.palermo.law.ElementStatus.NOT_MET;
import static org.palermo.law.ElementStatus.NOT_REQUIRED;
import static org.palermo.law.ElementStatus.UNKNOWN;
import static org.palermo.law.FactsTestData.aTraffickedAdult;
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
import org.palermo.law.Assessment;
import org.palermo.law.Means;
import org.palermo.law.Purpose;
import org.palermo.law.Reason;

/**
 * Legal vignettes written from the Protocol texts; each name cites the deciding article. They pin
 * palermo-rules/1.0.0 as released (some of its answers were corrected in 1.1.0: see {@code
 * Rules110VignetteTest}).
 */
class VignetteTest {
  private static final Classifier CLASSIFIER = Classifier.forVersion(RuleSet.V1_0_0);

  @ParameterizedTest(name = "{0}")
  @MethodSource({
    "traffickingElements",
    "childAndConsent",
    "unknowns",
    "org.palermo.law.engine.SmugglingVignettes#smuggling",
    "org.palermo.law.engine.SmugglingVignettes#combined"
  })
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
        Stream.of(
                traffickingElements(),
                childAndConsent(),
                unknowns(),
                SmugglingVignettes.smuggling(),
                SmugglingVignettes.combined())
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
}
