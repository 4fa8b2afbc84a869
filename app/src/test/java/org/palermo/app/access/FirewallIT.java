package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.MatrixFixture.Cell;
import org.palermo.app.access.MatrixFixture.Where;
import org.palermo.app.cases.CaseRecords;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.referral.ReferralFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The firewall, tried the way an enforcement user would (issue 5, "Firewall"; SECURITY.md rule 3;
 * UN A/HRC/26/37): seeded random sequences of requests by users of every role of a police agency
 * (no disclosure) and of an immigration enforcement agency, over every route of the application
 * (API and pages, every method, read from Spring's handler mapping), with path variables, query
 * parameters and bodies filled at random with the ids, name and reference of a case of another
 * agency, or with made-up ones.
 *
 * <p>The enforcement users include a competent authority that sits in the police (held behind the
 * firewall by its function: issue 13 §2), and the case has a completed screening linked to it,
 * whose id fills every screening route (issue 11 item 3).
 *
 * <p>Each step sends a pair of requests that differ only in those values: one with the existing
 * ones, its twin with values that exist nowhere. It fails if any answer contains the person's name,
 * birth date, case reference or note, or if the two answers differ in status, problem type, headers
 * or body (once the substituted values, ids, CSRF tokens and nonces are blanked): an enforcement
 * user cannot tell a hidden case from no case, by search results, counts or errors. (Response times
 * are measured by {@code bench/firewall-timing.sh}, not asserted here.)
 *
 * <p>The seed is printed and is in every failure message; rerun a failure with {@code
 * -Dpalermo.firewall.seed=N}. {@code -Dpalermo.firewall.steps=N} sets the number of random steps
 * after the sweep that tries every route once per agency.
 */
@PalermoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FirewallIT {
  static final Pattern UUIDS =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::(?:[^{}]|\\{[^}]*})*)?}");

  /**
   * Routes left out, with the reason: none of them takes or shows anything about a person's case.
   */
  static final Map<String, String> LEFT_OUT =
      Map.ofEntries(
          Map.entry("/logout", "ends the session the next steps use"),
          Map.entry("/login", "sign-in"),
          Map.entry("/login/mfa", "sign-in"),
          Map.entry("/login/mfa/enrol", "sign-in"),
          Map.entry("/account", "the user's own account"),
          Map.entry("/account/mfa", "the user's own second factor"),
          Map.entry("/account/tokens", "issues the user's own token"),
          Map.entry("/account/tokens/{id}/revoke", "revokes the user's own token"),
          Map.entry("/api/v1/admin/keys/rotate", "re-wraps every data key: no personal data out"),
          Map.entry("/statistics/releases", "aggregate, k-anonymised releases"),
          Map.entry("/statistics/population", "aggregate population import"),
          Map.entry("/error", "Spring's error page"));

  /**
   * The enforcement places: the police, immigration, and a competent authority that sits in the
   * police (enforcement by its function: issue 13 §2).
   */
  static final List<Where> ENFORCEMENT =
      List.of(Where.POLICE, Where.IMMIGRATION, Where.POLICE_AUTHORITY);

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired CaseRecords records;
  @Autowired JdbcClient jdbc;
  @Autowired Disclosures disclosures;
  @Autowired ReferralFixtures referrals;
  @Autowired ScreeningFixtures screenings;
  @Autowired Accounts agencyAccounts;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  MatrixFixture f;
  long seed;
  List<Route> routes;

  record Route(String method, String pattern, List<String> stringParams, List<String> idParams) {
    boolean api() {
      return pattern.startsWith("/api/");
    }
  }

  @BeforeAll
  void buildTheFixtureOnce() throws Exception {
    seed = Long.getLong("palermo.firewall.seed", System.currentTimeMillis());
    System.out.println(
        "firewall: seed " + seed + " (rerun with -Dpalermo.firewall.seed=" + seed + ")");
    f =
        new MatrixFixture(
            mvc,
            accounts,
            records,
            jdbc,
            disclosures,
            referrals,
            screenings,
            agencyAccounts,
            EnumSet.of(Where.POLICE, Where.IMMIGRATION, Where.POLICE_AUTHORITY));
    f.ids.add(screenings.completedScreening(f.cell(Where.OWN, Role.CASEWORKER).principal()));
    routes = routes();
  }

  /** Every route of the application but those of {@link #LEFT_OUT} and the public directory. */
  List<Route> routes() {
    List<Route> out = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = e.getKey();
      List<String> strings = new ArrayList<>();
      List<String> uuids = new ArrayList<>();
      for (MethodParameter p : e.getValue().getMethodParameters()) {
        RequestParam rp = p.getParameterAnnotation(RequestParam.class);
        if (rp == null) {
          continue;
        }
        String name = !rp.name().isEmpty() ? rp.name() : p.getParameterName();
        if (p.getParameterType() == UUID.class) {
          uuids.add(name);
        } else if (p.getParameterType() == String.class) {
          strings.add(name);
        }
      }
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (LEFT_OUT.containsKey(pattern)
            || pattern.startsWith("/hsds")
            || pattern.startsWith("/directory")
            || pattern.startsWith("/v3/")
            || pattern.startsWith("/swagger")) {
          continue;
        }
        for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          out.add(new Route(m.name(), pattern, strings, uuids));
        }
      }
    }
    out.sort((a, b) -> (a.pattern() + a.method()).compareTo(b.pattern() + b.method()));
    return out;
  }

  /** One request of a pair: the values it substitutes, to blank them when comparing. */
  record Sent(
      String method,
      String uri,
      List<String> values,
      String bodyId,
      String bodyName,
      MvcResult result) {}

  @Test
  void enforcement_users_cannot_tell_a_hidden_case_from_no_case_on_any_route() throws Exception {
    Random random = new Random(seed);
    List<Cell> users = new ArrayList<>();
    for (Where w : ENFORCEMENT) {
      users.addAll(f.cells.get(w).values());
    }
    List<String> failures = new ArrayList<>();
    int steps = 0;
    // The sweep: every route once for each agency, a random role each time.
    for (Route r : routes) {
      for (Where w : ENFORCEMENT) {
        List<Cell> row = new ArrayList<>(f.cells.get(w).values());
        Cell c = row.get(random.nextInt(row.size()));
        step(c, r, random, failures);
        steps++;
      }
    }
    // Then random sequences.
    int more = Integer.getInteger("palermo.firewall.steps", 300);
    for (int i = 0; i < more; i++) {
      Cell c = users.get(random.nextInt(users.size()));
      Route r = routes.get(random.nextInt(routes.size()));
      step(c, r, random, failures);
      steps++;
    }
    System.out.println(
        "firewall: " + steps + " request pairs over " + routes.size() + " routes, seed " + seed);
    assertThat(failures)
        .as(
            "seed "
                + seed
                + " (rerun with -Dpalermo.firewall.seed="
                + seed
                + "), "
                + steps
                + " pairs")
        .isEmpty();
  }

  void step(Cell c, Route r, Random random, List<String> failures) throws Exception {
    if (!r.api() && c.session() == null) {
      c = f.cell(c.where(), Role.CASEWORKER); // administrators need a second factor for pages
    }
    // Choose the existing values, then the twin's made-up values of the same kinds.
    Map<String, String> existing = new LinkedHashMap<>();
    Map<String, String> madeUp = new LinkedHashMap<>();
    Matcher m = VARIABLE.matcher(r.pattern());
    while (m.find()) {
      existing.put("{" + m.group(1) + "}", existingId(r.pattern(), m.group(1), random));
      madeUp.put("{" + m.group(1) + "}", UUID.randomUUID().toString());
    }
    for (String p : r.idParams()) {
      existing.put("?" + p, f.ids.get(random.nextInt(f.ids.size())).toString());
      madeUp.put("?" + p, UUID.randomUUID().toString());
    }
    for (String p : r.stringParams()) {
      String[] pick = existingString(p, random);
      existing.put("?" + p, pick[0]);
      madeUp.put("?" + p, pick[1]);
    }
    boolean bodyIds = random.nextBoolean();
    UUID bodyId = f.ids.get(random.nextInt(f.ids.size()));
    Sent real;
    Sent none;
    try {
      real = send(c, r, existing, bodyIds ? bodyId.toString() : f.caseId.toString(), f.familyName);
      none = send(c, r, madeUp, UUID.randomUUID().toString(), "Nobodyhere" + random.nextInt(1000));
    } catch (Exception e) {
      failures.add(c + " " + r.method() + " " + r.pattern() + ": " + e);
      return;
    }
    String where = c + " " + r.method() + " " + real.uri();
    for (Sent s : List.of(real, none)) {
      String body = workbook(s.result().getResponse().getContentAsByteArray());
      if (body == null) {
        body = s.result().getResponse().getContentAsString(StandardCharsets.UTF_8);
      }
      for (String typed : s.values()) {
        if (typed.length() > 3) {
          body = body.replace(typed, ""); // what the user sent may come back, nothing else
        }
      }
      for (String secret : f.secrets()) {
        if (body.contains(secret)) {
          failures.add(where + ": the answer shows " + secret);
        }
      }
      if (s.result().getResponse().getStatus() >= 500) {
        failures.add(where + ": " + s.result().getResponse().getStatus());
      }
    }
    String a = normalise(real);
    String b = normalise(none);
    if (!a.equals(b)) {
      // A page may show a message left in the session by the step before (a flash attribute),
      // which only the first of the pair sees. Ask both again: a difference that comes from the
      // case existing stays.
      a = normalise(send(c, r, existing, real.bodyId(), real.bodyName()));
      b = normalise(send(c, r, madeUp, none.bodyId(), none.bodyName()));
    }
    if (!a.equals(b)) {
      failures.add(
          where
              + ": a hidden case and no case answer differently:\n  "
              + around(a, b)
              + "\n  "
              + around(b, a));
    }
  }

  String existingId(String pattern, String variable, Random random) {
    if (pattern.contains("/referrals/{id}")) {
      return (random.nextBoolean() ? f.referralId : f.contactReferralId).toString();
    }
    // The screening linked to the case, on every screening route (issue 11 item 3).
    if (pattern.contains("/screenings/{id}") && variable.equals("id")) {
      return f.screeningId.toString();
    }
    if (variable.equals("slug")) {
      return "person"; // a real step of the interview, the same in both requests
    }
    if (pattern.startsWith("/api/v1/persons/{id}")) {
      return f.personId.toString();
    }
    if (variable.equals("id") || variable.equals("caseId")) {
      return random.nextInt(3) == 0
          ? f.ids.get(random.nextInt(f.ids.size())).toString()
          : f.caseId.toString();
    }
    if (variable.equals("slug") || variable.equals("which") || variable.equals("step")) {
      return "x"; // not an id: the same in both requests
    }
    return f.ids.get(random.nextInt(f.ids.size())).toString();
  }

  /** An existing value of a string parameter, and its made-up twin. */
  String[] existingString(String param, Random random) {
    String p = param.toLowerCase();
    if (p.contains("reference") || p.equals("case")) {
      return new String[] {f.reference, "PAL-2026-9" + (100000 + random.nextInt(800000))};
    }
    if (p.contains("name") || p.equals("q")) {
      // One name at a time: a search form may show what was typed, and the other name then still
      // tells whether the record leaked.
      String[] names = {f.familyName, f.givenName};
      return new String[] {names[random.nextInt(2)], "Nobodyhere" + random.nextInt(1000)};
    }
    if (p.equals("format")) {
      String format = random.nextBoolean() ? "csv" : "xlsx"; // the exports
      return new String[] {format, format};
    }
    if (p.equals("box")) {
      String box = random.nextBoolean() ? "incoming" : "outgoing";
      return new String[] {box, box};
    }
    return new String[] {"x", "x"};
  }

  Sent send(Cell c, Route r, Map<String, String> values, String bodyId, String bodyName)
      throws Exception {
    String path = r.pattern();
    StringBuilder query = new StringBuilder();
    List<String> substituted = new ArrayList<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (e.getKey().startsWith("{")) {
        String name = e.getKey().substring(1, e.getKey().length() - 1);
        Matcher v = VARIABLE.matcher(path);
        StringBuilder b = new StringBuilder();
        while (v.find()) {
          v.appendReplacement(
              b, Matcher.quoteReplacement(v.group(1).equals(name) ? e.getValue() : v.group()));
        }
        v.appendTail(b);
        path = b.toString();
      } else {
        query
            .append(query.isEmpty() ? "?" : "&")
            .append(e.getKey().substring(1))
            .append('=')
            .append(
                java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)
                    .replace("+", "%20"));
      }
      substituted.add(e.getValue());
    }
    // Spring's own variable syntax in a pattern ({id:regex}) is filled above; any other is left.
    path =
        VARIABLE.matcher(path).replaceAll(Matcher.quoteReplacement(UUID.randomUUID().toString()));
    String uri = path + query;
    MockHttpServletRequestBuilder req =
        MockMvcRequestBuilders.request(HttpMethod.valueOf(r.method()), java.net.URI.create(uri));
    substituted.add(bodyId);
    substituted.add(bodyName);
    if (r.api()) {
      req.header("Authorization", "Bearer " + c.token());
      if (!r.method().equals("GET")) {
        req.contentType(MediaType.APPLICATION_JSON)
            .content(
                """
                {"caseId": "%s", "personId": "%s", "reason": "x", "text": "x", "title": "x",
                 "name": "%s", "givenName": "%s", "reference": "%s"}"""
                    .formatted(bodyId, bodyId, bodyName, bodyName, bodyId));
      }
    } else {
      req.session(c.session());
      if (!r.method().equals("GET")) {
        req.with(csrf())
            .param("caseId", bodyId)
            .param("personId", bodyId)
            .param("userId", bodyId)
            .param("reason", "x")
            .param("text", "x");
      }
    }
    return new Sent(r.method(), uri, substituted, bodyId, bodyName, mvc.perform(req).andReturn());
  }

  /** Status, content type, header names and body, with the substituted values blanked. */
  static String normalise(Sent s) throws Exception {
    var res = s.result().getResponse();
    String body = workbook(res.getContentAsByteArray());
    if (body == null) {
      body = res.getContentAsString(StandardCharsets.UTF_8);
    }
    String redirect = res.getRedirectedUrl() == null ? "" : res.getRedirectedUrl();
    for (String v : s.values()) {
      if (v.length() > 1) {
        body = body.replace(v, "{v}");
        body = body.replace(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8), "{v}");
        redirect = redirect.replace(v, "{v}");
      }
    }
    body = UUIDS.matcher(body).replaceAll("{uuid}");
    redirect = UUIDS.matcher(redirect).replaceAll("{uuid}");
    body = body.replaceAll("(nonce|content|value)=\"[A-Za-z0-9+/=_-]{20,}\"", "$1=\"{token}\"");
    body = body.replaceAll("\"(instance|timestamp|traceId)\"\\s*:\\s*\"[^\"]*\"", "\"$1\":\"{x}\"");
    Set<String> headers = new TreeSet<>(res.getHeaderNames());
    headers.remove("Set-Cookie");
    return res.getStatus()
        + " "
        + res.getContentType()
        + " "
        + headers
        + " "
        + redirect
        + " "
        + body;
  }

  /**
   * An XLSX answer's parts as text, but its document properties (the time it was written); null if
   * the answer is not a ZIP file.
   */
  static String workbook(byte[] bytes) throws Exception {
    if (bytes.length < 2 || bytes[0] != 'P' || bytes[1] != 'K') {
      return null;
    }
    StringBuilder b = new StringBuilder();
    java.nio.file.Path tmp = java.nio.file.Files.createTempFile("firewall-", ".zip");
    try {
      java.nio.file.Files.write(tmp, bytes);
      try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(tmp.toFile())) {
        for (var e : java.util.Collections.list(zip.entries())) {
          if (!e.getName().startsWith("docProps/")) {
            b.append(e.getName())
                .append(':')
                .append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
    } finally {
      java.nio.file.Files.deleteIfExists(tmp);
    }
    return b.toString();
  }

  /** {@code s} around its first difference from {@code other}. */
  static String around(String s, String other) {
    int i = 0;
    while (i < s.length() && i < other.length() && s.charAt(i) == other.charAt(i)) {
      i++;
    }
    int from = Math.max(0, i - 150);
    return (from > 0 ? "…" : "") + s.substring(from, Math.min(s.length(), i + 250));
  }
}
