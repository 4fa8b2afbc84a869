package org.palermo.app.platform;

import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Attributes every page's layout needs: language, writing direction, the language menu, and the
 * instance's time zone.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutAttributes {
  private final java.time.Clock clock;

  LayoutAttributes(java.time.Clock clock) {
    this.clock = clock;
  }

  /** The instance's time zone ({@code palermo.time-zone}), in which pages show deadlines. */
  @ModelAttribute("instanceZone")
  java.time.ZoneId instanceZone() {
    return clock.getZone();
  }

  @ModelAttribute("lang")
  String lang(Locale locale) {
    return Languages.resolve(locale).getLanguage();
  }

  @ModelAttribute("dir")
  String dir(Locale locale) {
    return Languages.direction(Languages.resolve(locale));
  }

  @ModelAttribute("languages")
  List<LanguageChoice> languages() {
    return Languages.SUPPORTED.stream()
        .map(l -> new LanguageChoice(l.getLanguage(), l.getDisplayLanguage(l)))
        .toList();
  }

  /** One entry of the language menu, named in its own language. */
  record LanguageChoice(String code, String name) {}
}
