package org.palermo.finance.rules;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.palermo.finance.Channel;

/** The parameters of one rule: the keys {@code <rule name>.<parameter>} of the rules file. */
final class Params {
  private final String prefix;
  private final Map<String, String> values;

  Params(String prefix, Map<String, String> values) {
    this.prefix = prefix;
    this.values = values;
  }

  private String raw(String name) {
    String v = values.get(prefix + "." + name);
    if (v == null) {
      throw new BadParameter(prefix + "." + name, "is missing");
    }
    return v.strip();
  }

  /** An ISO 8601 duration such as {@code P7D} or {@code PT36H}, in seconds. */
  long seconds(String name) {
    String v = raw(name);
    try {
      Duration d = Duration.parse(v);
      if (d.isNegative() || d.isZero()) {
        throw new BadParameter(prefix + "." + name, "must be a positive duration");
      }
      return d.getSeconds();
    } catch (DateTimeParseException e) {
      throw new BadParameter(
          prefix + "." + name, "\"" + v + "\" is not an ISO 8601 duration (e.g. P7D, PT36H)");
    }
  }

  int count(String name) {
    String v = raw(name);
    try {
      int n = Integer.parseInt(v);
      if (n < 1) {
        throw new BadParameter(prefix + "." + name, "must be at least 1");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new BadParameter(prefix + "." + name, "\"" + v + "\" is not a whole number");
    }
  }

  /** An hour of the day, 0 to 23. */
  int hour(String name) {
    String v = raw(name);
    try {
      int h = Integer.parseInt(v);
      if (h < 0 || h > 23) {
        throw new BadParameter(prefix + "." + name, "must be an hour from 0 to 23");
      }
      return h;
    } catch (NumberFormatException e) {
      throw new BadParameter(prefix + "." + name, "\"" + v + "\" is not an hour from 0 to 23");
    }
  }

  double decimal(String name) {
    String v = raw(name);
    try {
      double d = Double.parseDouble(v);
      if (!(d >= 0) || Double.isInfinite(d)) {
        throw new BadParameter(prefix + "." + name, "must be a number of at least 0");
      }
      return d;
    } catch (NumberFormatException e) {
      throw new BadParameter(prefix + "." + name, "\"" + v + "\" is not a number");
    }
  }

  Set<Channel> channels(String name) {
    Set<Channel> set = EnumSet.noneOf(Channel.class);
    for (String c : raw(name).split(",")) {
      if (c.isBlank()) {
        continue;
      }
      try {
        set.add(Channel.valueOf(c.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new BadParameter(prefix + "." + name, "\"" + c.strip() + "\" is not a channel");
      }
    }
    return set;
  }

  /** Merchant category codes as a list of codes and ranges, e.g. {@code 7011,3501-3999}. */
  boolean[] categories(String name) {
    boolean[] in = new boolean[10000];
    for (String part : raw(name).split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      String[] range = p.split("-", 2);
      try {
        int from = Integer.parseInt(range[0].strip());
        int to = range.length == 2 ? Integer.parseInt(range[1].strip()) : from;
        if (from < 0 || to > 9999 || from > to) {
          throw new NumberFormatException();
        }
        for (int c = from; c <= to; c++) {
          in[c] = true;
        }
      } catch (NumberFormatException e) {
        throw new BadParameter(
            prefix + "." + name, "\"" + p + "\" is not a merchant category code or range");
      }
    }
    return in;
  }

  /** A regular expression, matched case-insensitively anywhere in the text. */
  Pattern pattern(String name) {
    String v = raw(name);
    try {
      return Pattern.compile(v, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    } catch (PatternSyntaxException e) {
      throw new BadParameter(prefix + "." + name, "is not a valid regular expression");
    }
  }

  static final class BadParameter extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String key;

    BadParameter(String key, String problem) {
      super(problem);
      this.key = key;
    }
  }
}
