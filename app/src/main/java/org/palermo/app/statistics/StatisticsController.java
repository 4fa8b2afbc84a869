package org.palermo.app.statistics;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.CurrentUser;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.platform.Dates;
import org.palermo.app.platform.ErrorCode;
import org.palermo.app.platform.FormErrors;
import org.palermo.app.platform.Languages;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.platform.TableExport;
import org.palermo.privacy.ReleaseKind;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The statistics pages: the dashboard at {@code /statistics} (filters as a GET form, charts with
 * table alternatives and CSV/XLSX downloads), releases for statisticians at {@code
 * /statistics/releases}, the population import and the HTCDS export. Who may see what is decided by
 * the services ({@link Dashboard}, {@link ReleaseDesk}, {@link HtcdsExport}), not here.
 */
@Controller
class StatisticsController {
  private final Dashboard dashboard;
  private final ReleaseDesk desk;
  private final HtcdsExport htcds;
  private final Populations populations;
  private final MessageSource messages;
  private final Clock clock;

  StatisticsController(
      Dashboard dashboard,
      ReleaseDesk desk,
      HtcdsExport htcds,
      Populations populations,
      MessageSource messages,
      Clock clock) {
    this.dashboard = dashboard;
    this.desk = desk;
    this.htcds = htcds;
    this.populations = populations;
    this.messages = messages;
    this.clock = clock;
  }

  /** The filter form as submitted: strings, so that a bad value is shown, not a 500. */
  record FilterForm(String from, String to, String region, String agencyType) {
    boolean empty() {
      return from == null && to == null && region == null && agencyType == null;
    }
  }

  @GetMapping("/statistics")
  String dashboard(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String agencyType,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    PalermoPrincipal me = CurrentUser.get();
    FilterForm form = new FilterForm(from, to, region, agencyType);
    if (form.empty()) {
      LocalDate today = LocalDate.now(clock);
      form = new FilterForm(today.withDayOfYear(1).toString(), today.toString(), "", "");
    }
    model.addAttribute("form", form);
    model.addAttribute("agencyTypes", AgencyType.values());
    model.addAttribute("statistician", StatisticsAccess.statistician(me));
    try {
      Indicators.Filter filter = filter(form);
      Dashboard.Page page = dashboard.page(me, filter, locale);
      boolean rtl = "rtl".equals(Languages.direction(locale));
      List<Shown> shown = new ArrayList<>();
      for (StatTable t : page.tables()) {
        shown.add(new Shown(t, SvgChart.render(t, rtl)));
      }
      model.addAttribute("allowed", true);
      model.addAttribute("tables", shown);
      model.addAttribute("regions", page.regions());
      model.addAttribute("suppressed", page.level() == StatisticsAccess.Level.SUPPRESSED);
      // The period actually counted: for aggregate-only users, whole completed quarters.
      model.addAttribute("shownFrom", page.shown().from());
      model.addAttribute("shownTo", page.shown().to());
      // Figures as of the last event applied: the page never waits for events on their way.
      model.addAttribute(
          "asOf",
          page.asOf() == null
              ? null
              : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                  .withLocale(locale)
                  .withZone(clock.getZone())
                  .format(page.asOf()));
      model.addAttribute("query", query(form));
    } catch (PalermoException e) {
      model.addAttribute("tables", List.of());
      model.addAttribute("regions", List.of());
      if (e.code() == ErrorCode.VALIDATION_FAILED && e.properties().containsKey("field")) {
        // A malformed or impossible filter is refused at its field, in the reader's language,
        // with what was typed kept (issue #12 §4); nothing is counted.
        model.addAttribute("allowed", true);
        // The region typed stays chosen, though nothing is counted.
        model.addAttribute(
            "regions",
            form.region() == null || form.region().isBlank()
                ? List.of()
                : List.of(form.region().strip()));
        return FormErrors.on("statistics")
            .refused(atField(e))
            .submit(
                model,
                filterValues(form),
                () -> "statistics/dashboard",
                () -> "statistics/dashboard");
      }
      response.setStatus(e.code().status().value());
      model.addAttribute("allowed", e.code() != ErrorCode.FORBIDDEN);
      model.addAttribute("error", e.getMessage());
    }
    return "statistics/dashboard";
  }

  /** The filter's refusal with the reason its field's message is looked up by. */
  private static PalermoException atField(PalermoException e) {
    String field = String.valueOf(e.properties().get("field"));
    Object given = e.properties().get("reason");
    String reason = given != null ? given.toString() : "to".equals(field) ? "beforeStart" : field;
    return new PalermoException(e.code(), e.getMessage(), Map.of("field", field, "reason", reason));
  }

  private static Map<String, String> filterValues(FilterForm f) {
    Map<String, String> v = new java.util.HashMap<>();
    v.put("from", f.from() == null ? "" : f.from());
    v.put("to", f.to() == null ? "" : f.to());
    v.put("region", f.region() == null ? "" : f.region());
    v.put("agencyType", f.agencyType() == null ? "" : f.agencyType());
    return v;
  }

  /** A table with its chart. */
  record Shown(StatTable table, String svg) {}

  @GetMapping("/statistics/download")
  void download(
      @RequestParam String table,
      @RequestParam(defaultValue = "csv") String format,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String agencyType,
      Locale locale,
      HttpServletResponse response)
      throws IOException {
    TableExport.Format f = TableExport.Format.parse(format);
    StatTable t =
        dashboard.download(
            CurrentUser.get(), table, filter(new FilterForm(from, to, region, agencyType)), locale);
    send(response, f, "palermo-" + t.id() + "." + f.extension());
    TableExport.write(t.export(), f, response.getOutputStream());
  }

  @GetMapping("/statistics/htcds")
  void exportHtcds(@RequestParam(defaultValue = "csv") String format, HttpServletResponse response)
      throws IOException {
    TableExport.Format f = TableExport.Format.parse(format);
    java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
    htcds.write(CurrentUser.get(), f, buffer);
    send(response, f, "palermo-htcds." + f.extension());
    response.getOutputStream().write(buffer.toByteArray());
  }

  /** The release form as submitted, shown again after a refusal. */
  record ReleaseForm(String kind, String k, String epsilon) {}

  @GetMapping("/statistics/releases")
  String releases(Model model, Locale locale, HttpServletResponse response) {
    return releasesPage(model, response, null, null);
  }

  @PostMapping("/statistics/releases")
  String release(
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String k,
      @RequestParam(required = false) String epsilon,
      Model model,
      Locale locale,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    PalermoPrincipal me = CurrentUser.get();
    try {
      ReleaseKind releaseKind;
      try {
        releaseKind = ReleaseKind.fromCliName(kind == null ? "" : kind);
      } catch (IllegalArgumentException e) {
        throw invalid(message("statistics.release.badKind", locale), "kind");
      }
      Releases.Result result =
          desk.release(me, releaseKind, integer(k, "k", locale), decimal(epsilon, locale));
      redirect.addFlashAttribute("released", result.name());
      return "redirect:/statistics/releases";
    } catch (PalermoException e) {
      response.setStatus(e.code().status().value());
      return releasesPage(model, response, e.getMessage(), new ReleaseForm(kind, k, epsilon));
    }
  }

  private String releasesPage(
      Model model, HttpServletResponse response, String error, ReleaseForm form) {
    PalermoPrincipal me = CurrentUser.get();
    model.addAttribute("error", error);
    model.addAttribute("form", form == null ? new ReleaseForm("table", null, null) : form);
    try {
      model.addAttribute("releases", desk.list(me));
      model.addAttribute("budget", desk.budget(me));
      model.addAttribute("populations", populations.summary());
      model.addAttribute("allowed", true);
    } catch (PalermoException e) {
      response.setStatus(e.code().status().value());
      model.addAttribute("allowed", false);
    }
    return "statistics/releases";
  }

  @GetMapping("/statistics/releases/{id}/{which}")
  void releaseFile(@PathVariable long id, @PathVariable String which, HttpServletResponse response)
      throws IOException {
    Path file = desk.file(CurrentUser.get(), id, which);
    response.setContentType(which.equals("data") ? "text/csv; charset=UTF-8" : "application/json");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(file.getFileName().toString()).build().toString());
    try (InputStream in = Files.newInputStream(file);
        OutputStream out = response.getOutputStream()) {
      in.transferTo(out);
    }
  }

  @PostMapping("/statistics/population")
  String importPopulation(
      @RequestParam(required = false) MultipartFile file,
      Locale locale,
      RedirectAttributes redirect) {
    PalermoPrincipal me = CurrentUser.get();
    try {
      StatisticsAccess.requireStatistician(me);
      if (file == null || file.isEmpty()) {
        throw invalid(message("statistics.population.noFile", locale), "file");
      }
      Populations.Imported imported;
      try (InputStream in = file.getInputStream()) {
        imported = populations.importCsv(in, "population.csv", me.username());
      }
      redirect.addFlashAttribute(
          "populationImported",
          message("statistics.population.imported", locale, imported.rows(), imported.regions()));
    } catch (PalermoException | IOException e) {
      redirect.addFlashAttribute("populationError", e.getMessage());
    }
    return "redirect:/statistics/releases";
  }

  private static void send(HttpServletResponse response, TableExport.Format f, String name) {
    response.setContentType(f.mediaType());
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(name).build().toString());
  }

  private static Indicators.Filter filter(FilterForm form) {
    return new Indicators.Filter(
        date(form.from(), "from"), date(form.to(), "to"), form.region(), form.agencyType());
  }

  /** A date of the period through the one date policy: malformed, refused at its field. */
  private static LocalDate date(String s, String field) {
    return Dates.parse(s, field);
  }

  /** The filter as a query string for the download links. */
  private static String query(FilterForm f) {
    StringBuilder q = new StringBuilder();
    append(q, "from", f.from());
    append(q, "to", f.to());
    append(q, "region", f.region());
    append(q, "agencyType", f.agencyType());
    return q.toString();
  }

  private static void append(StringBuilder q, String name, String value) {
    if (value != null && !value.isBlank()) {
      q.append('&')
          .append(name)
          .append('=')
          .append(
              java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private Integer integer(String s, String field, Locale locale) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      throw invalid(message("statistics.release.badK", locale), field);
    }
  }

  private BigDecimal decimal(String s, Locale locale) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(s.strip());
    } catch (NumberFormatException e) {
      throw invalid(message("statistics.release.badEpsilon", locale), "epsilon");
    }
  }

  private String message(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }

  private static PalermoException invalid(String detail, String field) {
    return new PalermoException(ErrorCode.VALIDATION_FAILED, detail, Map.of("field", field));
  }
}
