package org.palermo.app.identification.screening;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.palermo.law.Act;
import org.palermo.law.Benefit;
import org.palermo.law.DelphiList;
import org.palermo.law.Facts;
import org.palermo.law.Means;
import org.palermo.law.Purpose;
import org.palermo.law.indicator.ElementEvidence;
import org.palermo.law.indicator.Indicator;

/**
 * Turns interview answers into the law's {@link Facts}. Yes is true, no is false, and "don't know",
 * "prefer not to say" and unanswered are all unknown (null). An element set (acts, means, purposes)
 * holds the values answered "yes"; it is empty ("none") only when every question that could show
 * the element, direct or indicator, was answered "no"; otherwise it is unknown. Indicator evidence
 * itself is added by the engine from the codes, with its own reasons.
 */
final class InterviewFacts {
  private final Questionnaire questionnaire;

  InterviewFacts(Questionnaire questionnaire) {
    this.questionnaire = questionnaire;
  }

  Facts facts(String id, Answers a) {
    Variant variant = Variant.of(a);
    Set<DelphiList> lists = questionnaire.lists(variant, a);
    List<Question> indicatorQuestions = new ArrayList<>();
    for (Question q : questionnaire.questions()) {
      if (q.indicator() && q.in(variant)) {
        indicatorQuestions.add(q);
      }
    }
    boolean child = variant == Variant.CHILD;
    return Facts.builder()
        .id(id)
        .age(a.years(Questionnaire.AGE))
        .ageAtFirstAct(a.years(Questionnaire.AGE_AT_FIRST_ACT))
        .acts(
            element(
                a,
                Act.class,
                EnumSet.allOf(Act.class),
                Questionnaire::act,
                indicatorQuestions,
                lists,
                ElementEvidence::acts))
        .means(
            element(
                a,
                Means.class,
                EnumSet.copyOf(Questionnaire.DIRECT_MEANS),
                Questionnaire::means,
                indicatorQuestions,
                lists,
                ElementEvidence::means))
        .purposes(
            element(
                a,
                Purpose.class,
                EnumSet.allOf(Purpose.class),
                Questionnaire::purpose,
                indicatorQuestions,
                lists,
                ElementEvidence::purposes))
        .consentToExploitation(a.yesNo(Questionnaire.CONSENT))
        .crossedInternationalBorder(a.yesNo(Questionnaire.BORDER))
        .entryIrregular(a.yesNo(Questionnaire.ENTRY_IRREGULAR))
        .nationalOrPermanentResidentOfDestination(a.yesNo(Questionnaire.NATIONAL))
        .entryProcuredByAnother(a.yesNo(Questionnaire.ENTRY_PROCURED))
        .lifeOrSafetyEndangered(a.yesNo(Questionnaire.LIFE_ENDANGERED))
        .inhumanOrDegradingTreatment(a.yesNo(Questionnaire.DEGRADING_TREATMENT))
        .unaccompaniedChild(child ? a.yesNo(Questionnaire.UNACCOMPANIED) : null)
        .separatedChild(child ? a.yesNo(Questionnaire.SEPARATED) : null)
        .ageDisputed(a.yesNo(Questionnaire.AGE_DISPUTED))
        .exploiterIsParentOrCaregiver(child ? a.yesNo(Questionnaire.EXPLOITER_PARENT) : null)
        .seekingInternationalProtection(a.yesNo(Questionnaire.PROTECTION))
        .benefitToFacilitator(benefit(a.get(Questionnaire.BENEFIT)))
        .indicators(indicators(a, indicatorQuestions, lists))
        .build();
  }

  private Set<String> indicators(Answers a, List<Question> questions, Set<DelphiList> lists) {
    boolean anyAnswered = false;
    Set<String> codes = new TreeSet<>();
    for (Question q : questions) {
      anyAnswered |= a.answered(q.id());
      if (a.is(q.id(), Answer.YES)) {
        codes.addAll(questionnaire.codes(q, lists));
      }
    }
    return anyAnswered ? codes : null;
  }

  private <E extends Enum<E>> Set<E> element(
      Answers a,
      Class<E> type,
      Set<E> asked,
      Function<E, String> idOf,
      List<Question> indicatorQuestions,
      Set<DelphiList> lists,
      Function<ElementEvidence, Set<E>> evidenceOf) {
    Set<E> yes = EnumSet.noneOf(type);
    boolean allNo = true;
    for (E value : asked) {
      String id = idOf.apply(value);
      if (a.is(id, Answer.YES)) {
        yes.add(value);
      }
      allNo &= a.is(id, Answer.NO);
    }
    if (!yes.isEmpty()) {
      return yes;
    }
    for (Question q : indicatorQuestions) {
      if (evidences(q, lists, evidenceOf)) {
        allNo &= a.is(q.id(), Answer.NO);
      }
    }
    return allNo ? yes : null;
  }

  private <E extends Enum<E>> boolean evidences(
      Question q, Set<DelphiList> lists, Function<ElementEvidence, Set<E>> evidenceOf) {
    for (String code : questionnaire.codes(q, lists)) {
      Indicator indicator = questionnaire.catalogue().indicator(code).orElse(null);
      if (indicator != null && !evidenceOf.apply(indicator.evidences()).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static Benefit benefit(String value) {
    if (value == null) {
      return null;
    }
    return switch (value) {
      case "FINANCIAL" -> Benefit.FINANCIAL;
      case "OTHER_MATERIAL" -> Benefit.OTHER_MATERIAL;
      case "NONE" -> Benefit.NONE;
      default -> null;
    };
  }
}
