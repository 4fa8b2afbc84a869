package org.palermo.app.identification.web;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.palermo.app.identification.application.ScreeningQueries;
import org.palermo.app.identification.screening.Answers;
import org.palermo.app.identification.screening.Questionnaire;
import org.palermo.app.identification.screening.Screening;
import org.palermo.app.identification.screening.Variant;
import org.palermo.law.Assessment;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;

/** What the result page shows: the assessment explained, in the interface language. */
final class ResultPage {
  private ResultPage() {}

  static void fill(
      Model model, ScreeningQueries.Result result, MessageSource messages, Locale locale) {
    Assessment a = result.assessment();
    Screening s = result.detail().screening();
    Answers answers = s.answers();
    model.addAttribute("screening", s);
    model.addAttribute("detail", result.detail());
    model.addAttribute("stored", result.stored());
    model.addAttribute("assessment", a);
    model.addAttribute("explanation", ExplanationText.render(a.explain(locale), messages, locale));
    Set<String> citations = new LinkedHashSet<>(a.trafficking().citations());
    citations.addAll(a.smuggling().citations());
    model.addAttribute("citations", citations);
    model.addAttribute(
        "interviewLanguage", InterviewLanguages.name(s.basis().interviewLanguage(), locale));
    model.addAttribute("guardianPresent", answers.get(Questionnaire.GUARDIAN_PRESENT));
    model.addAttribute("childVariant", s.variant() == Variant.CHILD);
  }
}
