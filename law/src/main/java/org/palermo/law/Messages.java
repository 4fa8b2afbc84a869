package org.palermo.law;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Message texts from the bundle {@code org/palermo/law/messages}. Placeholders {@code {0}}, {@code
 * {1}}… are replaced literally (no MessageFormat quoting); upper-case codes in arguments are shown
 * as lower-case words.
 */
final class Messages {
  static final String BUNDLE = "org.palermo.law.messages";
  private static final Map<String, String> ENGLISH = load();
  private static final Map<String, String> WORDS = new ConcurrentHashMap<>();

  private Messages() {}

  private static Map<String, String> load() {
    ResourceBundle bundle = bundle(Locale.ROOT);
    Map<String, String> texts = new HashMap<>();
    for (String key : bundle.keySet()) {
      texts.put(key, bundle.getString(key));
    }
    return Map.copyOf(texts);
  }

  static String english(String key, List<String> args) {
    String template = ENGLISH.get(key);
    if (template == null) {
      throw new MissingResourceException("No message for " + key, BUNDLE, key);
    }
    return fill(template, args);
  }

  static boolean hasEnglish(String key) {
    return ENGLISH.containsKey(key);
  }

  static String localized(Locale locale, String key, List<String> args) {
    return fill(bundle(locale).getString(key), args);
  }

  private static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        BUNDLE,
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  static String fill(String template, List<String> args) {
    StringBuilder out = new StringBuilder(template.length() + 32);
    int n = template.length();
    for (int i = 0; i < n; i++) {
      char c = template.charAt(i);
      if (c == '{' && i + 2 < n && template.charAt(i + 2) == '}') {
        int index = template.charAt(i + 1) - '0';
        if (index >= 0 && index < args.size()) {
          appendHumanized(out, args.get(index));
          i += 2;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  /** Appends {@code arg}, turning comma-separated codes like {@code ABUSE_OF_POWER} into words. */
  private static void appendHumanized(StringBuilder out, String arg) {
    int start = 0;
    while (start <= arg.length()) {
      int comma = arg.indexOf(", ", start);
      int end = comma < 0 ? arg.length() : comma;
      String token = arg.substring(start, end);
      out.append(isCode(token) ? WORDS.computeIfAbsent(token, Messages::words) : token);
      if (comma < 0) {
        return;
      }
      out.append(", ");
      start = comma + 2;
    }
  }

  private static String words(String code) {
    return code.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static boolean isCode(String token) {
    if (token.length() < 2) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (!(c >= 'A' && c <= 'Z') && c != '_') {
        return false;
      }
    }
    return true;
  }
}
