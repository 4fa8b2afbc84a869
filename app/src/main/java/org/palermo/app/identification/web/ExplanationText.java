package org.palermo.app.identification.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.palermo.law.Explanation;
import org.palermo.law.ReasonCode;
import org.springframework.context.MessageSource;

/**
 * Renders an {@link Explanation} in the interface language from its stable keys: every {@code
 * explain.*} line through the app bundles ({@code screening.explain.*}), and every reason ({@code
 * reason.*}) that follows a line through {@code screening.reason.*}, with its code arguments
 * translated and the article it rests on. A reason whose key is missing keeps the English text of
 * the rules.
 */
final class ExplanationText {
  private static final String ACT = "screening.act.";
  private static final String MEANS = "screening.means.";
  private static final String PURPOSE = "screening.purpose.";
  private static final String ELEMENT = "screening.elementName.";

  /** An argument whose codes are values of the element (act, means, purpose) in argument 0. */
  private static final String OF_ELEMENT = "*";

  private static final Map<String, String> ELEMENT_VALUES =
      Map.of("ACT", ACT, "MEANS", MEANS, "PURPOSE", PURPOSE);

  /** For each key with arguments, the bundle prefix that translates each argument's codes. */
  private static final Map<String, List<String>> ARGUMENTS =
      Map.ofEntries(
          Map.entry(
              "explain.delphi.list",
              List.of("screening.delphiList.", "screening.delphiClass.", "screening.dimension.")),
          Map.entry("explain.delphi.pending", List.of("screening.delphiList.")),
          Map.entry("explain.referrals", List.of("screening.service.")),
          Map.entry("explain.ruleSet", List.of("")),
          // Reasons: element names, acts, means, purposes, benefit kinds, aggravating
          // circumstances; ages and indicator codes are shown as they are.
          Map.entry("reason.TIP_EVIDENCE_FROM_INDICATORS", List.of(ELEMENT, OF_ELEMENT, "")),
          Map.entry("reason.TIP_ACT_PRESENT", List.of(ACT)),
          Map.entry("reason.TIP_MEANS_PRESENT", List.of(MEANS)),
          Map.entry("reason.TIP_PURPOSE_PRESENT", List.of(PURPOSE)),
          Map.entry("reason.TIP_PURPOSE_MAPPED", List.of(PURPOSE, PURPOSE)),
          Map.entry("reason.TIP_NOT_INDICATED", List.of(ELEMENT)),
          Map.entry("reason.TIP_UNDETERMINED", List.of(ELEMENT)),
          Map.entry("reason.SOM_BENEFIT_SOUGHT", List.of("screening.benefitKind.")),
          Map.entry("reason.SOM_NOT_INDICATED", List.of(ELEMENT)),
          Map.entry("reason.SOM_UNDETERMINED", List.of(ELEMENT)),
          Map.entry("reason.SOM_AGGRAVATED_EXPLOITATION", List.of(PURPOSE)),
          Map.entry("reason.SOM_AGGRAVATION_IF_ESTABLISHED", List.of("screening.aggravating.")),
          // palermo-rules/1.1.0
          Map.entry("reason.TIP_PRESUMED_CHILD", List.of("screening.presumption.")),
          Map.entry("reason.TIP_NON_PUNISHMENT", List.of("screening.nonPunishmentGround.")),
          Map.entry("reason.SOM_EXPLOITATION_NOT_LINKED", List.of(PURPOSE)),
          Map.entry("reason.NEED_PRESUMED_CHILD", List.of("screening.presumption.")),
          Map.entry("reason.NEED_FROM_INDICATORS", List.of("", "screening.need.")),
          Map.entry("reason.NEED_ASSISTANCE_PENDING_IDENTIFICATION", List.of(ELEMENT)),
          // palermo-rules/1.1.0 reporting forms of the reasons above (issue #13 §5)
          Map.entry("reason.TIP_ACT_REPORTED", List.of(ACT)),
          Map.entry("reason.TIP_MEANS_REPORTED", List.of(MEANS)),
          Map.entry("reason.TIP_PURPOSE_REPORTED", List.of(PURPOSE)),
          Map.entry("reason.SOM_BENEFIT_REPORTED", List.of("screening.benefitKind.")));

  private static final String REASON = "reason.";

  private ExplanationText() {}

  /** One translated line, with the reasons that follow it. */
  record Line(String key, String text, List<Reason> reasons) {}

  /**
   * One reason: its text, the article it rests on as the rules cite it (English), and {@code lang}
   * "en" when the text fell back to the English of the rules on a page in another language.
   */
  record Reason(String code, String text, String citation, String lang) {}

  static List<Line> render(Explanation explanation, MessageSource messages, Locale locale) {
    String separator = messages.getMessage("screening.explain.separator", null, ", ", locale);
    List<Line> out = new ArrayList<>();
    for (Explanation.Line line : explanation.lines()) {
      Object[] args = arguments(line, messages, locale, separator);
      if (line.key().startsWith(REASON)) {
        if (out.isEmpty()) {
          out.add(new Line("", "", new ArrayList<>()));
        }
        out.get(out.size() - 1).reasons().add(reason(line, args, messages, locale));
        continue;
      }
      String text = messages.getMessage("screening." + line.key(), args, line.text(), locale);
      out.add(new Line(line.key(), text, new ArrayList<>()));
    }
    return out;
  }

  private static Reason reason(
      Explanation.Line line, Object[] args, MessageSource messages, Locale locale) {
    String code = line.key().substring(REASON.length());
    String citation = citation(code);
    String text = messages.getMessage("screening." + line.key(), args, null, locale);
    if (text != null) {
      return new Reason(code, text, citation, null);
    }
    String english = line.text();
    String suffix = " (" + citation + ")";
    if (citation != null && english.endsWith(suffix)) {
      english = english.substring(0, english.length() - suffix.length());
    }
    return new Reason(code, english, citation, "en".equals(locale.getLanguage()) ? null : "en");
  }

  private static String citation(String code) {
    try {
      return ReasonCode.valueOf(code).citation();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Object[] arguments(
      Explanation.Line line, MessageSource messages, Locale locale, String separator) {
    if (line.args().isEmpty()) {
      return null;
    }
    List<String> prefixes = ARGUMENTS.getOrDefault(line.key(), List.of());
    Object[] args = new Object[line.args().size()];
    for (int i = 0; i < args.length; i++) {
      String prefix = i < prefixes.size() ? prefixes.get(i) : "";
      if (OF_ELEMENT.equals(prefix)) {
        prefix = ELEMENT_VALUES.getOrDefault(line.args().get(0), "");
      }
      args[i] = translate(line.args().get(i), prefix, messages, locale, separator);
    }
    return args;
  }

  private static String translate(
      String arg, String prefix, MessageSource messages, Locale locale, String separator) {
    if ("-".equals(arg)) {
      return messages.getMessage("screening.explain.none", null, arg, locale);
    }
    List<String> words = new ArrayList<>();
    for (String code : arg.split(", ")) {
      String fallback = isCode(code) ? code.toLowerCase(Locale.ROOT).replace('_', ' ') : code;
      words.add(
          prefix.isEmpty() ? fallback : messages.getMessage(prefix + code, null, fallback, locale));
    }
    return String.join(separator, words);
  }

  /** Whether {@code token} looks like an enum code ({@code FORCED_BEGGING}). */
  private static boolean isCode(String token) {
    return token.length() > 1 && token.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || c == '_');
  }
}
