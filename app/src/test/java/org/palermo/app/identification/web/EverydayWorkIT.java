package org.palermo.app.identification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.cases.CaseFixtures;
import org.palermo.app.cases.CaseRecords;
import org.palermo.app.cases.LegalBasis;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.identification.application.ScreeningQueries;
import org.palermo.app.identification.application.StartScreening;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue #14, the everyday-work items of session 8: the confirmation step of an identification
 * decision (item 10), the decisions on the printable summary (item 19), the labels that tell draft
 * screenings apart (item 7) and the counts on the main menu (item 7).
 */
@PalermoIntegrationTest
class EverydayWorkIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ScreeningFixtures fixtures;
  @Autowired CaseRecords records;
  @Autowired StartScreening start;
  @Autowired JdbcClient jdbc;

  ResultActions api(
      TestUser user,
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      String body)
      throws Exception {
    request.header("Authorization", "Bearer " + accounts.token(user));
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    return mvc.perform(request);
  }

  /** A completed screening of {@code frontline}, referred to {@code authority}. */
  UUID referred(TestUser frontline, Agency authority, String caseReference) throws Exception {
    UUID screening =
        fixtures.completedScreening(
            ScreeningFixtures.principal(frontline, Role.FRONTLINE_OFFICER), caseReference);
    api(
            frontline,
            post("/api/v1/screenings/" + screening + "/referral"),
            "{\"authorityAgencyId\":\""
                + authority.id()
                + "\",\"consent\":{\"givenAt\":\"2026-01-01T10:00:00Z\",\"interpreterUsed\":false}}")
        .andExpect(status().isCreated());
    return screening;
  }

  String register(TestUser owner, String given, String family) {
    return records.register(
        CaseFixtures.openCase(given, family, LocalDate.of(1994, 4, 4), owner.agency().id()));
  }

  UUID caseId(String reference) {
    return jdbc.sql("SELECT id FROM case_file WHERE reference = ?")
        .param(reference)
        .query(UUID.class)
        .single();
  }

  String page(MockHttpSession session, String path) throws Exception {
    return mvc.perform(get(path).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void a_decision_is_recorded_only_once_the_officer_confirmed_what_it_will_do() throws Exception {
    TestUser frontline = accounts.user(AgencyType.SERVICE_PROVIDER, Role.FRONTLINE_OFFICER);
    Agency authority = accounts.agency(AgencyType.COMPETENT_AUTHORITY);
    TestUser officer = accounts.user(authority, Role.COMPETENT_AUTHORITY_OFFICER);
    UUID screening = referred(frontline, authority, null);
    MockHttpSession session = ScreeningFixtures.signIn(mvc, officer);
    String grounds = "Deceptive recruitment, documents taken away.";

    // The first post checks and shows what will be recorded, and its consequences: nothing yet.
    String shown =
        mvc.perform(
                post("/screenings/" + screening + "/identification/decisions")
                    .session(session)
                    .with(csrf())
                    .param("kind", "REASONABLE_GROUNDS")
                    .param("status", "PossibleVictimOfTrafficking")
                    .param("decidedByOrg", "NonPoliceGovernmentalOrganization")
                    .param("grounds", grounds)
                    .param("evidence", "PERSONS_ACCOUNT", "MEDICAL")
                    .param("credibilityTraumaInformed", "yes"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(shown)
        .contains("id=\"decision-confirm\"")
        .contains("Check the decision before it is recorded")
        .contains("the recovery and reflection period applies (CETS 197 arts. 10(2) and 13)")
        .contains("name=\"confirm\" value=\"true\"")
        // The answers travel with the confirmation, and the form below keeps them to change.
        .contains("type=\"hidden\" name=\"grounds\" value=\"" + grounds + "\"")
        .contains("value=\"MEDICAL\"")
        .contains(">" + grounds + "</textarea>");
    api(frontline, get("/api/v1/screenings/" + screening), null)
        .andExpect(jsonPath("$.identification.stage").value("AWAITING_REASONABLE_GROUNDS"))
        .andExpect(jsonPath("$.identification.decisions.length()").value(0));

    // A refused decision is refused at this first step, before anything is confirmed.
    mvc.perform(
            post("/screenings/" + screening + "/identification/decisions")
                .session(session)
                .with(csrf())
                .param("kind", "REASONABLE_GROUNDS")
                .param("status", "PossibleVictimOfTrafficking")
                .param("decidedByOrg", "NonPoliceGovernmentalOrganization")
                .param("grounds", grounds)
                .param("credibilityTraumaInformed", "yes"))
        .andExpect(status().isUnprocessableContent());

    // Confirmed: recorded once.
    mvc.perform(
            post("/screenings/" + screening + "/identification/decisions")
                .session(session)
                .with(csrf())
                .param("kind", "REASONABLE_GROUNDS")
                .param("status", "PossibleVictimOfTrafficking")
                .param("decidedByOrg", "NonPoliceGovernmentalOrganization")
                .param("grounds", grounds)
                .param("evidence", "PERSONS_ACCOUNT", "MEDICAL")
                .param("credibilityTraumaInformed", "yes")
                .param("confirm", "true"))
        .andExpect(redirectedUrl("/screenings/" + screening + "/identification?decided"));
    api(frontline, get("/api/v1/screenings/" + screening), null)
        .andExpect(jsonPath("$.identification.decisions.length()").value(1))
        .andExpect(jsonPath("$.identification.decisions[0].grounds").value(grounds));
  }

  @Test
  void the_printable_summary_shows_the_identification_decisions_with_date_and_authority()
      throws Exception {
    TestUser frontline = accounts.user(AgencyType.SERVICE_PROVIDER, Role.FRONTLINE_OFFICER);
    TestUser caseworker = accounts.user(frontline.agency(), Role.CASEWORKER);
    Agency authority = accounts.agency(AgencyType.COMPETENT_AUTHORITY);
    TestUser officer = accounts.user(authority, Role.COMPETENT_AUTHORITY_OFFICER);
    String reference =
        register(caseworker, "Amina", "Summ" + UUID.randomUUID().toString().substring(0, 6));
    UUID screening = referred(frontline, authority, reference);
    UUID caseId = caseId(reference);
    MockHttpSession session = ScreeningFixtures.signIn(mvc, caseworker);

    assertThat(page(session, "/cases/" + caseId + "/summary"))
        .contains("Identification decisions")
        .contains("No identification decision.");

    api(
            officer,
            post("/api/v1/screenings/" + screening + "/decisions"),
            "{\"traffickingStatus\":\"PossibleVictimOfTrafficking\",\"decidedByOrg\":"
                + "\"NonPoliceGovernmentalOrganization\",\"grounds\":\"Indicators.\","
                + "\"evidence\":[\"PERSONS_ACCOUNT\"],\"credibilityTraumaInformed\":true}")
        .andExpect(status().isCreated());

    String summary = page(session, "/cases/" + caseId + "/summary");
    Matcher section =
        Pattern.compile("id=\"summary-decisions\"(.*?)</section>", Pattern.DOTALL).matcher(summary);
    assertThat(section.find()).isTrue();
    assertThat(section.group(1))
        .contains(LocalDate.now().toString())
        .contains("Reasonable-grounds decision")
        .contains("Possible victim of trafficking")
        .contains(authority.name())
        // The grounds stay in the decision and its letter.
        .doesNotContain("Indicators.");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_event WHERE action = 'cases.summary.decisions.read'"
                        + " AND actor = ?")
                .param(caseworker.username())
                .query(Long.class)
                .single())
        .isEqualTo(2);
    // Another agency's caseworker gets no summary at all.
    TestUser stranger = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    int refused =
        mvc.perform(
                get("/cases/" + caseId + "/summary")
                    .session(ScreeningFixtures.signIn(mvc, stranger)))
            .andReturn()
            .getResponse()
            .getStatus();
    assertThat(refused).isIn(403, 404);
  }

  @Test
  void drafts_are_told_apart_by_initials_where_the_identity_may_be_read() throws Exception {
    TestUser frontline = accounts.user(AgencyType.SERVICE_PROVIDER, Role.FRONTLINE_OFFICER);
    TestUser caseworker = accounts.user(frontline.agency(), Role.CASEWORKER);
    var who = ScreeningFixtures.principal(frontline, Role.FRONTLINE_OFFICER);
    UUID unlinked =
        start.start(who, new StartScreening.Command(LegalBasis.VITAL_INTEREST, false, "ti", true));
    UUID linked =
        start.start(who, new StartScreening.Command(LegalBasis.VITAL_INTEREST, false, "ti", true));
    String reference = register(caseworker, "Zainab", "Okafor");
    jdbc.sql("UPDATE screening SET case_id = ? WHERE id = ?")
        .params(caseId(reference), linked)
        .update();

    String list = page(ScreeningFixtures.signIn(mvc, frontline), "/screenings");
    assertThat(list)
        .contains(ScreeningQueries.shortReference(unlinked))
        .contains("Z. O. · " + reference)
        .doesNotContain("Zainab")
        .doesNotContain("Okafor");
  }

  @Test
  void the_menu_counts_what_waits_for_the_user_and_only_that() throws Exception {
    TestUser worker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    TestUser colleague = accounts.user(worker.agency(), Role.CASEWORKER);
    TestUser stranger = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker);
    UUID caseId =
        caseId(register(worker, "Amina", "Menu" + UUID.randomUUID().toString().substring(0, 6)));
    for (String title : new String[] {"Book the interpreter", "Call the shelter"}) {
      mvc.perform(
              post("/cases/" + caseId + "/tasks")
                  .session(session)
                  .with(csrf())
                  .param("title", title)
                  .param("dueOn", LocalDate.now().plusDays(3).toString())
                  .param("assignee", worker.id().toString()))
          .andExpect(status().is3xxRedirection());
    }

    // On any page, the menu entry says how many wait, with an accessible label.
    String referrals = page(session, "/referrals");
    assertThat(casesLink(referrals))
        .contains("<span class=\"menu-count\" aria-hidden=\"true\">2</span>")
        .contains("<span class=\"visually-hidden\">, 2 waiting</span>");
    // The home page shows the same number as the queue's own count.
    String home = page(session, "/");
    assertThat(casesLink(home)).contains(">2</span>");
    assertThat(home)
        .containsPattern(
            "id=\"queue-myTasks-title\">\\s*<span>[^<]*</span>\\s*<span class=\"badge\">2</span>");

    // Nothing waits for a colleague (the tasks are not theirs) nor for another agency.
    assertThat(casesLink(page(ScreeningFixtures.signIn(mvc, colleague), "/referrals")))
        .doesNotContain("menu-count");
    assertThat(casesLink(page(ScreeningFixtures.signIn(mvc, stranger), "/referrals")))
        .doesNotContain("menu-count");
  }

  /** The main menu's link to the case list, as the page renders it. */
  static String casesLink(String html) {
    Matcher menu =
        Pattern.compile("<ul class=\"nav-list main-menu\">(.*?)</ul>", Pattern.DOTALL)
            .matcher(html);
    assertThat(menu.find()).as("the page has the main menu").isTrue();
    Matcher link =
        Pattern.compile("<a href=\"/cases\"(.*?)</a>", Pattern.DOTALL).matcher(menu.group(1));
    assertThat(link.find()).as("the menu links to the cases").isTrue();
    return link.group(1);
  }
}
