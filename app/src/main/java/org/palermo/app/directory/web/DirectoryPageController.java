package org.palermo.app.directory.web;

import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.palermo.app.directory.Providers;
import org.palermo.app.directory.ServiceType;
import org.palermo.app.directory.hsds.HsdsReader;
import org.palermo.app.platform.Languages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The public service directory for migrants: a small, printable page that works without JavaScript,
 * in the four interface languages, filtered by a plain GET form. It shows services only — nothing
 * about the visitor is asked, stored or shown.
 */
@Controller
class DirectoryPageController {
  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

  private final DirectoryListing listing;
  private final HsdsReader hsds;
  private final Providers providers;

  DirectoryPageController(DirectoryListing listing, HsdsReader hsds, Providers providers) {
    this.listing = listing;
    this.hsds = hsds;
    this.providers = providers;
  }

  /** A language the filter offers, named in the reader's language. */
  record Choice(String value, String label) {}

  /** One line of the list as the page shows it. */
  record Line(
      UUID id,
      String name,
      String type,
      String organization,
      String place,
      String languages,
      String phone) {}

  /** One opening day. */
  record Day(String day, String hours) {}

  /** An address line. */
  record Place(String name, String address, String city, String country, String transport) {}

  /** The page of one service. */
  record ServicePage(
      String name,
      String organization,
      String description,
      String type,
      String status,
      List<Place> places,
      List<Day> hours,
      String languages,
      List<String> phones,
      String email,
      String url) {}

  @GetMapping("/directory")
  String list(
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String language,
      @RequestParam(required = false) String city,
      Locale locale,
      Model model) {
    Locale ui = Languages.resolve(locale);
    String typeFilter =
        Arrays.stream(ServiceType.values())
            .map(Enum::name)
            .filter(t -> t.equals(type))
            .findFirst()
            .orElse(null);
    List<String> languages = listing.languages();
    String languageFilter = languages.contains(language) ? language : null;
    List<String> cities = listing.cities();
    String cityFilter = cities.contains(city) ? city : null;
    List<Line> lines = new ArrayList<>();
    for (DirectoryListing.Entry e : listing.find(typeFilter, languageFilter, cityFilter)) {
      lines.add(
          new Line(
              e.id(),
              e.name(),
              e.type(),
              e.organization(),
              place(e.city(), e.country()),
              languageNames(e.languages(), ui),
              e.phone()));
    }
    model.addAttribute("types", ServiceType.values());
    model.addAttribute(
        "languageChoices",
        languages.stream().map(c -> new Choice(c, languageName(c, ui))).toList());
    model.addAttribute("cities", cities);
    model.addAttribute("type", typeFilter);
    model.addAttribute("language", languageFilter);
    model.addAttribute("city", cityFilter);
    model.addAttribute("lines", lines);
    model.addAttribute("limit", DirectoryListing.LIMIT);
    return "directory/list";
  }

  @GetMapping("/directory/services/{id}")
  String service(@PathVariable String id, Locale locale, Model model) {
    Locale ui = Languages.resolve(locale);
    UUID serviceId;
    try {
      serviceId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    ObjectNode s =
        hsds.service(serviceId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    List<Place> places = new ArrayList<>();
    Set<String> phones = new LinkedHashSet<>();
    phones(s.path("phones"), phones);
    for (JsonNode sal : s.path("service_at_locations")) {
      phones(sal.path("phones"), phones);
      JsonNode l = sal.path("location");
      phones(l.path("phones"), phones);
      JsonNode a = l.path("addresses").isEmpty() ? null : l.path("addresses").get(0);
      String street = a == null ? null : join(text(a, "address_1"), text(a, "address_2"));
      places.add(
          new Place(
              text(l, "name"),
              street != null && street.equals(text(l, "name")) ? null : street,
              a == null ? null : text(a, "city"),
              a == null ? null : text(a, "country"),
              text(l, "transportation")));
    }
    phones(s.path("organization").path("phones"), phones);
    List<String> codes = new ArrayList<>();
    for (JsonNode l : s.path("languages")) {
      String code = text(l, "code");
      if (code != null) {
        codes.add(code);
      } else if (text(l, "name") != null) {
        codes.add(text(l, "name"));
      }
    }
    List<Day> hours =
        providers.openingHours(serviceId).stream()
            .map(
                o ->
                    new Day(
                        o.day().getDisplayName(TextStyle.FULL, ui),
                        HOURS.format(o.opens()) + "–" + HOURS.format(o.closes())))
            .toList();
    String type =
        Arrays.stream(ServiceType.values())
            .map(Enum::name)
            .filter(t -> s.path("attributes").toString().contains("\"code\":\"" + t + "\""))
            .findFirst()
            .orElse(null);
    model.addAttribute(
        "service",
        new ServicePage(
            text(s, "name"),
            text(s.path("organization"), "name"),
            text(s, "description"),
            type,
            text(s, "status"),
            places,
            hours,
            languageNames(codes, ui),
            List.copyOf(phones),
            text(s, "email"),
            safeUrl(text(s, "url"))));
    return "directory/service";
  }

  private static void phones(JsonNode list, Set<String> into) {
    for (JsonNode p : list) {
      String n = text(p, "number");
      if (n != null) {
        into.add(n);
      }
    }
  }

  private static String text(JsonNode o, String field) {
    JsonNode v = o.path(field);
    return v.isString() && !v.asString().isBlank() ? v.asString() : null;
  }

  private static String join(String a, String b) {
    return b == null ? a : a == null ? b : a + ", " + b;
  }

  /** Only web links are shown as links; anything else (javascript:, data:) is dropped. */
  private static String safeUrl(String url) {
    return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
  }

  private static String place(String city, String country) {
    return city == null ? country : country == null ? city : city + " (" + country + ")";
  }

  private static String languageNames(List<String> codes, Locale ui) {
    return String.join(", ", codes.stream().map(c -> languageName(c, ui)).distinct().toList());
  }

  static String languageName(String code, Locale ui) {
    String name = Locale.forLanguageTag(code).getDisplayLanguage(ui);
    return name == null || name.isBlank() ? code : name;
  }
}
