package org.palermo.app.identification.screening;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.palermo.law.Act;
import org.palermo.law.DelphiList;
import org.palermo.law.Facts;
import org.palermo.law.Means;
import org.palermo.law.Purpose;
import org.palermo.law.indicator.Indicator;
import org.palermo.law.indicator.IndicatorCatalogue;
import org.palermo.law.indicator.IndicatorList;

/**
 * The screening interview: the direct questions that fill the law's {@link Facts}, and one question
 * per indicator of the ILO–EC Delphi lists, generated from the catalogue and grouped by dimension.
 * The same wording asks about an indicator in every list that has it; a "yes" records the codes of
 * the lists that fit the person (age group, and form of exploitation when known).
 */
public final class Questionnaire {
  public static final String AGE = "age";
  public static final String AGE_DISPUTED = "ageDisputed";
  public static final String NATIONAL = "national";
  public static final String PROTECTION = "protection";
  public static final String GUARDIAN_PRESENT = "guardianPresent";
  public static final String UNACCOMPANIED = "unaccompanied";
  public static final String SEPARATED = "separated";

  /** Directive 2011/36/EU art. 14(2): a parent or caregiver reported as the exploiter. */
  public static final String EXPLOITER_PARENT = "exploiterParent";

  public static final String AGE_AT_FIRST_ACT = "ageAtFirstAct";
  public static final String BORDER = "border";
  public static final String ENTRY_IRREGULAR = "entryIrregular";
  public static final String ENTRY_PROCURED = "entryProcured";
  public static final String BENEFIT = "benefit";
  public static final String LIFE_ENDANGERED = "lifeEndangered";
  public static final String DEGRADING_TREATMENT = "degradingTreatment";
  public static final String CONSENT = "consent";

  /** Means asked about directly; the others come from indicator evidence. */
  static final List<Means> DIRECT_MEANS =
      List.of(Means.ABDUCTION, Means.FRAUD, Means.PAYMENTS_TO_PERSON_IN_CONTROL);

  /** Purposes that make the labour lists the right ones. */
  static final Set<Purpose> LABOUR_PURPOSES =
      EnumSet.of(
          Purpose.FORCED_LABOUR_OR_SERVICES,
          Purpose.SLAVERY_OR_SIMILAR_PRACTICES,
          Purpose.SERVITUDE,
          Purpose.FORCED_CRIMINALITY,
          Purpose.FORCED_BEGGING);

  private final IndicatorCatalogue catalogue;
  private final List<Question> questions;
  private final Map<String, Question> byId;
  private final Map<String, Map<DelphiList, List<String>>> codes;

  private Questionnaire(
      IndicatorCatalogue catalogue,
      List<Question> questions,
      Map<String, Map<DelphiList, List<String>>> codes) {
    this.catalogue = catalogue;
    this.questions = List.copyOf(questions);
    Map<String, Question> index = new LinkedHashMap<>();
    questions.forEach(q -> index.put(q.id(), q));
    this.byId = Collections.unmodifiableMap(index);
    this.codes = codes;
  }

  /** The interview over {@code catalogue}'s Delphi lists. */
  public static Questionnaire of(IndicatorCatalogue catalogue) {
    List<Question> out = new ArrayList<>();
    direct(Step.PERSON, false, out, AGE, AGE_DISPUTED, NATIONAL, PROTECTION);
    for (String id : List.of(GUARDIAN_PRESENT, UNACCOMPANIED, SEPARATED, EXPLOITER_PARENT)) {
      out.add(new Question(id, Step.CHILD, QuestionKind.YES_NO, false, true, false, null, null));
    }
    direct(Step.RECRUITMENT, true, out, act(Act.RECRUITMENT), AGE_AT_FIRST_ACT);
    DIRECT_MEANS.forEach(m -> direct(Step.RECRUITMENT, true, out, means(m)));
    direct(
        Step.TRANSIT,
        true,
        out,
        act(Act.TRANSPORTATION),
        act(Act.TRANSFER),
        BORDER,
        ENTRY_IRREGULAR,
        ENTRY_PROCURED,
        BENEFIT,
        LIFE_ENDANGERED,
        DEGRADING_TREATMENT);
    direct(Step.EXPLOITATION, true, out, act(Act.HARBOURING), act(Act.RECEIPT));
    for (Purpose p : Purpose.values()) {
      direct(Step.EXPLOITATION, true, out, purpose(p));
    }
    direct(Step.EXPLOITATION, true, out, CONSENT);

    Map<String, Map<DelphiList, List<String>>> codes = new LinkedHashMap<>();
    Map<String, boolean[]> audience = new LinkedHashMap<>();
    Map<String, Indicator> first = new LinkedHashMap<>();
    for (IndicatorList list : catalogue.lists()) {
      DelphiList delphi = list.delphi();
      if (delphi == null) {
        continue;
      }
      for (Indicator i : catalogue.indicators(list.id())) {
        String id = i.dimension().abbreviation() + "." + slug(i.label());
        first.putIfAbsent(id, i);
        codes
            .computeIfAbsent(id, k -> new EnumMap<>(DelphiList.class))
            .computeIfAbsent(delphi, k -> new ArrayList<>())
            .add(i.code());
        audience.computeIfAbsent(id, k -> new boolean[2])[delphi.children() ? 1 : 0] = true;
      }
    }
    for (Step step : Step.values()) {
      if (step.dimension() == null) {
        continue;
      }
      first.forEach(
          (id, i) -> {
            if (i.dimension() == step.dimension()) {
              boolean[] who = audience.get(id);
              out.add(
                  new Question(
                      id,
                      step,
                      QuestionKind.YES_NO,
                      who[0],
                      who[1],
                      true,
                      i.dimension(),
                      i.label()));
            }
          });
    }
    out.sort(java.util.Comparator.comparing(q -> q.step().ordinal()));
    return new Questionnaire(catalogue, out, codes);
  }

  private static void direct(Step step, boolean childWording, List<Question> out, String... ids) {
    for (String id : ids) {
      QuestionKind kind =
          switch (id) {
            case AGE, AGE_AT_FIRST_ACT -> QuestionKind.YEARS;
            case BENEFIT -> QuestionKind.BENEFIT;
            default -> QuestionKind.YES_NO;
          };
      out.add(new Question(id, step, kind, true, true, childWording, null, null));
    }
  }

  public static String act(Act act) {
    return "act." + act.name();
  }

  public static String means(Means means) {
    return "means." + means.name();
  }

  public static String purpose(Purpose purpose) {
    return "purpose." + purpose.name();
  }

  /** The question id part of a catalogue label: lower-case words joined by hyphens. */
  static String slug(String label) {
    String s = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return s.replaceAll("^-+|-+$", "");
  }

  public IndicatorCatalogue catalogue() {
    return catalogue;
  }

  /** All questions, in interview order. */
  public List<Question> questions() {
    return questions;
  }

  public Optional<Question> question(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The steps of the interview in {@code variant}, in order. */
  public List<Step> steps(Variant variant) {
    return java.util.Arrays.stream(Step.values()).filter(s -> s.in(variant)).toList();
  }

  /** The step after {@code step}, or null after the last. */
  public Step next(Step step, Variant variant) {
    List<Step> steps = steps(variant);
    int i = steps.indexOf(step);
    return i < 0 || i + 1 >= steps.size() ? null : steps.get(i + 1);
  }

  /** The step before {@code step}, or null before the first. */
  public Step previous(Step step, Variant variant) {
    List<Step> steps = steps(variant);
    int i = steps.indexOf(step);
    return i <= 0 ? null : steps.get(i - 1);
  }

  /** The questions on {@code step} in {@code variant}, in order. */
  public List<Question> questions(Step step, Variant variant) {
    return questions.stream().filter(q -> q.step() == step && q.in(variant)).toList();
  }

  /** The indicator codes that a "yes" to {@code question} records, for {@code lists}. */
  public List<String> codes(Question question, Set<DelphiList> lists) {
    Map<DelphiList, List<String>> byList = codes.get(question.id());
    if (byList == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    byList.forEach(
        (list, c) -> {
          if (lists.contains(list)) {
            out.addAll(c);
          }
        });
    return out;
  }

  /**
   * The Delphi lists that fit: the age group's labour list, sexual-exploitation list, or both when
   * the form of exploitation is not known.
   */
  public Set<DelphiList> lists(Variant variant, Answers answers) {
    boolean sexual = answers.is(purpose(Purpose.SEXUAL_EXPLOITATION), Answer.YES);
    boolean labour = LABOUR_PURPOSES.stream().anyMatch(p -> answers.is(purpose(p), Answer.YES));
    boolean child = variant == Variant.CHILD;
    Set<DelphiList> out = EnumSet.noneOf(DelphiList.class);
    if (labour || !sexual) {
      out.add(child ? DelphiList.CHILD_LABOUR : DelphiList.ADULT_LABOUR);
    }
    if (sexual || !labour) {
      out.add(child ? DelphiList.CHILD_SEXUAL : DelphiList.ADULT_SEXUAL);
    }
    return out;
  }

  /**
   * What is wrong with the answers to one page, by question id (an error code per question); empty
   * when they can be saved. Only the page's questions are read from {@code given}.
   */
  public Map<String, String> validate(
      Step step, Variant variant, Map<String, String> given, Answers before) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (Question q : questions(step, variant)) {
      String v = given.get(q.id());
      if (v != null && !q.kind().accepts(v)) {
        errors.put(q.id(), q.kind() == QuestionKind.YEARS ? "years" : "option");
      }
    }
    if (step == Step.RECRUITMENT && !errors.containsKey(AGE_AT_FIRST_ACT)) {
      Integer then = QuestionKind.years(given.get(AGE_AT_FIRST_ACT));
      Integer now = before.years(AGE);
      if (then != null && now != null && then > now) {
        errors.put(AGE_AT_FIRST_ACT, "ageAtFirstActAfterAge");
      }
    }
    if (step == Step.PERSON && !errors.containsKey(AGE)) {
      Integer now = QuestionKind.years(given.get(AGE));
      Integer then = before.years(AGE_AT_FIRST_ACT);
      if (then != null && now != null && then > now) {
        errors.put(AGE, "ageBelowAgeAtFirstAct");
      }
    }
    return errors;
  }

  /** The law's facts that the answers establish (see {@link InterviewFacts}). */
  public Facts facts(String id, Answers answers) {
    return new InterviewFacts(this).facts(id, answers);
  }
}
