package org.palermo.app.identification.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.palermo.app.identification.application.IdentificationQueries;
import org.palermo.app.identification.procedure.Decision;
import org.palermo.app.identification.procedure.DecisionKind;
import org.palermo.app.platform.Languages;
import org.springframework.context.MessageSource;

/**
 * The texts of a decision letter in the language chosen for the letter, which may differ from the
 * interface language: the person reads the letter, the officer the page around it.
 */
final class LetterText {
  private LetterText() {}

  /** Everything the letter says, already in its language. */
  record Letter(
      String lang,
      String dir,
      String title,
      String reference,
      String date,
      String authority,
      String decisionLabel,
      String decision,
      String meaning,
      String reflection,
      String assistance,
      String grounds,
      String groundsLabel,
      String groundsText,
      String review,
      String decidedBy,
      String orgLabel,
      String org,
      String notice,
      String standard,
      String reviewedBy,
      String evidence,
      String trauma) {}

  /**
   * The letter. A negative decision's letter says what happens to support and until when: at least
   * to the last day of the window for asking reconsideration ({@code reviewWindowDays} after the
   * decision), instead of the positive letter's statement on assistance.
   */
  static Letter of(
      IdentificationQueries.Letter source,
      MessageSource messages,
      Locale language,
      int reviewWindowDays) {
    Decision d = source.decision();
    DateTimeFormatter dates =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language);
    String reference =
        source.caseReference() == null
            ? source.screeningId().toString().substring(0, 8)
            : source.caseReference();
    String kind = d.kind().name();
    String meaningKey =
        d.kind() == DecisionKind.REASONABLE_GROUNDS
            ? (d.positive()
                ? "identification.letter.meaning.rg.positive"
                : "identification.letter.meaning.rg.negative")
            : (d.positive()
                ? "identification.letter.meaning.cg.positive"
                : "identification.letter.meaning.cg.negative");
    String reflection = null;
    LocalDate ends = source.procedure().reflectionEnds();
    if (d.kind() == DecisionKind.REASONABLE_GROUNDS && d.positive() && ends != null) {
      reflection =
          text(
              messages,
              language,
              "identification.letter.reflection",
              dates.format(d.decidedOn()),
              dates.format(ends));
    }
    return new Letter(
        language.getLanguage(),
        Languages.direction(language),
        text(messages, language, "identification.letter.title." + kind),
        text(messages, language, "identification.letter.reference", reference),
        text(messages, language, "identification.letter.date", dates.format(d.issuedOn())),
        d.authorityName(),
        text(messages, language, "identification.letter.decision"),
        text(messages, language, "identification.status." + d.status().name()),
        text(messages, language, meaningKey),
        reflection,
        d.positive()
            ? text(messages, language, "identification.letter.assistance")
            : text(
                messages,
                language,
                "identification.letter.assistance.negative",
                dates.format(d.issuedOn().plusDays(reviewWindowDays))),
        d.grounds(),
        text(messages, language, "identification.letter.grounds"),
        d.grounds().isEmpty()
            ? text(messages, language, "identification.letter.grounds.none")
            : null,
        text(messages, language, "identification.letter.review"),
        text(messages, language, "identification.letter.decidedBy", d.decidedByName()),
        text(messages, language, "identification.letter.org"),
        text(messages, language, "identification.org." + d.decidedByOrg().name()),
        text(messages, language, "identification.letter.notice"),
        text(messages, language, "identification.standard." + d.standardOfProof().name()),
        d.reviewedByName() == null
            ? null
            : text(messages, language, "identification.letter.reviewedBy", d.reviewedByName()),
        d.evidence().isEmpty()
            ? null
            : text(
                messages,
                language,
                "identification.letter.evidence",
                evidence(d, messages, language)),
        d.credibilityTraumaInformed()
            ? text(messages, language, "identification.letter.trauma")
            : null);
  }

  /** The evidence considered, in the letter's language, "other" with its description. */
  private static String evidence(Decision d, MessageSource messages, Locale language) {
    java.util.List<String> items = new java.util.ArrayList<>();
    for (var e : d.evidence()) {
      String label = text(messages, language, "identification.evidence." + e.name());
      if (e == org.palermo.app.identification.procedure.Evidence.OTHER
          && d.evidenceOther() != null) {
        label = label + " (" + d.evidenceOther() + ")";
      }
      items.add(label);
    }
    return String.join(language.getLanguage().equals("ar") ? "، " : "; ", items);
  }

  private static String text(MessageSource m, Locale l, String key, Object... args) {
    return m.getMessage(key, args.length == 0 ? null : args, l);
  }
}
