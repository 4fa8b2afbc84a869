package org.palermo.app.platform;

import com.ibm.icu.util.ULocale;
import java.util.List;
import java.util.Locale;

/** The languages the interface is translated into, and their writing direction. */
public final class Languages {
  /** Supported interface languages; the first is the default. */
  public static final List<Locale> SUPPORTED =
      List.of(
          Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("es"), Locale.forLanguageTag("ar"));

  private Languages() {}

  public static boolean isSupported(Locale locale) {
    return locale != null
        && SUPPORTED.stream().anyMatch(l -> l.getLanguage().equals(locale.getLanguage()));
  }

  /** The supported language closest to a requested one, or the default. */
  public static Locale resolve(Locale requested) {
    if (requested == null) {
      return SUPPORTED.get(0);
    }
    return SUPPORTED.stream()
        .filter(l -> l.getLanguage().equals(requested.getLanguage()))
        .findFirst()
        .orElse(SUPPORTED.get(0));
  }

  /** "rtl" for right-to-left scripts (Arabic, Farsi, Pashto, Hebrew, Urdu …), else "ltr". */
  public static String direction(Locale locale) {
    return ULocale.forLocale(locale).isRightToLeft() ? "rtl" : "ltr";
  }
}
