package org.palermo.app.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.identification.ScreeningFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Closing a case asks first (issue 14 item 10): a reason, the open tasks and objectives shown, a
 * confirmation that says what will happen; a POST that does not confirm changes nothing, and a case
 * that cannot be closed is not offered a live form.
 */
@PalermoIntegrationTest
class CaseClosingIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired CaseRecords records;
  @Autowired JdbcClient jdbc;

  TestUser worker;
  MockHttpSession session;

  @BeforeEach
  void signIn() throws Exception {
    worker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    session = ScreeningFixtures.signIn(mvc, worker);
  }

  String page(String path) throws Exception {
    return mvc.perform(get(path).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  String caseStatus(UUID caseId) {
    return jdbc.sql("SELECT status FROM case_file WHERE id = ?")
        .param(caseId)
        .query(String.class)
        .single();
  }

  static String version(String html) {
    Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  UUID openCaseWithATask() throws Exception {
    String reference =
        records.register(
            CaseFixtures.openCase(
                "Amina",
                "Close" + UUID.randomUUID().toString().substring(0, 6),
                LocalDate.of(1995, 5, 5),
                worker.agency().id()));
    UUID caseId =
        jdbc.sql("SELECT id FROM case_file WHERE reference = ?")
            .param(reference)
            .query(UUID.class)
            .single();
    mvc.perform(
            post("/cases/" + caseId + "/tasks")
                .session(session)
                .with(csrf())
                .param("title", "Book the interpreter")
                .param("dueOn", LocalDate.now().plusDays(3).toString()))
        .andExpect(status().is3xxRedirection());
    return caseId;
  }

  @Test
  void closing_asks_for_a_reason_shows_the_open_work_and_changes_nothing_unconfirmed()
      throws Exception {
    UUID caseId = openCaseWithATask();
    String path = "/cases/" + caseId;

    // The overview offers closing only as a way to the confirmation page.
    String overview = page(path);
    assertThat(overview).contains("href=\"" + path + "/close\"").doesNotContain("value=\"CLOSE\"");

    // The old one-click POST closes nothing: it leads to the confirmation page.
    mvc.perform(
            post(path + "/transition")
                .session(session)
                .with(csrf())
                .param("transition", "CLOSE")
                .param("version", version(overview)))
        .andExpect(redirectedUrl(path + "/close"));
    assertThat(caseStatus(caseId)).isEqualTo("OPEN");

    String confirm = page(path + "/close");
    assertThat(confirm)
        .contains("Book the interpreter")
        .contains("What closing the case does")
        .contains("name=\"closureReason\"")
        .contains("value=\"PERSON_DECLINED\"")
        .contains("name=\"confirm\" value=\"true\"");
    String version = version(confirm);

    // A POST without the confirmation changes nothing and keeps what was typed.
    String unconfirmed =
        mvc.perform(
                post(path + "/close")
                    .session(session)
                    .with(csrf())
                    .param("closureReason", "PERSON_DECLINED")
                    .param("note", "Moved in with her sister")
                    .param("version", version))
            .andExpect(status().isUnprocessableContent())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(unconfirmed)
        .contains("error-summary")
        .contains("Nothing was closed")
        .contains("Moved in with her sister");
    assertThat(caseStatus(caseId)).isEqualTo("OPEN");

    // Confirmed without a reason: refused at the field, nothing closed.
    mvc.perform(
            post(path + "/close")
                .session(session)
                .with(csrf())
                .param("confirm", "true")
                .param("version", version))
        .andExpect(status().isUnprocessableContent());
    // "Another reason" needs the note.
    mvc.perform(
            post(path + "/close")
                .session(session)
                .with(csrf())
                .param("closureReason", "OTHER")
                .param("confirm", "true")
                .param("version", version))
        .andExpect(status().isUnprocessableContent());
    assertThat(caseStatus(caseId)).isEqualTo("OPEN");

    mvc.perform(
            post(path + "/close")
                .session(session)
                .with(csrf())
                .param("closureReason", "PERSON_DECLINED")
                .param("note", "Moved in with her sister")
                .param("confirm", "true")
                .param("version", version))
        .andExpect(redirectedUrl(path));
    assertThat(caseStatus(caseId)).isEqualTo("CLOSED");
    assertThat(
            jdbc.sql("SELECT closure_reason FROM case_file WHERE id = ?")
                .param(caseId)
                .query(String.class)
                .single())
        .isEqualTo("PERSON_DECLINED");
    assertThat(page(path)).contains("Closed: the person chose to end the assistance.");
    String timeline = page(path + "/timeline");
    assertThat(timeline).contains("Reason for closing recorded").contains("PERSON_DECLINED");
    assertThat(timeline).doesNotContain("Moved in with her sister");
    assertThat(page(path + "/notes")).contains("Moved in with her sister");
  }

  @Test
  void a_closed_case_offers_no_live_close_form_and_says_why() throws Exception {
    UUID caseId = openCaseWithATask();
    String path = "/cases/" + caseId;
    String version = version(page(path + "/close"));
    mvc.perform(
            post(path + "/close")
                .session(session)
                .with(csrf())
                .param("closureReason", "GOALS_MET")
                .param("confirm", "true")
                .param("version", version))
        .andExpect(redirectedUrl(path));

    assertThat(page(path)).doesNotContain("href=\"" + path + "/close\"");
    String barred = page(path + "/close");
    assertThat(barred)
        .contains("This case is already closed.")
        .doesNotContain("name=\"confirm\"")
        .doesNotContain("action=\"" + path + "/close\"");

    // Reopening clears the reason.
    mvc.perform(
            post(path + "/transition")
                .session(session)
                .with(csrf())
                .param("transition", "REOPEN")
                .param("version", version(page(path))))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql("SELECT closure_reason FROM case_file WHERE id = ?")
                .param(caseId)
                .query(String.class)
                .list())
        .containsOnlyNulls();
  }
}
