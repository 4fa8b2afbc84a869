package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.identification.ScreeningFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The home page's work queues (issue 14 items 7 and 10): a caseworker finds the tasks assigned to
 * them and the agency's overdue tasks, a supervisor the team's caseload and overdue work by
 * assignee; nobody sees another agency's rows; an enforcement user sees no queue of the protection
 * side; the queue's read is audited like the list it summarises; a closed case is never overdue.
 */
@PalermoIntegrationTest
class HomeIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;

  String page(MockHttpSession session, String path) throws Exception {
    return mvc.perform(get(path).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /** Registers a case on the page; returns its path {@code /cases/<id>}. */
  String register(MockHttpSession session) throws Exception {
    return mvc.perform(
            post("/cases/new")
                .session(session)
                .with(csrf())
                .param("action", "create")
                .param("givenName", "Hq" + UUID.randomUUID().toString().substring(0, 6))
                .param("familyName", "Home")
                .param("birthDate", "1990-03-03")
                .param("citizenships", "XB")
                .param("legalBasis", "CONSENT")
                .param("purpose", "Protection and assistance"))
        .andExpect(status().is3xxRedirection())
        .andReturn()
        .getResponse()
        .getRedirectedUrl();
  }

  void task(MockHttpSession session, String casePath, String title, LocalDate due, UUID assignee)
      throws Exception {
    var request =
        post(casePath + "/tasks")
            .session(session)
            .with(csrf())
            .param("title", title)
            .param("dueOn", due.toString());
    if (assignee != null) {
      request = request.param("assignee", assignee.toString());
    }
    mvc.perform(request).andExpect(status().is3xxRedirection());
  }

  long audits(String action, String actor) {
    return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND actor = ?")
        .params(action, actor)
        .query(Long.class)
        .single();
  }

  @Test
  void a_caseworker_sees_their_tasks_and_the_overdue_ones_and_a_supervisor_the_team()
      throws Exception {
    Agency shelter = accounts.agency(AgencyType.SERVICE_PROVIDER);
    TestUser worker = accounts.user(shelter, Role.CASEWORKER);
    TestUser supervisor = accounts.user(shelter, Role.CASE_SUPERVISOR);
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker);
    String casePath = register(session);
    String mine = "Mine" + UUID.randomUUID().toString().substring(0, 8);
    String late = "Late" + UUID.randomUUID().toString().substring(0, 8);
    task(session, casePath, mine, LocalDate.now().plusDays(3), worker.id());
    task(session, casePath, late, LocalDate.now().minusDays(2), worker.id());

    long before = audits("cases.tasks.open", worker.username());
    String home = page(session, "/");
    assertThat(home).contains("id=\"queue-myTasks\"").contains("id=\"queue-overdueTasks\"");
    String myTasks = section(home, "queue-myTasks");
    assertThat(myTasks).contains(mine).contains(late).contains(casePath + "/tasks");
    String overdue = section(home, "queue-overdueTasks");
    assertThat(overdue).contains(late).doesNotContain(mine);
    assertThat(audits("cases.tasks.open", worker.username())).isGreaterThan(before);
    // A caseworker has no supervisor's queues and no authority's.
    assertThat(home).doesNotContain("queue-caseload").doesNotContain("queue-decisionsDue");

    MockHttpSession lead = ScreeningFixtures.signIn(mvc, supervisor);
    String team = page(lead, "/");
    // Registration assigns the case to nobody: the caseload says so.
    assertThat(section(team, "queue-caseload")).contains("Assigned to nobody: 1 open cases");
    assertThat(section(team, "queue-teamOverdue")).contains("Test " + worker.username());

    // A task given to someone else reaches the agency's notifications (issue 14 item 9).
    task(lead, casePath, "Given" + mine, LocalDate.now().plusDays(1), worker.id());
    String after = page(session, "/");
    assertThat(section(after, "queue-notifications"))
        .contains("A task on a case of your agency was assigned to a colleague");
    assertThat(section(after, "queue-myTasks")).contains("Given" + mine);

    // Another agency's caseworker never sees the rows.
    TestUser other = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    String theirs = page(ScreeningFixtures.signIn(mvc, other), "/");
    assertThat(theirs).doesNotContain(mine).doesNotContain(late).doesNotContain(casePath);
  }

  @Test
  void a_closed_case_is_never_overdue() throws Exception {
    Agency shelter = accounts.agency(AgencyType.SERVICE_PROVIDER);
    TestUser worker = accounts.user(shelter, Role.CASEWORKER);
    MockHttpSession session = ScreeningFixtures.signIn(mvc, worker);
    String casePath = register(session);
    String late = "Closed" + UUID.randomUUID().toString().substring(0, 8);
    task(session, casePath, late, LocalDate.now().minusDays(5), null);
    assertThat(page(session, "/cases/tasks/overdue")).contains(late);
    assertThat(page(session, "/cases?overdue=true")).contains(casePath);

    jdbc.sql("UPDATE case_file SET status = 'CLOSED', closed_at = now() WHERE id = ?")
        .param(UUID.fromString(casePath.substring("/cases/".length())))
        .update();

    assertThat(section(page(session, "/"), "queue-overdueTasks")).doesNotContain(late);
    assertThat(page(session, "/cases/tasks/overdue")).doesNotContain(late);
    assertThat(page(session, "/cases?overdue=true")).doesNotContain(casePath);
  }

  @Test
  void enforcement_sees_no_queue_of_the_protection_side() throws Exception {
    for (AgencyType type :
        new AgencyType[] {AgencyType.LAW_ENFORCEMENT, AgencyType.IMMIGRATION_ENFORCEMENT}) {
      for (Role role : new Role[] {Role.INVESTIGATOR, Role.FRONTLINE_OFFICER}) {
        TestUser officer = accounts.user(type, role);
        String home = page(ScreeningFixtures.signIn(mvc, officer), "/");
        assertThat(home)
            .as(type + " " + role)
            .doesNotContain("queue-referralsWaiting")
            .doesNotContain("queue-decisionsDue")
            .doesNotContain("queue-caseload")
            .doesNotContain("queue-teamOverdue");
      }
    }
  }

  @Test
  void each_role_s_home_shows_its_queues_in_every_language() throws Exception {
    TestUser authority =
        accounts.user(AgencyType.COMPETENT_AUTHORITY, Role.COMPETENT_AUTHORITY_OFFICER);
    MockHttpSession session = ScreeningFixtures.signIn(mvc, authority);
    assertThat(page(session, "/")).contains("id=\"queue-decisionsDue\"").contains("Decisions due");
    assertThat(page(session, "/?lang=fr")).contains("Décisions à rendre");
    assertThat(page(session, "/?lang=es")).contains("Decisiones pendientes");
    assertThat(page(session, "/?lang=ar")).contains("dir=\"rtl\"").contains("قرارات مستحقة");
  }

  /** The HTML of one queue's section. */
  static String section(String html, String id) {
    int start = html.indexOf("id=\"" + id + "\"");
    assertThat(start).as(id).isNotNegative();
    int end = html.indexOf("</section>", start);
    return html.substring(start, end);
  }
}
