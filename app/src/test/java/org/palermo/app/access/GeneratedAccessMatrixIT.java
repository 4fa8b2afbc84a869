package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.access.AccessPolicy.Access;
import org.palermo.app.access.MatrixFixture.Cell;
import org.palermo.app.access.MatrixFixture.Where;
import org.palermo.app.cases.CaseRecords;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.platform.PalermoException;
import org.palermo.app.referral.ReferralFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generated authorisation matrix (issue 5, "Authorisation matrix"; SECURITY.md rules 2–5):
 * every GET route of the running application — API and pages, read from Spring's handler mapping —
 * × every role × six places a user can stand in relation to one case (its own agency, another
 * provider, the provider it is referred to, the police without and with a disclosure, immigration
 * enforcement).
 *
 * <ul>
 *   <li>A case-scoped route answers the status the policy implies: each resource declares which
 *       decision of {@link AccessPolicy} it rests on (read or write of a field group, for a
 *       purpose), and the expected status of every cell is that decision for that user — 200 when
 *       granted, else the status of the {@code PalermoException} that {@link AccessPolicy#require}
 *       throws (403 inside a relationship, 404 indistinguishable from no case otherwise). The API
 *       route and the page of one resource therefore answer the same.
 *   <li>A list, search or export route shows the fixture's person exactly when the policy lets that
 *       user read the identity group (for lists of one's own agency: and the agency owns the case),
 *       never shows the person, reference, birth date or note to anybody else, and counts no hidden
 *       row ({@code total*} is 0 for agencies that own nothing).
 *   <li>Every other GET route is listed in {@link #NOT_APPLICABLE} with the reason. A new route
 *       that is neither covered nor listed fails the test, so the matrix stays complete.
 *   <li>Because the expected statuses come from the policy, a fault in the policy would pass the
 *       checks above (issue 11: the consent scope was ignored by the policy itself, and the matrix
 *       agreed with it). So some assertions do not ask the policy: a user of the contact-only
 *       recipient or of the competent authority in the police never sees the person's name or date
 *       of birth in any answer of any route, whatever the policy says ({@link #NEVER_IDENTITY}).
 * </ul>
 */
@PalermoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedAccessMatrixIT {
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired CaseRecords records;
  @Autowired JdbcClient jdbc;
  @Autowired AccessPolicy policy;
  @Autowired Disclosures disclosures;
  @Autowired ReferralFixtures referrals;
  @Autowired ScreeningFixtures screenings;
  @Autowired Accounts agencyAccounts;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  MatrixFixture f;

  @BeforeAll
  void buildTheFixtureOnce() throws Exception {
    long start = System.nanoTime();
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
            EnumSet.allOf(Where.class));
    System.out.printf(
        "access matrix: fixture built in %d ms%n", (System.nanoTime() - start) / 1_000_000);
  }

  // --- the rules: which decision of the policy each resource rests on ------------------------

  /** The status {@link AccessPolicy#require} implies: 200, or its refusal's status. */
  static int status(Runnable require) {
    try {
      require.run();
      return 200;
    } catch (PalermoException e) {
      return e.code().status().value();
    }
  }

  ToIntFunction<PalermoPrincipal> read(FieldGroup g) {
    return p -> status(() -> policy.require(p, f.caseId, g, Access.READ));
  }

  ToIntFunction<PalermoPrincipal> write(FieldGroup g) {
    return p -> status(() -> policy.require(p, f.caseId, g, Access.WRITE));
  }

  ToIntFunction<PalermoPrincipal> oversight(FieldGroup g) {
    return p -> status(() -> policy.require(p, f.caseId, g, Access.READ, Purpose.OVERSIGHT));
  }

  /** Any readable group (the case overview shows what it may); else the identity refusal. */
  ToIntFunction<PalermoPrincipal> anyGroup() {
    return p ->
        policy.groups(p, f.caseId, Access.READ).isEmpty()
            ? status(() -> policy.require(p, f.caseId, FieldGroup.IDENTITY, Access.READ))
            : 200;
  }

  /**
   * Only {@code relationships} see the resource at all (404 for everybody else, as for no such
   * case); inside them, {@code rule} decides.
   */
  ToIntFunction<PalermoPrincipal> within(
      Set<Relationship> relationships, ToIntFunction<PalermoPrincipal> rule) {
    return p -> {
      Set<Relationship> rel = policy.relationships(p, f.caseId);
      rel.retainAll(relationships);
      return rel.isEmpty() ? 404 : rule.applyAsInt(p);
    };
  }

  /** The same decision, but a refusal is always 404 (the resource's existence is not revealed). */
  static ToIntFunction<PalermoPrincipal> hidden(ToIntFunction<PalermoPrincipal> rule) {
    return p -> rule.applyAsInt(p) == 200 ? 200 : 404;
  }

  /** Read of the identity group, else 403: the referral's parties; role-gated inside them. */
  ToIntFunction<PalermoPrincipal> identityOrForbidden() {
    return p -> policy.allows(p, f.caseId, FieldGroup.IDENTITY, Access.READ) ? 200 : 403;
  }

  /**
   * Only the sender's and the recipient's agencies see the fixture's (identity and contact)
   * referral at all (404 for everybody else, the recipient of the other referral of the same case
   * included); inside them, {@code rule} decides.
   */
  ToIntFunction<PalermoPrincipal> partiesOfTheReferral(ToIntFunction<PalermoPrincipal> rule) {
    return p ->
        p.agencyId().equals(f.agencies.get(Where.OWN).id())
                || p.agencyId().equals(f.agencies.get(Where.REFERRAL_RECIPIENT).id())
            ? rule.applyAsInt(p)
            : 404;
  }

  /**
   * The places whose users never see the person's identity on any route, by the fixture's facts and
   * not by the policy: the person consented to share only their contact with one recipient, and a
   * competent authority in the police is behind the firewall without a disclosure.
   */
  static final Set<Where> NEVER_IDENTITY =
      EnumSet.of(
          Where.REFERRAL_RECIPIENT_CONTACT,
          Where.POLICE,
          Where.IMMIGRATION,
          Where.POLICE_AUTHORITY,
          Where.OTHER_PROVIDER);

  /** Routes that answer a redirect (to the screening's result) when the user may read it. */
  static final Set<String> REDIRECT_WHEN_ALLOWED =
      Set.of("/screenings/{id}", "/screenings/{id}/steps/{slug}");

  static final Set<Relationship> OWNERS = EnumSet.of(Relationship.OWNER, Relationship.SUPERVISOR);
  static final Set<Relationship> REFERRAL_PARTIES =
      EnumSet.of(Relationship.OWNER, Relationship.SUPERVISOR, Relationship.REFERRAL_RECIPIENT);

  @SafeVarargs
  static ToIntFunction<PalermoPrincipal> either(ToIntFunction<PalermoPrincipal>... rules) {
    return p -> {
      int first = 0;
      for (ToIntFunction<PalermoPrincipal> r : rules) {
        int s = r.applyAsInt(p);
        if (s == 200) {
          return 200;
        }
        first = first == 0 ? s : first;
      }
      return first;
    };
  }

  @SafeVarargs
  static ToIntFunction<PalermoPrincipal> all(ToIntFunction<PalermoPrincipal>... rules) {
    return p -> {
      for (ToIntFunction<PalermoPrincipal> r : rules) {
        int s = r.applyAsInt(p);
        if (s != 200) {
          return s;
        }
      }
      return 200;
    };
  }

  /** A case-scoped resource: its rule and its routes (API and page) with a query if any. */
  record Resource(String name, ToIntFunction<PalermoPrincipal> rule, Map<String, String> routes) {}

  static Map<String, String> routes(String... patternThenQuery) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < patternThenQuery.length; i += 2) {
      m.put(patternThenQuery[i], patternThenQuery[i + 1]);
    }
    return m;
  }

  static final String PAGE_ID = "/cases/{id:[0-9a-fA-F-]{36}}";

  List<Resource> resources() {
    var narrative = read(FieldGroup.CASE_NARRATIVE);
    var legal = read(FieldGroup.LEGAL_PROCEEDINGS);
    return List.of(
        // A screening linked to the case is its case narrative (issue 11 item 3).
        new Resource(
            "identification.screening",
            either(narrative, oversight(FieldGroup.CASE_NARRATIVE)),
            routes(
                "/api/v1/screenings/{id}",
                "",
                "/screenings/{id}",
                "",
                "/screenings/{id}/steps/{slug}",
                "",
                "/screenings/{id}/result",
                "",
                "/screenings/{id}/identification",
                "")),
        new Resource(
            "case",
            anyGroup(),
            routes("/api/v1/cases/{id}", "", PAGE_ID, "", "/api/v1/persons/{id}", "")),
        new Resource("case.person-form", anyGroup(), routes(PAGE_ID + "/person", "")),
        // The person's contact details (issue #14 item 13): the CONTACT group, a recipient only
        // under a consent covering it.
        new Resource(
            "case.contact", read(FieldGroup.CONTACT), routes("/api/v1/cases/{id}/contact", "")),
        new Resource(
            "case.contact-page",
            all(anyGroup(), read(FieldGroup.CONTACT)),
            routes(PAGE_ID + "/contact", "")),
        new Resource("case.tasks", narrative, routes("/api/v1/cases/{id}/tasks", "")),
        new Resource("case.tasks-page", all(anyGroup(), narrative), routes(PAGE_ID + "/tasks", "")),
        new Resource("case.timeline", narrative, routes("/api/v1/cases/{id}/timeline", "")),
        new Resource(
            "case.timeline-page", all(narrative, anyGroup()), routes(PAGE_ID + "/timeline", "")),
        new Resource("case.summary", all(anyGroup(), narrative), routes(PAGE_ID + "/summary", "")),
        // Closing asks first (issue 14 item 10): the page shows the case's open tasks and
        // objectives, so it needs what the tasks page needs; who may not write sees why, no form.
        new Resource("case.close-page", all(anyGroup(), narrative), routes(PAGE_ID + "/close", "")),
        care("assessments", narrative),
        care("support-plan", narrative),
        care("services", narrative),
        care("notes", narrative),
        care("attachments", narrative),
        new Resource(
            "care.attachment",
            hidden(narrative),
            routes(
                "/api/v1/cases/{caseId}/attachments/{attachmentId}",
                "",
                "/cases/{caseId}/attachments/{attachmentId}",
                "")),
        new Resource(
            "protection.child",
            narrative,
            routes(
                "/api/v1/cases/{id}/guardian",
                "",
                "/api/v1/cases/{id}/best-interests",
                "",
                "/api/v1/cases/{id}/age-assessments",
                "",
                "/api/v1/cases/{id}/family-tracing",
                "",
                "/cases/{id}/child",
                "")),
        new Resource(
            "protection.links",
            narrative,
            routes("/api/v1/cases/{id}/links", "", "/cases/{id}/links", "")),
        new Resource(
            "protection.missing", narrative, routes("/api/v1/cases/{id}/missing-alerts", "")),
        new Resource(
            "protection.non-punishment",
            legal,
            routes("/api/v1/cases/{id}/non-punishment", "", "/cases/{id}/non-punishment", "")),
        new Resource(
            "protection.return",
            legal,
            routes("/api/v1/cases/{id}/returns", "", "/cases/{id}/return", "")),
        new Resource(
            "protection.status",
            legal,
            routes(
                "/api/v1/cases/{id}/protection-status",
                "",
                "/api/v1/persons/{id}/protection-status",
                "",
                "/api/v1/cases/{id}/asylum-decisions",
                "")),
        new Resource(
            "protection.residence",
            legal,
            routes("/api/v1/cases/{id}/residence", "", "/cases/{id}/residence", "")),
        new Resource(
            "access.disclosures",
            all(either(narrative, oversight(FieldGroup.CASE_NARRATIVE)), within(OWNERS, p -> 200)),
            routes("/api/v1/cases/{caseId}/disclosures", "", "/cases/{caseId}/disclosures", "")),
        new Resource(
            "access.subject-access-export",
            oversight(FieldGroup.IDENTITY),
            routes("/api/v1/privacy/cases/{caseId}/export", "")),
        // The page finds the case by its reference among the user's own agency's cases only, so
        // outside the owning agency it is always "no such case", even to a party that knows it.
        new Resource(
            "access.subject-access-export-page",
            within(OWNERS, oversight(FieldGroup.IDENTITY)),
            routes("/privacy/export", "reference=" + f.reference)),
        new Resource("referral.of-case", narrative, routes("/api/v1/cases/{caseId}/referrals", "")),
        new Resource(
            "referral.providers",
            write(FieldGroup.CASE_NARRATIVE),
            routes("/api/v1/cases/{caseId}/referrals/providers", "need=SAFE_ACCOMMODATION")),
        new Resource(
            "referral.case-page",
            all(narrative, write(FieldGroup.CASE_NARRATIVE)),
            routes("/cases/{caseId}/referrals", "")),
        new Resource(
            "referral.detail",
            partiesOfTheReferral(within(REFERRAL_PARTIES, identityOrForbidden())),
            routes("/api/v1/referrals/{id}", "", "/referrals/{id}", "")),
        // The messages between the two agencies (issue 14 item 14): the case's narrative readers,
        // or the recipient's users who see some of the person through the referral view.
        new Resource(
            "referral.messages",
            partiesOfTheReferral(within(REFERRAL_PARTIES, narrativeOrReferralView())),
            routes("/api/v1/referrals/{id}/messages", "")));
  }

  /**
   * The referral's messages: a reader of the case's narrative, or a user of the recipient who sees
   * identity or contact through the (pending, identity and contact) referral; else 403.
   */
  ToIntFunction<PalermoPrincipal> narrativeOrReferralView() {
    return p -> {
      Set<FieldGroup> groups = policy.groups(p, f.caseId, Access.READ);
      if (groups.contains(FieldGroup.CASE_NARRATIVE)) {
        return 200;
      }
      boolean recipient = p.agencyId().equals(f.agencies.get(Where.REFERRAL_RECIPIENT).id());
      return recipient
              && (groups.contains(FieldGroup.IDENTITY) || groups.contains(FieldGroup.CONTACT))
          ? 200
          : 403;
    };
  }

  static Resource care(String section, ToIntFunction<PalermoPrincipal> rule) {
    return new Resource(
        "care." + section,
        rule,
        routes("/api/v1/cases/{caseId}/" + section, "", "/cases/{caseId}/" + section, ""));
  }

  // --- lists, searches and exports -----------------------------------------------------------

  static final Set<Where> NOBODY = EnumSet.noneOf(Where.class);
  static final Set<Where> OWNER = EnumSet.of(Where.OWN);
  static final Set<Where> EVERYWHERE = EnumSet.allOf(Where.class);

  /**
   * A list, search or export: the person must be in it for users of {@code must} who may read the
   * identity group, may be for those of {@code may}, and must not be for anybody else.
   */
  record Listing(
      String pattern, String query, Set<Where> must, Set<Where> may, Set<Where> rowOnly) {
    Listing(String pattern, String query, Set<Where> must, Set<Where> may) {
      this(pattern, query, must, may, EnumSet.noneOf(Where.class));
    }

    Listing(String pattern, String query, Set<Where> must) {
      this(pattern, query, must, must);
    }
  }

  /**
   * The recipient of the contact-only referral sees its referral in its inbox (the case reference,
   * the service, the sender), never the person's identity.
   */
  static final Set<Where> CONTACT_RECIPIENT = EnumSet.of(Where.REFERRAL_RECIPIENT_CONTACT);

  List<Listing> listings() {
    String name = "name=" + f.givenName;
    return List.of(
        new Listing("/api/v1/cases", "size=100", OWNER),
        new Listing("/api/v1/cases", name, OWNER),
        new Listing("/cases", "", OWNER),
        new Listing("/cases", name, OWNER),
        new Listing("/cases/export", "format=csv", OWNER),
        new Listing("/cases/export", "format=xlsx&" + name, OWNER),
        new Listing("/api/v1/persons", name, OWNER),
        new Listing("/api/v1/persons", "size=100", OWNER),
        // Search before create finds any record the user may read, whoever owns it.
        new Listing(
            "/api/v1/persons/matches",
            "name=" + f.givenName + "%20" + f.familyName + "&birthDate=" + f.birthDate,
            EVERYWHERE),
        new Listing("/api/v1/tasks/overdue", "", OWNER),
        new Listing("/cases/tasks/overdue", "", OWNER),
        new Listing("/api/v1/residence/expiring", "", OWNER),
        new Listing("/residence", "", OWNER),
        new Listing(
            "/api/v1/referrals",
            "box=incoming",
            EnumSet.of(Where.REFERRAL_RECIPIENT),
            EnumSet.of(Where.REFERRAL_RECIPIENT),
            CONTACT_RECIPIENT),
        new Listing("/api/v1/referrals", "box=outgoing", OWNER),
        new Listing(
            "/referrals",
            "",
            EnumSet.of(Where.OWN, Where.REFERRAL_RECIPIENT),
            EnumSet.of(Where.OWN, Where.REFERRAL_RECIPIENT),
            CONTACT_RECIPIENT),
        // The referral is not overdue, and no screening is linked to the case.
        new Listing("/api/v1/referrals/overdue", "", NOBODY),
        new Listing("/screenings", "case=" + f.reference, NOBODY, OWNER),
        // The home page's queues summarise the lists above: its referral queue shows the
        // recipients what their inbox shows them (issue 14 item 7).
        new Listing(
            "/", "", NOBODY, EnumSet.of(Where.OWN, Where.REFERRAL_RECIPIENT), CONTACT_RECIPIENT),
        new Listing("/api/v1/notifications", "", NOBODY, OWNER),
        new Listing("/notifications", "", NOBODY, OWNER),
        // The fixture's screening is linked to the case: its owner's lists may show it.
        new Listing("/screenings", "", NOBODY, OWNER),
        new Listing("/api/v1/screenings", "", NOBODY, OWNER),
        new Listing("/api/v1/identification/overdue", "", NOBODY),
        new Listing("/identification", "", NOBODY),
        new Listing("/api/v1/privacy/erasure-requests", "", NOBODY, OWNER),
        new Listing("/privacy", "", NOBODY, OWNER),
        new Listing("/statistics", "", NOBODY),
        new Listing("/statistics/download", "", NOBODY),
        new Listing("/statistics/htcds", "format=csv", NOBODY),
        new Listing("/statistics/releases", "", NOBODY));
  }

  /**
   * GET routes that are neither about one case nor a list of cases, persons or referrals, with the
   * reason. A route missing from here and from the tables above fails the completeness test.
   */
  static final Map<String, String> NOT_APPLICABLE =
      Map.ofEntries(
          Map.entry("/login", "sign-in form; no personal data"),
          Map.entry("/login/mfa", "second-factor form of the signing-in user only"),
          Map.entry("/account", "the signed-in user's own account and tokens"),
          Map.entry(
              "/session/kept",
              "the signed-in user's own answers kept when the session expired (issue 14 item 3)"),
          Map.entry("/account/mfa", "the signed-in user's own second-factor enrolment"),
          Map.entry("/cases/new", "empty registration form"),
          Map.entry(
              "/api/v1/admin/keys",
              "counts of data keys per master key, no person data; administrators only"
                  + " (EnvironmentKeyRotationIT)"),
          Map.entry(
              "/api/v1/admin/calendar/holidays",
              "the instance's public holidays, no person data; administrators only"
                  + " (HolidayDeadlinesIT)"),
          Map.entry(
              "/admin/calendar",
              "the instance's public holidays, no person data; administrators only"
                  + " (CalendarPagesIT)"),
          Map.entry("/screenings/new", "empty screening form"),
          Map.entry(
              "/cases/{caseId}/break-glass",
              "form only: shows no case data and answers the same for any id (the grant itself is"
                  + " a POST, covered by DisclosuresAndBreakGlassIT and FirewallIT)"),
          Map.entry(
              "/screenings/{id}/identification/decisions/{decisionId}/letter",
              "a decision letter needs a formal identification decision, which the fixture does"
                  + " not take; the screening it belongs to is in the matrix, and the letter is"
                  + " loaded through the same check (ScreeningAccessPolicyIT, IdentificationIT)"),
          Map.entry("/directory", "the public service directory: organisations, not persons"),
          Map.entry("/directory/services/{id}", "one service of the directory"),
          Map.entry("/rights", "the public rights pages for migrants: no person data"),
          Map.entry("/rights/{topic}", "one rights page: text in one language, no person data"),
          Map.entry(
              "/statistics/releases/{id}/{which}",
              "a published aggregate release (k-anonymised tables)"),
          Map.entry("/hsds", "HSDS directory exchange: organisations and services only"),
          Map.entry("/hsds/", "HSDS directory exchange"),
          Map.entry("/hsds/services", "HSDS directory exchange"),
          Map.entry("/hsds/services/{id}", "HSDS directory exchange"),
          Map.entry("/hsds/organizations", "HSDS directory exchange"),
          Map.entry("/hsds/organizations/{id}", "HSDS directory exchange"),
          Map.entry("/hsds/service_at_locations", "HSDS directory exchange"),
          Map.entry("/hsds/service_at_locations/{id}", "HSDS directory exchange"),
          Map.entry("/hsds/taxonomies", "HSDS directory exchange"),
          Map.entry("/hsds/taxonomies/{id}", "HSDS directory exchange"),
          Map.entry("/hsds/taxonomy_terms", "HSDS directory exchange"),
          Map.entry("/hsds/taxonomy_terms/{id}", "HSDS directory exchange"),
          Map.entry("/error", "Spring's error page"),
          Map.entry("/v3/api-docs", "the OpenAPI description"),
          Map.entry("/v3/api-docs.yaml", "the OpenAPI description"),
          Map.entry("/v3/api-docs/swagger-config", "the OpenAPI UI configuration"),
          Map.entry("/swagger-ui.html", "the OpenAPI UI"));

  /** Every GET route of the application: its pattern, with "?params" when it needs a parameter. */
  Set<String> getRoutes() {
    Set<String> out = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
        continue;
      }
      for (String pattern : info.getPatternValues()) {
        out.add(pattern);
      }
    }
    return out;
  }

  // --- the tests ---------------------------------------------------------------------------

  @Test
  void every_get_route_is_in_the_matrix_or_listed_with_a_reason() {
    Set<String> covered = new TreeSet<>(NOT_APPLICABLE.keySet());
    resources().forEach(r -> covered.addAll(r.routes().keySet()));
    listings().forEach(l -> covered.add(l.pattern()));
    Set<String> routes = getRoutes();
    Set<String> caseRoutes = new TreeSet<>();
    resources().forEach(r -> caseRoutes.addAll(r.routes().keySet()));
    Set<String> listRoutes = new TreeSet<>();
    listings().forEach(l -> listRoutes.add(l.pattern()));
    System.out.printf(
        "access matrix: %d GET routes: %d case-scoped in %d resources, %d list routes in %d"
            + " listings, %d not applicable%n",
        routes.size(),
        caseRoutes.size(),
        resources().size(),
        listRoutes.size(),
        listings().size(),
        NOT_APPLICABLE.size());
    Set<String> missing = new TreeSet<>(routes);
    missing.removeAll(covered);
    assertThat(missing)
        .as("GET routes neither in the access matrix nor listed in NOT_APPLICABLE with a reason")
        .isEmpty();
    Set<String> stale = new TreeSet<>(covered);
    stale.removeAll(routes);
    assertThat(stale).as("routes in the matrix that the application no longer has").isEmpty();
  }

  @Test
  void every_case_route_answers_what_the_policy_decides_for_every_cell() throws Exception {
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    for (Resource r : resources()) {
      for (Cell c : f.all()) {
        int expected = r.rule().applyAsInt(c.principal());
        for (Map.Entry<String, String> route : r.routes().entrySet()) {
          boolean api = route.getKey().startsWith("/api/");
          if (!api && c.session() == null) {
            continue; // an administrator must enrol a second factor before any page
          }
          String path =
              fill(route.getKey()) + (route.getValue().isEmpty() ? "" : "?" + route.getValue());
          MvcResult res;
          try {
            res = api ? f.api(c, path) : f.page(c, path);
          } catch (Exception e) {
            mismatches.add(r.name() + " " + c + " GET " + path + ": " + e);
            continue;
          }
          int actual = res.getResponse().getStatus();
          if (actual == 302 && REDIRECT_WHEN_ALLOWED.contains(route.getKey())) {
            actual = 200;
          }
          checked++;
          String shown = res.getResponse().getContentAsString(StandardCharsets.UTF_8);
          if (NEVER_IDENTITY.contains(c.where())) {
            for (String secret : f.identity()) {
              if (shown.contains(secret)) {
                mismatches.add(
                    r.name() + " " + c + " GET " + path + ": shows the identity " + secret);
              }
            }
          }
          if (actual != expected) {
            mismatches.add(
                r.name() + " " + c + " GET " + path + ": policy " + expected + ", got " + actual);
          }
          if (actual != 200) {
            String body = res.getResponse().getContentAsString(StandardCharsets.UTF_8);
            for (String secret : f.secrets()) {
              if (body.contains(secret)) {
                mismatches.add(r.name() + " " + c + " GET " + path + ": refusal shows " + secret);
              }
            }
          }
        }
      }
    }
    System.out.println("access matrix: " + checked + " case-route cells checked");
    assertThat(mismatches).as(checked + " cells").isEmpty();
  }

  @Test
  void lists_searches_and_exports_show_the_person_exactly_when_the_policy_allows()
      throws Exception {
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    for (Listing l : listings()) {
      boolean api = l.pattern().startsWith("/api/");
      String path = l.pattern() + (l.query().isEmpty() ? "" : "?" + l.query());
      for (Cell c : f.all()) {
        if (!api && c.session() == null) {
          continue;
        }
        MvcResult res;
        try {
          res = api ? f.api(c, path) : f.page(c, path);
        } catch (Exception e) {
          mismatches.add(c + " GET " + path + ": " + e);
          continue;
        }
        int status = res.getResponse().getStatus();
        String body = text(res);
        checked++;
        boolean identity = policy.allows(c.principal(), f.caseId, FieldGroup.IDENTITY, Access.READ);
        boolean must = status == 200 && identity && l.must().contains(c.where());
        boolean may = identity && (l.must().contains(c.where()) || l.may().contains(c.where()));
        // What the user typed may come back (a search form keeps its value); nothing else may.
        for (String typed : l.query().split("[&=]|%20")) {
          if (typed.length() > 3) {
            body = body.replace(typed, "");
          }
        }
        if (status >= 500) {
          mismatches.add(c + " GET " + path + ": " + status);
        }
        String finalBody = body;
        boolean shown =
            List.of(f.givenName, f.familyName, f.reference).stream().anyMatch(finalBody::contains);
        if (must && !shown) {
          mismatches.add(
              c + " GET " + path + ": the policy lets them see the person but the list does not");
        }
        if (NEVER_IDENTITY.contains(c.where())) {
          for (String secret : f.identity()) {
            if (body.contains(secret)) {
              mismatches.add(c + " GET " + path + ": shows the identity " + secret);
            }
          }
        }
        if (!may) {
          List<String> secrets = new ArrayList<>(f.secrets());
          if (l.rowOnly().contains(c.where())) {
            secrets.remove(f.reference); // its own referral's case, by reference only
          }
          for (String secret : secrets) {
            if (body.contains(secret)) {
              mismatches.add(
                  c
                      + " GET "
                      + path
                      + ": shows "
                      + secret
                      + " though the policy does not let them");
            }
          }
        }
        boolean ownsNothing =
            !l.must().contains(c.where())
                && !l.may().contains(c.where())
                && !l.rowOnly().contains(c.where());
        if (ownsNothing && api && status == 200) {
          List<String> counts = new ArrayList<>();
          totals(JSON.readTree(body), "", counts);
          if (!counts.isEmpty()) {
            mismatches.add(c + " GET " + path + ": counts rows it cannot see: " + counts);
          }
        }
      }
    }
    System.out.println("access matrix: " + checked + " list cells checked");
    assertThat(mismatches).as(checked + " cells").isEmpty();
  }

  /** Non-zero {@code total*} counts anywhere in a JSON answer. */
  static void totals(JsonNode n, String at, List<String> out) {
    if (n.isObject()) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        if (e.getKey().startsWith("total")
            && e.getValue().isNumber()
            && e.getValue().asLong() != 0) {
          out.add(at + e.getKey() + "=" + e.getValue().asLong());
        }
        totals(e.getValue(), at + e.getKey() + ".", out);
      }
    } else if (n.isArray()) {
      for (JsonNode x : n) {
        totals(x, at, out);
      }
    }
  }

  /** The answer as text; an XLSX workbook's XML parts unzipped. */
  static String text(MvcResult res) throws Exception {
    byte[] bytes = res.getResponse().getContentAsByteArray();
    if (bytes.length > 2 && bytes[0] == 'P' && bytes[1] == 'K') {
      StringBuilder b = new StringBuilder();
      java.nio.file.Path tmp = java.nio.file.Files.createTempFile("matrix-", ".xlsx");
      try {
        java.nio.file.Files.write(tmp, bytes);
        try (ZipFile zip = new ZipFile(tmp.toFile())) {
          for (ZipEntry e : java.util.Collections.list(zip.entries())) {
            b.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      } finally {
        java.nio.file.Files.deleteIfExists(tmp);
      }
      return b.toString();
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  String fill(String pattern) {
    String referral = f.referralId.toString();
    return pattern
        .replace("/screenings/{id}", "/screenings/" + f.screeningId)
        .replace("{slug}", "person")
        .replace(PAGE_ID, "/cases/" + f.caseId)
        .replace("/api/v1/persons/{id}", "/api/v1/persons/" + f.personId)
        .replace("/referrals/{id}", "/referrals/" + referral)
        .replace("{attachmentId}", f.attachmentId.toString())
        .replace("{caseId}", f.caseId.toString())
        .replace("{id}", f.caseId.toString());
  }
}
