package org.palermo.app.identification.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.palermo.law.Explanation;
import org.springframework.context.MessageSource;

/**
 * Renders an {@link Explanation} in the interface language from its stable keys: every {@code
 * explain.*} line through the app bundles ({@code screening.explain.*}, with its code arguments
 * translated), while the reasons ({@code reason.*}) that follow a line stay in the English of the
 * rules, with their article, because the law module ships English only.
 */
final class ExplanationText {
  /** For each key with arguments, the bundle prefix that translates each argument's codes. */
  private static final Map<String, List<String>> ARGUMENTS =
      Map.of(
          "explain.delphi.list",
              List.of("screening.delphiList.", "screening.delphiClass.", "screening.dimension."),
          "explain.delphi.pending", List.of("screening.delphiList."),
          "explain.referrals", List.of("screening.service."),
          "explain.ruleSet", List.of(""));

  private ExplanationText() {}

  /** One translated line, with the English reasons (and their articles) that follow it. */
  record Line(String key, String text, List<String> reasons) {}

  static List<Line> render(Explanation explanation, MessageSource messages, Locale locale) {
    List<Line> out = new ArrayList<>();
    for (Explanation.Line line : explanation.lines()) {
      if (line.key().startsWith("reason.")) {
        if (out.isEmpty()) {
          out.add(new Line("", "", new ArrayList<>()));
        }
        out.get(out.size() - 1).reasons().add(line.text());
        continue;
      }
      List<String> prefixes = ARGUMENTS.getOrDefault(line.key(), List.of());
      Object[] args = null;
      if (!line.args().isEmpty()) {
        args = new Object[line.args().size()];
        for (int i = 0; i < args.length; i++) {
          String prefix = i < prefixes.size() ? prefixes.get(i) : "";
          args[i] = translate(line.args().get(i), prefix, messages, locale);
        }
      }
      String text = messages.getMessage("screening." + line.key(), args, line.text(), locale);
      out.add(new Line(line.key(), text, new ArrayList<>()));
    }
    return out;
  }

  private static String translate(
      String arg, String prefix, MessageSource messages, Locale locale) {
    if ("-".equals(arg)) {
      return messages.getMessage("screening.explain.none", null, arg, locale);
    }
    if (prefix.isEmpty()) {
      return arg;
    }
    List<String> words = new ArrayList<>();
    for (String code : arg.split(", ")) {
      words.add(messages.getMessage(prefix + code, null, code, locale));
    }
    return String.join(", ", words);
  }
}
