package org.palermo.app.knowledge;

import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.springframework.stereotype.Component;

/**
 * The texts of the rights pages (issue 18 item 1): one file a language under {@code
 * knowledge/rights/}, listed with its translation status in {@code languages.properties}. A
 * language's file must hold every key of the source language's (RightsTextsTest), so no page ever
 * shows a key or falls back to another language without saying so.
 */
@Component
public class RightsTexts {
  private static final String DIR = "knowledge/rights/";

  /** Whether a native speaker has checked a translation. */
  public enum Status {
    SOURCE,
    AWAITING_REVIEW,
    REVIEWED
  }

  /**
   * One language of the rights pages: its ISO 639 code, its name in itself, whether it is written
   * right to left (from CLDR, through ICU), and the status of its translation.
   */
  public record Language(String code, String name, boolean rtl, Status status) {
    public String dir() {
      return rtl ? "rtl" : "ltr";
    }
  }

  private final Map<String, Language> languages = new LinkedHashMap<>();
  private final Map<String, Properties> texts = new LinkedHashMap<>();
  private final String source;

  public RightsTexts() {
    String first = null;
    for (Map.Entry<String, String> entry : ordered(DIR + "languages.properties").entrySet()) {
      String code = entry.getKey();
      Status status = Status.valueOf(entry.getValue());
      Properties p = load(DIR + code + ".properties");
      boolean rtl = ULocale.forLanguageTag(code).isRightToLeft();
      languages.put(code, new Language(code, p.getProperty("name"), rtl, status));
      texts.put(code, p);
      if (status == Status.SOURCE) {
        first = code;
      }
    }
    if (first == null) {
      throw new IllegalStateException("languages.properties names no SOURCE language");
    }
    this.source = first;
  }

  /** The languages, in the order of the index. */
  public List<Language> languages() {
    return List.copyOf(languages.values());
  }

  public Optional<Language> language(String code) {
    return code == null
        ? Optional.empty()
        : Optional.ofNullable(languages.get(code.strip().toLowerCase(Locale.ROOT)));
  }

  /** The language the others are translated from (English). */
  public Language source() {
    return languages.get(source);
  }

  /** A text of the page in one language; {@code args} fill its {@code {0}}, if it has one. */
  public String text(Language lang, String key, Object... args) {
    String t = texts.get(lang.code()).getProperty(key);
    if (t == null) {
      throw new IllegalStateException("rights text " + key + " is missing in " + lang.code());
    }
    return args.length == 0 ? t : new MessageFormat(t, Locale.ROOT).format(args);
  }

  /** The title of a topic in one language. */
  public String title(Language lang, RightsTopic topic) {
    return text(lang, topic.key() + ".title");
  }

  /** The one-line summary of a topic in one language. */
  public String summary(Language lang, RightsTopic topic) {
    return text(lang, topic.key() + ".summary");
  }

  /**
   * The paragraphs of a topic, in order ({@code <topic>.1}, {@code .2}, ... until the first missing
   * one); {@code args} fill the paragraphs with a placeholder.
   */
  public List<String> paragraphs(Language lang, RightsTopic topic, Object... args) {
    Properties p = texts.get(lang.code());
    List<String> out = new ArrayList<>();
    for (int i = 1; p.containsKey(topic.key() + "." + i); i++) {
      String t = p.getProperty(topic.key() + "." + i);
      out.add(t.contains("{0}") ? new MessageFormat(t, Locale.ROOT).format(args) : t);
    }
    return out;
  }

  /** The keys of one language's file, for the completeness check. */
  Map<String, String> raw(String code) {
    Map<String, String> out = new LinkedHashMap<>();
    texts.get(code).forEach((k, v) -> out.put((String) k, (String) v));
    return out;
  }

  private static Properties load(String resource) {
    try (InputStream in = RightsTexts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      Properties p = new Properties();
      try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        p.load(r);
      }
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A simple {@code key=value} file (no continuations or escapes) in the order it is written, which
   * Properties forgets.
   */
  private static Map<String, String> ordered(String resource) {
    Map<String, String> entries = new LinkedHashMap<>();
    try (InputStream in = RightsTexts.class.getClassLoader().getResourceAsStream(resource)) {
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : all.split("\n")) {
        String l = line.strip();
        int eq = l.indexOf('=');
        if (!l.isEmpty() && !l.startsWith("#") && eq > 0) {
          entries.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }
}
