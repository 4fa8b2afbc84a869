package org.palermo.app.identification.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.palermo.app.identification.screening.Answer;
import org.palermo.app.identification.screening.Answers;
import org.palermo.app.identification.screening.Question;
import org.palermo.app.identification.screening.QuestionKind;
import org.palermo.app.identification.screening.Questionnaire;
import org.palermo.app.identification.screening.Screening;
import org.palermo.app.identification.screening.Step;
import org.palermo.app.identification.screening.Variant;
import org.springframework.util.MultiValueMap;

/**
 * Builds what the interview pages show (questions with their options and current answers, the
 * progress list, the review of all answers) and reads a submitted page back into answers.
 */
final class StepPages {
  static final String YEARS_SUFFIX = ".years";
  static final String GIVEN = "GIVEN";
  static final List<String> NOT_ANSWERING =
      List.of(Answer.DONT_KNOW.name(), Answer.PREFER_NOT_TO_SAY.name());

  private StepPages() {}

  /** One answer option of a question. */
  record Option(String value, String labelKey, String htmlId, boolean notAnswering) {}

  /** One question as shown: wording key, options, current answer and any error. */
  record QuestionView(
      String id,
      String htmlId,
      String textKey,
      String kind,
      List<Option> options,
      String value,
      String years,
      String error) {
    public boolean checked(String option) {
      return option.equals(value);
    }
  }

  /** A colleague's conflicting answer to one question: the option's label, or the years given. */
  record Theirs(String labelKey, String years) {}

  /**
   * The colleague's conflicting answers of this page by question id, as shown (issue #14 item 4).
   */
  static Map<String, Theirs> theirs(
      Questionnaire questionnaire, Step step, Variant variant, Map<String, String> raw) {
    Map<String, Theirs> out = new java.util.LinkedHashMap<>();
    for (Question q : questionnaire.questions(step, variant)) {
      String value = raw.get(q.id());
      if (value == null) {
        continue;
      }
      if (q.kind() == QuestionKind.YEARS && !NOT_ANSWERING.contains(value)) {
        out.put(q.id(), new Theirs(null, value));
      } else {
        out.put(q.id(), new Theirs(optionKey(q.kind(), value), null));
      }
    }
    return out;
  }

  /** One entry of the progress list. */
  record StepLink(String slug, String state, int number) {
    public String titleKey() {
      return "screening.step." + slug;
    }
  }

  /** One answer in the review. */
  record ReviewRow(String textKey, String answerKey, String raw) {}

  /** One page in the review: the answers given, and how many questions were not answered. */
  record ReviewSection(String slug, List<ReviewRow> rows, int unanswered) {
    public String titleKey() {
      return "screening.step." + slug;
    }
  }

  static List<QuestionView> questions(
      Questionnaire questionnaire,
      Step step,
      Variant variant,
      Map<String, String> values,
      Map<String, String> errors) {
    List<QuestionView> out = new ArrayList<>();
    int n = 0;
    for (Question q : questionnaire.questions(step, variant)) {
      n++;
      String htmlId = "q" + n;
      String value = values.get(q.id());
      String years = null;
      if (q.kind() == QuestionKind.YEARS && value != null && !NOT_ANSWERING.contains(value)) {
        years = value;
        value = GIVEN;
      }
      List<String> optionValues = new ArrayList<>(q.kind().options());
      if (q.kind() == QuestionKind.YEARS) {
        optionValues.add(GIVEN);
      }
      optionValues.addAll(NOT_ANSWERING);
      List<Option> options = new ArrayList<>();
      for (String o : optionValues) {
        options.add(
            new Option(o, optionKey(q.kind(), o), htmlId + "-" + o, NOT_ANSWERING.contains(o)));
      }
      out.add(
          new QuestionView(
              q.id(),
              htmlId,
              q.messageKey(variant),
              q.kind().name(),
              options,
              value,
              years,
              errors.get(q.id())));
    }
    return out;
  }

  static String optionKey(QuestionKind kind, String value) {
    if (kind == QuestionKind.BENEFIT && kind.options().contains(value)) {
      return "screening.benefit." + value;
    }
    return "screening.answer." + value;
  }

  /** The page's answers from a submitted form, by question id; unanswered questions absent. */
  static Map<String, String> read(
      Questionnaire questionnaire, Step step, MultiValueMap<String, String> form) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (Question q : questionnaire.questions()) {
      if (q.step() != step) {
        continue;
      }
      String value = form.getFirst(q.id());
      if (q.kind() == QuestionKind.YEARS) {
        String years = form.getFirst(q.id() + YEARS_SUFFIX);
        years = years == null ? "" : years.strip();
        if (value != null && NOT_ANSWERING.contains(value)) {
          out.put(q.id(), value);
        } else if (!years.isEmpty() || GIVEN.equals(value)) {
          out.put(q.id(), years);
        }
      } else if (value != null && !value.isEmpty()) {
        out.put(q.id(), value);
      }
    }
    return out;
  }

  static List<StepLink> progress(Questionnaire questionnaire, Screening screening, Step current) {
    Variant variant = screening.variant();
    List<Step> steps = questionnaire.steps(variant);
    int resume = steps.indexOf(screening.step());
    List<StepLink> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      boolean answered =
          questionnaire.questions(s, variant).stream()
              .anyMatch(q -> screening.answers().answered(q.id()));
      boolean done = s == Step.BASIS || i < resume || resume < 0 || answered;
      String state = s == current ? "current" : (done ? "done" : "todo");
      out.add(new StepLink(s.slug(), state, i + 1));
    }
    return out;
  }

  static List<ReviewSection> review(Questionnaire questionnaire, Screening screening) {
    Variant variant = screening.variant();
    Answers answers = screening.answers();
    List<ReviewSection> out = new ArrayList<>();
    for (Step step : questionnaire.steps(variant)) {
      if (!step.asksQuestions()) {
        continue;
      }
      List<ReviewRow> rows = new ArrayList<>();
      int unanswered = 0;
      for (Question q : questionnaire.questions(step, variant)) {
        String v = answers.get(q.id());
        if (v == null) {
          unanswered++;
        } else if (q.kind() == QuestionKind.YEARS && QuestionKind.years(v) != null) {
          rows.add(new ReviewRow(q.messageKey(variant), null, v));
        } else {
          rows.add(new ReviewRow(q.messageKey(variant), optionKey(q.kind(), v), null));
        }
      }
      out.add(new ReviewSection(step.slug(), rows, unanswered));
    }
    return out;
  }
}
