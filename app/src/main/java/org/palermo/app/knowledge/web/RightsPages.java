package org.palermo.app.knowledge.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.palermo.app.access.Retention;
import org.palermo.app.knowledge.RightsPage;
import org.palermo.app.knowledge.RightsTexts;
import org.palermo.app.knowledge.RightsTexts.Language;
import org.palermo.app.knowledge.RightsTopic;
import org.palermo.app.platform.QrCodes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public rights pages for migrants (issue 18 item 1; the addresses are stable): {@code /rights}
 * lists the languages and topics, {@code /rights/{topic}?lang=xx} is one topic in one language. No
 * account, no script, nothing about the reader asked or kept; each page names its translation
 * status, carries a QR code back to itself for the printed sheet, and may be kept by the browser
 * for reading offline ({@code Cache-Control: private}).
 */
@Controller
class RightsPages {
  /**
   * How long the reader's browser may keep a page for reading offline. Private: no shared cache (a
   * proxy, a CDN) keeps a copy, so a page whose QR code was drawn from a forged host name never
   * reaches another reader.
   */
  private static final String CACHE = "private, max-age=86400";

  private final RightsTexts texts;
  private final Retention retention;
  private final String hotline;
  private final String emergency;
  private final String publicUrl;

  RightsPages(
      RightsTexts texts,
      Retention retention,
      @Value("${palermo.rights.hotline:}") String hotline,
      @Value("${palermo.rights.emergency-number:}") String emergency,
      @Value("${palermo.public-url:}") String publicUrl) {
    this.texts = texts;
    this.retention = retention;
    this.hotline = hotline.strip();
    this.emergency = emergency.strip();
    this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
  }

  /** A topic as a link of the index. */
  record TopicLink(String slug, String title, String summary) {}

  @GetMapping("/rights")
  String index(
      @RequestParam(required = false) String lang,
      @RequestHeader(name = "Accept-Language", required = false) String accept,
      Model model,
      HttpServletResponse response) {
    Language l = resolve(lang, accept);
    List<TopicLink> topics = new ArrayList<>();
    for (RightsTopic t : RightsTopic.values()) {
      topics.add(new TopicLink(t.slug(), texts.title(l, t), texts.summary(l, t)));
    }
    common(model, l, response);
    model.addAttribute("topics", topics);
    return "knowledge/rights-index";
  }

  @GetMapping("/rights/{topic}")
  String topic(
      @PathVariable String topic,
      @RequestParam(required = false) String lang,
      @RequestHeader(name = "Accept-Language", required = false) String accept,
      Model model,
      HttpServletResponse response) {
    RightsTopic t =
        RightsTopic.ofSlug(topic)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    Language l = resolve(lang, accept);
    common(model, l, response);
    // Whole years, rounded up: the page never promises a shorter time than the instance keeps.
    long months = retention.closedCasePeriod().toTotalMonths();
    String years = String.valueOf(Math.max(1, (months + 11) / 12));
    model.addAttribute(
        "page",
        new RightsPage(
            t.slug(),
            texts.title(l, t),
            texts.paragraphs(l, t, years),
            QrCodes.svg(address(t, l), texts.text(l, "qr"), 128)));
    List<TopicLink> others = new ArrayList<>();
    for (RightsTopic o : RightsTopic.values()) {
      if (o != t) {
        others.add(new TopicLink(o.slug(), texts.title(l, o), texts.summary(l, o)));
      }
    }
    model.addAttribute("others", others);
    return "knowledge/rights";
  }

  private void common(Model model, Language l, HttpServletResponse response) {
    Map<String, String> t = new LinkedHashMap<>();
    for (String key :
        List.of(
            "title",
            "intro",
            "topics",
            "other_languages",
            "all_topics",
            "help.title",
            "help.directory",
            "help.free",
            "qr",
            "print")) {
      t.put(key, texts.text(l, key));
    }
    t.put("status", texts.text(l, "status." + statusKey(l.status())));
    if (!hotline.isEmpty()) {
      t.put("help.hotline", texts.text(l, "help.hotline", hotline));
    }
    if (!emergency.isEmpty()) {
      t.put("help.emergency", texts.text(l, "help.emergency", emergency));
    }
    model.addAttribute("rl", l);
    model.addAttribute("t", t);
    model.addAttribute("hotline", hotline);
    model.addAttribute("emergency", emergency);
    model.addAttribute("rightsLanguages", texts.languages());
    // The directory speaks the interface languages; the others get its English page.
    model.addAttribute(
        "directoryLang", List.of("en", "fr", "es", "ar").contains(l.code()) ? l.code() : "en");
    response.setHeader("Cache-Control", CACHE);
    response.setHeader("Vary", "Accept-Language");
  }

  /**
   * The language asked for; else the first of the reader's browser languages that the pages have;
   * else the source language. An unknown {@code lang} is not an error: the page says which language
   * it is in and lists the others.
   */
  private Language resolve(String lang, String accept) {
    var asked = texts.language(lang);
    if (asked.isPresent()) {
      return asked.get();
    }
    if (accept != null) {
      try {
        for (Locale.LanguageRange r : Locale.LanguageRange.parse(accept)) {
          String code = r.getRange().split("-")[0];
          var l = texts.language(code);
          if (l.isPresent()) {
            return l.get();
          }
        }
      } catch (IllegalArgumentException e) {
        // a malformed header: the source language
      }
    }
    return texts.source();
  }

  private String address(RightsTopic t, Language l) {
    String base =
        publicUrl.isEmpty()
            ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
            : publicUrl;
    return base + "/rights/" + t.slug() + "?lang=" + l.code();
  }

  private static String statusKey(RightsTexts.Status s) {
    return switch (s) {
      case SOURCE -> "source";
      case AWAITING_REVIEW -> "awaiting";
      case REVIEWED -> "reviewed";
    };
  }
}
