package org.palermo.app.identification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palermo.app.PalermoIntegrationTest;
import org.palermo.app.TestAccounts;
import org.palermo.app.TestAccounts.TestUser;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.identification.persistence.ScreeningStore;
import org.palermo.app.identification.screening.Step;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Back, then save (issue #14 item 4): a page saved again from the browser's history carries the
 * version it was first shown at. The user's own later save is not "a colleague's"; a colleague's
 * save that does not touch the page's answers is merged; only a real conflict is refused, and then
 * nothing the colleague saved is overwritten.
 */
@PalermoIntegrationTest
class ScreeningBackAndSaveIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired ScreeningStore store;

  MockHttpServletRequestBuilder page(
      MockHttpSession session, UUID id, Step step, Map<String, String> answers, int version) {
    MockHttpServletRequestBuilder b =
        post("/screenings/" + id + "/steps/" + step.slug())
            .session(session)
            .with(csrf())
            .param("action", "next")
            .param("version", String.valueOf(version));
    answers.forEach((k, v) -> b.param(k.equals("age") ? "age.years" : k, v));
    return b;
  }

  int version(UUID id) {
    return jdbc.sql("SELECT version FROM screening WHERE id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  String answer(UUID id, String question) {
    return store.find(id).orElseThrow().snapshot().answers().values().get(question);
  }

  UUID start(MockHttpSession session) throws Exception {
    String location =
        mvc.perform(
                post("/screenings")
                    .session(session)
                    .with(csrf())
                    .param("legalBasis", "VITAL_INTEREST"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    UUID id = UUID.fromString(location.split("/")[2]);
    mvc.perform(page(session, id, Step.PERSON, Map.of("age", "16", "protection", "YES"), 0))
        .andExpect(redirectedUrl("/screenings/" + id + "/steps/child"));
    return id;
  }

  @Test
  void saving_a_page_again_after_going_back_over_ones_own_save_keeps_the_new_answers()
      throws Exception {
    TestUser officer = accounts.user(AgencyType.SERVICE_PROVIDER, Role.FRONTLINE_OFFICER);
    MockHttpSession session = ScreeningFixtures.signIn(mvc, officer);
    UUID id = start(session);
    int shown = version(id);
    mvc.perform(page(session, id, Step.CHILD, Map.of("guardianPresent", "YES"), shown))
        .andExpect(redirectedUrl("/screenings/" + id + "/steps/recruitment"));
    // Back to the child page (still showing the version before that save), change, save again.
    mvc.perform(page(session, id, Step.CHILD, Map.of("guardianPresent", "NO"), shown))
        .andExpect(redirectedUrl("/screenings/" + id + "/steps/recruitment"))
        .andExpect(flash().attributeCount(0));
    assertThat(answer(id, "guardianPresent")).isEqualTo("NO");
    assertThat(answer(id, "protection")).isEqualTo("YES");
  }

  @Test
  void a_colleagues_save_of_another_page_is_merged_and_a_conflicting_one_is_refused()
      throws Exception {
    TestUser first = accounts.user(AgencyType.SERVICE_PROVIDER, Role.FRONTLINE_OFFICER);
    TestUser colleague = accounts.user(first.agency(), Role.CASEWORKER);
    MockHttpSession one = ScreeningFixtures.signIn(mvc, first);
    MockHttpSession two = ScreeningFixtures.signIn(mvc, colleague);
    UUID id = start(one);
    int shown = version(id);
    // The colleague saves the person page again, with the same answers and nothing on "child".
    mvc.perform(page(two, id, Step.PERSON, Map.of("age", "16", "protection", "YES"), shown))
        .andExpect(redirectedUrl("/screenings/" + id + "/steps/child"));
    // The first officer's child page, shown before that save: no conflict, so it is kept.
    mvc.perform(page(one, id, Step.CHILD, Map.of("guardianPresent", "YES"), shown))
        .andExpect(redirectedUrl("/screenings/" + id + "/steps/recruitment"));
    assertThat(answer(id, "guardianPresent")).isEqualTo("YES");

    // Now the colleague answers the child page differently from a page shown earlier...
    int before = version(id);
    mvc.perform(page(two, id, Step.CHILD, Map.of("guardianPresent", "NO"), before))
        .andExpect(redirectedUrl("/screenings/" + id + "/steps/recruitment"));
    // ...and the first officer's stale page with another answer is a conflict: refused, and the
    // colleague's answer stays.
    var refused =
        mvc.perform(page(one, id, Step.CHILD, Map.of("guardianPresent", "YES"), before))
            .andExpect(status().isUnprocessableContent())
            .andExpect(model().attribute("problem", "PRECONDITION_FAILED"))
            .andReturn();
    assertThat(answer(id, "guardianPresent")).isEqualTo("NO");

    // The page comes back with both answers (issue #14 item 4): the officer's own answer still
    // selected, and beside the question the colleague's answer, with who saved it; saving again
    // from that page (it carries the latest version) records the officer's choice.
    String shownAgain =
        refused.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    // The officer's own answer is the one selected.
    assertThat(shownAgain)
        .containsPattern(
            "<input type=\"radio\" name=\"guardianPresent\"[^>]*value=\"YES\"[^>]*checked")
        .doesNotContainPattern(
            "<input type=\"radio\" name=\"guardianPresent\"[^>]*value=\"NO\"[^>]*checked");
    // The colleague's answer beside the question, with who saved it.
    assertThat(shownAgain)
        .contains("class=\"notice conflict-notice\"")
        .containsPattern(
            "(?s)<p class=\"conflict-theirs\">\\s*<span>Test "
                + java.util.regex.Pattern.quote(colleague.username())
                + " saved this page on [^<]+</span>\\s*<strong>No</strong>");
    java.util.regex.Matcher v =
        java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(shownAgain);
    assertThat(v.find()).isTrue();
    int latest = Integer.parseInt(v.group(1));
    assertThat(latest).isEqualTo(version(id));
    mvc.perform(page(one, id, Step.CHILD, Map.of("guardianPresent", "YES"), latest))
        .andExpect(redirectedUrl("/screenings/" + id + "/steps/recruitment"));
    assertThat(answer(id, "guardianPresent")).isEqualTo("YES");
  }
}
