package org.palermo.app.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.platform.calendar.PublicHolidays;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The administrator's calendar page, without JavaScript: upload a CSV, see the holiday listed with
 * its day in the reader's language, a refused file named by its line, remove the holiday. Dates in
 * 2032, which no other test uses.
 */
@PalermoIntegrationTest
class CalendarPagesIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired AccessRepository repository;
  @Autowired PublicHolidays holidays;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void removeTheHolidays() {
    jdbc.sql("DELETE FROM public_holiday WHERE day >= ? AND day < ?")
        .params(LocalDate.of(2032, 1, 1), LocalDate.of(2033, 1, 1))
        .update();
    holidays.install();
  }

  MockHttpSession signIn(TestUser user, boolean admin) throws Exception {
    MockHttpSession session = new MockHttpSession();
    Totp totp = new Totp();
    String secret = totp.newSecret();
    if (admin) {
      repository.saveTotp(user.id(), secret, null);
    }
    mvc.perform(
        post("/login")
            .param("username", user.username())
            .param("password", TestAccounts.PASSWORD)
            .session(session)
            .with(csrf()));
    if (admin) {
      mvc.perform(
          post("/login/mfa")
              .param("code", totp.codeAt(secret, Instant.now()))
              .session(session)
              .with(csrf()));
    }
    return session;
  }

  String page(MockHttpSession session, String query) throws Exception {
    MvcResult r =
        mvc.perform(
                get("/admin/calendar?" + query).session(session).header("Accept-Language", "fr"))
            .andReturn();
    assertThat(r.getResponse().getStatus()).isEqualTo(200);
    return r.getResponse().getContentAsString();
  }

  MvcResult upload(MockHttpSession session, String name, String content) throws Exception {
    return mvc.perform(
            multipart("/admin/calendar/holidays")
                .file(
                    new MockMultipartFile(
                        "file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8)))
                .session(session)
                .with(csrf()))
        .andReturn();
  }

  @Test
  void an_administrator_imports_lists_and_removes_a_holiday_on_the_page() throws Exception {
    TestUser admin = accounts.user(AgencyType.COORDINATION, Role.ADMIN);
    MockHttpSession session = signIn(admin, true);

    // Refused: the page again (422) with the error summary and the reason at the file field, in
    // the reader's language and naming the line and column at fault (issue #12).
    MvcResult refused =
        mvc.perform(
                multipart("/admin/calendar/holidays")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "h.csv",
                            "text/csv",
                            "2032-01-01,Nouvel an\n2032-13-01,Faux\n"
                                .getBytes(StandardCharsets.UTF_8)))
                    .session(session)
                    .header("Accept-Language", "fr")
                    .with(csrf()))
            .andReturn();
    assertThat(refused.getResponse().getStatus()).isEqualTo(422);
    String refusedPage = refused.getResponse().getContentAsString();
    assertThat(refusedPage)
        .contains("class=\"error-summary\"", "href=\"#import-file\"", "id=\"import-file-error\"")
        .contains("Ligne 2, colonne 1 : la date n’est pas au format AAAA-MM-JJ.")
        .doesNotContain("not a date");
    assertThat(refusedPage).contains("aria-invalid=\"true\"");
    assertThat(holidays.list(2032)).isEmpty();

    MvcResult done = upload(session, "h.csv", "date,name\n2032-01-01,Nouvel an\n");
    assertThat(String.valueOf(done.getFlashMap().get("calendarDone"))).contains("1");
    String html = page(session, "year=2032");
    assertThat(html).contains("Jours fériés de 2032", "2032-01-01", "jeudi", "Nouvel an", "UTC");

    MvcResult removed =
        mvc.perform(
                post("/admin/calendar/holidays/2032-01-01/delete").session(session).with(csrf()))
            .andReturn();
    assertThat(removed.getResponse().getRedirectedUrl()).isEqualTo("/admin/calendar");
    assertThat(holidays.list(2032)).isEmpty();
  }

  @Test
  void a_caseworker_is_refused_the_page_and_the_import() throws Exception {
    TestUser worker = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    MockHttpSession session = signIn(worker, false);
    assertThat(
            mvc.perform(get("/admin/calendar").session(session))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(upload(session, "h.csv", "2032-01-01,X\n").getResponse().getStatus()).isEqualTo(403);
    assertThat(holidays.list(2032)).isEmpty();
  }
}
