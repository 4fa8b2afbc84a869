package org.palermo.app.identification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.palermo.app.access.Agency;
import org.palermo.app.access.AgencyType;
import org.palermo.app.access.Role;
import org.palermo.app.identification.ScreeningFixtures;
import org.palermo.app.identification.screening.Step;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The interview through the pages, as a browser without JavaScript uses it: basis first, a draft
 * saved after every page and resumed by a colleague in another session, completion with a stored
 * assessment linked to a case, and the explained result.
 */
@PalermoIntegrationTest
class ScreeningInterviewIT {
  @Autowired MockMvc mvc;
  @Autowired TestAccounts accounts;
  @Autowired ScreeningFixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired org.palermo.app.identification.persistence.ScreeningStore store;

  long screenings(Agency agency) {
    return jdbc.sql("SELECT count(*) FROM screening WHERE owner_agency_id = ?")
        .param(agency.id())
        .query(Long.class)
        .single();
  }

  static UUID idFrom(String redirect) {
    return UUID.fromString(redirect.split("/")[2]);
  }

  MockHttpServletRequestBuilder page(
      MockHttpSession session, UUID id, Step step, Map<String, String> answers, int version) {
    MockHttpServletRequestBuilder b =
        post("/screenings/" + id + "/steps/" + step.slug())
            .session(session)
            .with(csrf())
            .param("action", "next")
            .param("version", String.valueOf(version));
    answers.forEach(
        (k, v) -> {
          if (k.equals("age") || k.equals("ageAtFirstAct")) {
            b.param(k + ".years", v);
          } else {
            b.param(k, v);
          }
        });
    return b;
  }

  int version(UUID id) {
    return jdbc.sql("SELECT version FROM screening WHERE id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  @Test
  void the_legal_basis_is_recorded_before_anything_about_the_person_is_asked() throws Exception {
    TestUser officer = accounts.user(AgencyType.SERVICE_PROVIDER, Role.FRONTLINE_OFFICER);
    MockHttpSession session = ScreeningFixtures.signIn(mvc, officer);

    String form =
        mvc.perform(get("/screenings/new").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(form).contains("name=\"legalBasis\"").doesNotContain("name=\"age");

    mvc.perform(post("/screenings").session(session).with(csrf()).param("age.years", "17"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(model().attribute("problem", "LEGAL_BASIS_REQUIRED"));
    mvc.perform(post("/screenings").session(session).with(csrf()).param("legalBasis", "CONSENT"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(model().attribute("problem", "CONSENT_REQUIRED"));
    assertThat(screenings(officer.agency())).as("nothing stored without a basis").isZero();

    String to =
        mvc.perform(
                post("/screenings")
                    .session(session)
                    .with(csrf())
                    .param("legalBasis", "CONSENT")
                    .param("consentGiven", "true")
                    .param("interviewLanguage", "ar")
                    .param("interpreterPresent", "true"))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(to).endsWith("/steps/person");
    UUID id = idFrom(to);
    Map<String, Object> row =
        jdbc.sql(
                "SELECT legal_basis, consent_given, interview_language, answers::text AS answers"
                    + " FROM screening WHERE id = ?")
            .param(id)
            .query()
            .singleRow();
    assertThat(row)
        .containsEntry("legal_basis", "CONSENT")
        .containsEntry("consent_given", true)
        .containsEntry("interview_language", "ar")
        .containsEntry("answers", "{}");

    mvc.perform(
            post("/screenings/" + UUID.randomUUID() + "/steps/person")
                .session(session)
                .with(csrf())
                .param("age.years", "17"))
        .andExpect(status().isNotFound());
  }

  @Test
  void a_draft_saved_in_one_session_is_resumed_by_a_colleague_in_another() throws Exception {
    TestUser first = accounts.user(AgencyType.SERVICE_PROVIDER, Role.FRONTLINE_OFFICER);
    TestUser colleague = accounts.user(first.agency(), Role.CASEWORKER);
    TestUser stranger = accounts.user(AgencyType.SERVICE_PROVIDER, Role.CASEWORKER);
    MockHttpSession one = ScreeningFixtures.signIn(mvc, first);
    MockHttpSession two = ScreeningFixtures.signIn(mvc, colleague);

    UUID id =
        idFrom(
            mvc.perform(
                    post("/screenings")
                        .session(one)
                        .with(csrf())
                        .param("legalBasis", "VITAL_INTEREST"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl());
    mvc.perform(
            page(one, id, Step.PERSON, Map.of("age", "16", "protection", "PREFER_NOT_TO_SAY"), 0))
        .andExpect(redirectedUrl("/screenings/" + id + "/steps/child"));

    String list =
        mvc.perform(get("/screenings").session(two))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).contains("/screenings/" + id);
    mvc.perform(get("/screenings/" + id).session(two))
        .andExpect(redirectedUrl("/screenings/" + id + "/steps/child"));
    String person =
        mvc.perform(get("/screenings/" + id + "/steps/person").session(two))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(person).contains("value=\"16\"").contains("PREFER_NOT_TO_SAY\" checked");
    String child =
        mvc.perform(get("/screenings/" + id + "/steps/child").session(two))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(child).contains("name=\"guardianPresent\"");

    int shown = version(id);
    mvc.perform(page(two, id, Step.CHILD, Map.of("guardianPresent", "YES"), shown))
        .andExpect(redirectedUrl("/screenings/" + id + "/steps/recruitment"));
    // The first officer's page was shown before the colleague saved: refused, not overwritten.
    mvc.perform(page(one, id, Step.CHILD, Map.of("guardianPresent", "NO"), shown))
        .andExpect(status().isUnprocessableContent())
        .andExpect(model().attribute("problem", "PRECONDITION_FAILED"));
    // Answers are sealed at rest (docs/security.md); read them through the store.
    assertThat(store.find(id).orElseThrow().snapshot().answers().values().get("guardianPresent"))
        .isEqualTo("YES");

    MockHttpSession other = ScreeningFixtures.signIn(mvc, stranger);
    mvc.perform(get("/screenings/" + id + "/steps/person").session(other))
        .andExpect(status().isNotFound());
    assertThat(fixtures.audits("identification.screening.read", id, "DENIED")).isEqualTo(1);
    assertThat(fixtures.audits("identification.screening.save", id, "SUCCESS")).isEqualTo(2);
  }

  @Test
  void invalid_answers_come_back_with_an_error_summary_and_are_not_saved() throws Exception {
    TestUser officer = accounts.user(AgencyType.SERVICE_PROVIDER, Role.FRONTLINE_OFFICER);
    MockHttpSession session = ScreeningFixtures.signIn(mvc, officer);
    UUID id =
        idFrom(
            mvc.perform(
                    post("/screenings")
                        .session(session)
                        .with(csrf())
                        .param("legalBasis", "PUBLIC_INTEREST"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl());
    mvc.perform(page(session, id, Step.PERSON, Map.of("age", "abc"), 0))
        .andExpect(status().isUnprocessableContent())
        .andExpect(model().attribute("problem", "INVALID_ANSWERS"));
    String again =
        mvc.perform(
                get("/screenings/" + id + "/steps/person")
                    .session(session)
                    .flashAttr("problem", "INVALID_ANSWERS")
                    .flashAttr("errors", Map.of("age", "years"))
                    .flashAttr("submitted", Map.of("age", "abc")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(again).contains("error-summary").contains("href=\"#q1\"").contains("has-error");
    assertThat(version(id)).isZero();
  }

  @Test
  void a_completed_interview_stores_its_assessment_links_the_case_and_explains_it()
      throws Exception {
    TestUser officer = accounts.user(AgencyType.SERVICE_PROVIDER, Role.FRONTLINE_OFFICER);
    MockHttpSession session = ScreeningFixtures.signIn(mvc, officer);
    String reference = fixtures.caseOf(officer.agency().id());
    String foreign = fixtures.caseOf(accounts.agency(AgencyType.SERVICE_PROVIDER).id());
    UUID id =
        idFrom(
            mvc.perform(
                    post("/screenings")
                        .session(session)
                        .with(csrf())
                        .param("legalBasis", "VITAL_INTEREST"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl());
    for (var page : ScreeningFixtures.adultForcedLabour().entrySet()) {
      mvc.perform(page(session, id, page.getKey(), page.getValue(), version(id)))
          .andExpect(status().is3xxRedirection());
    }
    mvc.perform(get("/screenings/" + id + "/steps/review").session(session))
        .andExpect(status().isOk());

    mvc.perform(
            post("/screenings/" + id + "/complete")
                .session(session)
                .with(csrf())
                .param("caseReference", foreign))
        .andExpect(model().attribute("problem", "CASE_NOT_FOUND"));
    mvc.perform(
            post("/screenings/" + id + "/complete")
                .session(session)
                .with(csrf())
                .param("caseReference", reference))
        .andExpect(redirectedUrl("/screenings/" + id + "/result"));

    Map<String, Object> stored =
        jdbc.sql(
                "SELECT rule_set, catalogue_version,"
                    + " assessment->'trafficking'->>'finding' AS tip, trafficking_finding"
                    + " FROM screening_assessment WHERE screening_id = ?")
            .param(id)
            .query()
            .singleRow();
    assertThat(stored)
        .containsEntry("rule_set", "palermo-rules/1.1.0")
        .containsEntry("catalogue_version", "palermo-indicators/1.1.0")
        .containsEntry("tip", "INDICATED")
        .containsEntry("trafficking_finding", "INDICATED");
    // The facts are sealed at rest (docs/security.md); the store opens them.
    assertThat(store.assessment(id).orElseThrow().facts()).contains("\"age\"").contains("27");

    String result =
        mvc.perform(get("/screenings/" + id + "/result").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(result)
        .contains("Indicators, not a legal determination.")
        .contains("Pending verification")
        .contains("Trafficking Protocol art. 3(a)")
        .contains("Smuggling Protocol art. 3(a)")
        .contains("Legal aid")
        .contains(reference);
    String arabic =
        mvc.perform(get("/screenings/" + id + "/result").param("lang", "ar").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(arabic)
        .contains("dir=\"rtl\"")
        .contains("نتيجة المقابلة")
        .contains("مؤشرات، وليست قرارًا قانونيًا.")
        .contains("lang=\"en\"");

    // An assessment made under palermo-rules/1.0.0 is still shown as that version computed it,
    // with its own frozen catalogue (RuleSet.forVersion; issue #12).
    jdbc.sql(
            "UPDATE screening_assessment SET rule_set = 'palermo-rules/1.0.0',"
                + " catalogue_version = 'palermo-indicators/1.0.0' WHERE screening_id = ?")
        .param(id)
        .update();
    assertThat(
            mvc.perform(get("/screenings/" + id + "/result").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("palermo-rules/1.0.0")
        .contains("palermo-indicators/1.0.0");

    String byCase =
        mvc.perform(get("/screenings").param("case", reference).session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(byCase).contains("/screenings/" + id);
    mvc.perform(post("/screenings/" + id + "/steps/person").session(session).with(csrf()))
        .andExpect(redirectedUrl("/screenings/" + id + "/result"))
        .andExpect(flash().attribute("problem", "COMPLETED"));

    // Linking is a step of the case: on its timeline, with the screening's id and nothing else,
    // followed by the person's trafficking status the screening now indicates (issue 13 §1).
    UUID caseId = caseId(reference);
    assertThat(timeline(caseId))
        .containsExactly(
            "identification.screeningLinked|screening:" + id,
            "cases.traffickingStatusDerived|status:INDICATED source:SCREENING:" + id);
    String page =
        mvc.perform(get("/cases/" + caseId + "/timeline").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("Screening interview linked to the case");
    // Linking a completed screening to another case of the agency puts it on that case too, and
    // what the screening indicates goes with it to that case's person
    // (TraffickingStatuses.relinked).
    String other = fixtures.caseOf(officer.agency().id());
    mvc.perform(
            post("/screenings/" + id + "/case")
                .session(session)
                .with(csrf())
                .param("caseReference", other))
        .andExpect(redirectedUrl("/screenings/" + id + "/result?linked"));
    assertThat(timeline(caseId(other)))
        .containsExactly(
            "identification.screeningLinked|screening:" + id,
            "cases.traffickingStatusDerived|status:INDICATED source:SCREENING:" + id);
  }

  UUID caseId(String reference) {
    return jdbc.sql("SELECT id FROM case_file WHERE reference = ?")
        .param(reference)
        .query(UUID.class)
        .single();
  }

  java.util.List<String> timeline(UUID caseId) {
    return jdbc.sql("SELECT kind || '|' || detail FROM case_timeline WHERE case_id = ? ORDER BY id")
        .param(caseId)
        .query(String.class)
        .list();
  }
}
