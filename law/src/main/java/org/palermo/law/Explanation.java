package org.palermo.law;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A plain-language explanation of an {@link Assessment}: lines, each with a stable message key, its
 * arguments (codes) and the text in the requested locale (English when no translation of the bundle
 * {@code org/palermo/law/messages} exists for it).
 */
public record Explanation(Locale locale, List<Line> lines) {
  private static final String RULES_1_0_0 = "palermo-rules/1.0.0";

  public Explanation {
    lines = List.copyOf(lines);
  }

  /** One line: message key, arguments, rendered text. */
  public record Line(String key, List<String> args, String text) {
    public Line {
      args = List.copyOf(args);
    }
  }

  /** Explains {@code assessment} in {@code locale}. */
  public static Explanation of(Assessment assessment, Locale locale) {
    Builder out = new Builder(locale);
    out.add("explain.ruleSet", assessment.ruleSet());
    String child = tri(assessment.child());
    if (!RULES_1_0_0.equals(assessment.ruleSet())
        && ("true".equals(child) || "false".equals(child))) {
      // From palermo-rules/1.1.0 the age is what was reported, not stated as proven (#13 §5).
      child = "reported." + child;
    }
    out.add("explain.child." + child);
    for (Problem warning : assessment.warnings()) {
      out.add("explain.warning." + warning.code() + "." + warning.field());
    }
    TraffickingAssessment tip = assessment.trafficking();
    out.add("explain.trafficking." + tip.finding().name());
    tip.reasons().forEach(out::add);
    SmugglingAssessment som = assessment.smuggling();
    out.add("explain.smuggling." + som.finding().name());
    som.reasons().forEach(out::add);
    if (assessment.delphi() != null) {
      out.add("explain.delphi.notice");
      for (DelphiListScore list : assessment.delphi().lists()) {
        String positive =
            list.dimensions().stream()
                .filter(DimensionScore::positive)
                .map(d -> d.dimension().name())
                .collect(Collectors.joining(", "));
        out.add(
            "explain.delphi.list",
            list.list().name(),
            list.result().name(),
            positive.isEmpty() ? "-" : positive);
        if (list.pendingVerification()) {
          out.add("explain.delphi.pending", list.list().name());
        }
      }
    }
    out.add("explain.needs.independent");
    if (assessment.protectionNeeds().isEmpty()) {
      out.add("explain.needs.none");
    }
    if (assessment.protectionReasons().isEmpty()) {
      assessment.protectionNeeds().forEach(need -> out.add("explain.need." + need.name()));
    } else {
      assessment.protectionReasons().forEach(out::add);
    }
    if (!assessment.recommendedReferrals().isEmpty()) {
      out.add(
          "explain.referrals",
          assessment.recommendedReferrals().stream()
              .map(Enum::name)
              .collect(Collectors.joining(", ")));
    }
    return new Explanation(locale, out.lines);
  }

  /** The whole explanation as text, one line per line. */
  public String text() {
    return lines.stream().map(Line::text).collect(Collectors.joining("\n"));
  }

  private static String tri(ChildStatus value) {
    if (value == null) {
      return "unknown";
    }
    return switch (value) {
      case YES -> "true";
      case NO -> "false";
      case PRESUMED -> "presumed";
    };
  }

  private static final class Builder {
    private final Locale locale;
    private final List<Line> lines = new ArrayList<>();

    Builder(Locale locale) {
      this.locale = locale;
    }

    void add(String key, String... args) {
      List<String> list = List.of(args);
      lines.add(new Line(key, list, Messages.localized(locale, key, list)));
    }

    void add(Reason reason) {
      String key = "reason." + reason.code();
      String text = Messages.localized(locale, key, reason.args()) + " (" + reason.citation() + ")";
      lines.add(new Line(key, reason.args(), text));
    }
  }
}
